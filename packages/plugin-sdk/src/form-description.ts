import { z } from 'zod';
import { intakeFieldMeta, unwrapField } from './intake-field.ts';
import { type LocalizedText, localizedTextSchema } from './localized-text.ts';

/**
 * An intake form as plain data: what the admin app renders (no zod on the wire), and what a street
 * office writes when it defines an X service without code. {@link describeForm} turns a plugin's
 * zod form into it; {@link buildForm} turns it back into a zod schema the server validates with.
 */
export const FORM_FIELD_TYPES = [
  'text',
  'textarea',
  'number',
  'date',
  'checkbox',
  'select',
  'multiselect',
  'file',
] as const;
export type FormFieldType = (typeof FORM_FIELD_TYPES)[number];

export const formFieldSchema = z
  .object({
    key: z.string().regex(/^[a-z][a-zA-Z0-9]{0,39}$/, { message: 'form.key_invalid' }),
    label: localizedTextSchema,
    help: localizedTextSchema.optional(),
    type: z.enum(FORM_FIELD_TYPES),
    required: z.boolean().default(false),
    options: z
      .array(z.object({ value: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/), label: localizedTextSchema }))
      .max(50)
      .optional(),
  })
  .refine((f) => !['select', 'multiselect'].includes(f.type) || (f.options?.length ?? 0) > 0, {
    message: 'form.options_required',
    path: ['options'],
  });
export type FormField = z.output<typeof formFieldSchema>;

export const formDescriptionSchema = z
  .array(formFieldSchema)
  .min(1, { message: 'form.fields_required' })
  .max(40)
  .refine((fields) => new Set(fields.map((f) => f.key)).size === fields.length, {
    message: 'form.key_duplicate',
  });

const LONG_TEXT = 500;

function typeOf(schema: z.ZodType): { type: FormFieldType; options?: string[] } | null {
  if (schema instanceof z.ZodEnum)
    return { type: 'select', options: (schema.options as string[]).map(String) };
  if (schema instanceof z.ZodArray) {
    const element = unwrapField(schema.element as z.ZodType);
    return element instanceof z.ZodEnum
      ? { type: 'multiselect', options: (element.options as string[]).map(String) }
      : null;
  }
  if (schema instanceof z.ZodISODate) return { type: 'date' };
  if (schema instanceof z.ZodString)
    return { type: (schema.maxLength ?? Infinity) > LONG_TEXT ? 'textarea' : 'text' };
  if (schema instanceof z.ZodNumber) return { type: 'number' };
  if (schema instanceof z.ZodBoolean) return { type: 'checkbox' };
  return null;
}

/**
 * The flat fields of a plugin's form, as the admin app renders them. Fields of other shapes
 * (nested objects, lists of parties) are left out: the plugin's own admin route renders those.
 */
export function describeForm(form: z.ZodObject): FormField[] {
  const fields: FormField[] = [];
  for (const [key, schema] of Object.entries(form.shape) as [string, z.ZodType][]) {
    const inner = unwrapField(schema);
    const meta = intakeFieldMeta(schema) ?? intakeFieldMeta(inner);
    const shape = typeOf(inner);
    if (!meta || !shape) continue;
    fields.push({
      key,
      label: meta.label,
      ...(meta.help ? { help: meta.help } : {}),
      type: shape.type,
      required: !schema.safeParse(undefined).success,
      ...(shape.options
        ? {
            options: shape.options.map((value) => ({
              value,
              label: (meta.options?.[value] ?? { 'zh-CN': value, en: value }) as LocalizedText,
            })),
          }
        : {}),
    });
  }
  return fields;
}

/** The largest file a form's file field takes (as a case document: 1 MiB). */
export const MAX_FORM_FILE_BYTES = 1024 * 1024;

/**
 * A file field's value. At intake it is the upload itself (base64); the platform then stores it
 * as a case document and keeps only the reference (`documentId`) in the case's form.
 */
export const formFileSchema = z.union([
  z.object({
    fileName: z.string().trim().min(1).max(200),
    contentType: z.string().min(1).max(120),
    contentBase64: z
      .string()
      .min(1)
      .max(Math.ceil((MAX_FORM_FILE_BYTES * 4) / 3) + 8, { message: 'case.document_too_large' }),
  }),
  z.object({
    documentId: z.uuid(),
    fileName: z.string().min(1).max(200),
    contentType: z.string().min(1).max(120),
    sizeBytes: z.int().min(1),
  }),
]);
export type FormFile = z.output<typeof formFileSchema>;

/** The zod schema of a described form: the server validates a declarative X service's intake with it. */
export function buildForm(fields: readonly FormField[]): z.ZodObject {
  const shape: Record<string, z.ZodType> = {};
  for (const f of fields) {
    const values = (f.options ?? []).map((o) => o.value) as [string, ...string[]];
    const base: z.ZodType = {
      text: () =>
        z
          .string()
          .trim()
          .min(f.required ? 1 : 0)
          .max(LONG_TEXT),
      textarea: () =>
        z
          .string()
          .trim()
          .min(f.required ? 1 : 0)
          .max(8000),
      number: () => z.coerce.number().finite(),
      date: () => z.iso.date(),
      checkbox: () => z.coerce.boolean(),
      select: () => z.enum(values),
      multiselect: () => z.array(z.enum(values)).max(values.length),
      file: () => formFileSchema,
    }[f.type]();
    shape[f.key] = f.required || f.type === 'checkbox' ? base : base.optional();
  }
  return z.object(shape);
}
