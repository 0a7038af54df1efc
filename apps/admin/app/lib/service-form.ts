import type { Locale } from '@linju/i18n';

/** A field of a service's intake form, as `catalogue.getMany` describes it (`FormField` of the SDK). */
export type ServiceFormField = {
  key: string;
  label: Record<Locale, string>;
  help?: Record<Locale, string> | undefined;
  type: 'text' | 'textarea' | 'number' | 'date' | 'checkbox' | 'select' | 'multiselect' | 'file';
  required: boolean;
  options?: { value: string; label: Record<Locale, string> }[] | undefined;
};

/** Form fields of the service's own form are posted as `form.<key>`. */
export const serviceFieldName = (key: string) => `form.${key}`;

/**
 * The service form's answers from a posted form: only the described fields, empty ones left out so
 * the service's schema says what is missing; several values for a multiple choice.
 */
export function readServiceForm(
  form: FormData,
  fields: readonly ServiceFormField[],
): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const field of fields) {
    const name = serviceFieldName(field.key);
    if (field.type === 'multiselect') {
      const chosen = form.getAll(name).filter((v): v is string => typeof v === 'string' && v !== '');
      if (chosen.length > 0) answers[field.key] = chosen;
    } else if (field.type === 'checkbox') {
      answers[field.key] = form.get(name) === 'on';
    } else if (field.type === 'file') {
      // Read by `readServiceUploads`: a file is never sent back to the page with the typed values.
    } else {
      const value = form.get(name);
      if (typeof value === 'string' && value.trim() !== '') {
        const text = value.trim();
        // A plugin's schema wants a number (`z.int()`), not the posted text; anything that is not a
        // number stays text, so the schema names the field.
        answers[field.key] = field.type === 'number' && /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
      }
    }
  }
  return answers;
}

/** What to fill the fields with again after a refused submission. */
export function serviceFormValues(
  answers: Record<string, unknown>,
): Record<string, string | string[] | boolean> {
  const values: Record<string, string | string[] | boolean> = {};
  for (const [key, value] of Object.entries(answers)) {
    values[key] = Array.isArray(value)
      ? value.map(String)
      : typeof value === 'boolean'
        ? value
        : String(value);
  }
  return values;
}

/** A file as the API takes it for a file field of a service form. */
export type ServiceUpload = { fileName: string; contentType: string; contentBase64: string };

/** The API stores at most 1 MiB per document (`MAX_DOCUMENT_BYTES` in core). */
export const MAX_UPLOAD_BYTES = 1024 * 1024;

/**
 * The files chosen for the form's file fields (a multipart post), base64-encoded for the API.
 * A field left empty is left out, so the service's schema says when it is required; a file over
 * the limit is named in `tooLarge` rather than read.
 */
export async function readServiceUploads(
  form: FormData,
  fields: readonly ServiceFormField[],
): Promise<{ files: Record<string, ServiceUpload>; tooLarge: string[] }> {
  const files: Record<string, ServiceUpload> = {};
  const tooLarge: string[] = [];
  for (const field of fields) {
    if (field.type !== 'file') continue;
    const value = form.get(serviceFieldName(field.key));
    if (typeof value === 'string' || value === null || value.size === 0) continue;
    if (value.size > MAX_UPLOAD_BYTES) {
      tooLarge.push(field.key);
      continue;
    }
    files[field.key] = {
      fileName: value.name,
      contentType: value.type || 'application/octet-stream',
      contentBase64: Buffer.from(await value.arrayBuffer()).toString('base64'),
    };
  }
  return { files, tooLarge };
}
