import { z } from 'zod';
import type { LocalizedText } from './localized-text.ts';

/** What the admin app needs, beyond the zod type, to render one intake form field. */
export interface IntakeFieldMeta {
  /** The field's label. */
  readonly label: LocalizedText;
  /** A hint shown under the field. */
  readonly help?: LocalizedText;
  /** Labels of an enum field's values, one per value. */
  readonly options?: Readonly<Record<string, LocalizedText>>;
}

/**
 * The registry holding intake field labels. The admin app reads it to render a plugin's form; the
 * manifest validation reads it to insist that every field of a form is labelled.
 */
export const intakeFieldRegistry = z.registry<IntakeFieldMeta>();

/**
 * Labels a field of an intake form and returns the same schema, so it reads inline:
 * `topic: field(z.string().min(2), { label: { 'zh-CN': '咨询主题', en: 'Topic' } })`.
 * Labels are attached to the schema instance: build a fresh schema for each field rather than
 * sharing one between fields, or the last label wins.
 */
export function field<TSchema extends z.ZodType>(schema: TSchema, meta: IntakeFieldMeta): TSchema {
  intakeFieldRegistry.add(schema, meta);
  return schema;
}

/** The labels of a field, if it has any. */
export function intakeFieldMeta(schema: z.ZodType): IntakeFieldMeta | undefined {
  return intakeFieldRegistry.get(schema);
}

/** Strips optional, nullable, default and catch wrappers, to reach the type a field renders as. */
export function unwrapField(schema: z.ZodType): z.ZodType {
  let current: z.ZodType = schema;
  while (
    current instanceof z.ZodOptional ||
    current instanceof z.ZodNullable ||
    current instanceof z.ZodDefault ||
    current instanceof z.ZodPrefault ||
    current instanceof z.ZodCatch
  ) {
    current = current.unwrap() as z.ZodType;
  }
  return current;
}

/** A problem found by {@link findUnlabelledFields}: the path of the field (`*` for "each item") and what is missing. */
export interface IntakeFieldProblem {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/**
 * Walks a form (nested objects and arrays of objects included) and reports fields without a label
 * and enum fields (or arrays of enums, for multiple choice) whose values are not all labelled.
 */
export function findUnlabelledFields(
  form: z.ZodObject,
  path: readonly (string | number)[] = [],
): IntakeFieldProblem[] {
  const problems: IntakeFieldProblem[] = [];
  for (const [key, schema] of Object.entries(form.shape) as [string, z.ZodType][]) {
    const here = [...path, key];
    const meta = intakeFieldMeta(schema) ?? intakeFieldMeta(unwrapField(schema));
    if (!meta) problems.push({ path: here, message: 'has no label; wrap it in field(schema, { label })' });
    const inner = unwrapField(schema);
    const element = inner instanceof z.ZodArray ? unwrapField(inner.element as z.ZodType) : inner;
    if (element instanceof z.ZodEnum) {
      const values = (element.options as (string | number)[]).map(String);
      const missing = values.filter((value) => !meta?.options?.[value]);
      if (missing.length > 0)
        problems.push({ path: here, message: `has no label for ${missing.join(', ')}` });
    }
    if (element instanceof z.ZodObject) {
      problems.push(...findUnlabelledFields(element, inner instanceof z.ZodArray ? [...here, '*'] : here));
    }
  }
  return problems;
}
