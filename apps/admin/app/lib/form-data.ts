/** A text field of a submitted form; a missing field or a file reads as an empty string. */
export function formText(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === 'string' ? value : '';
}

/** A one-time code as people type it ("123 456", "123-456") reduced to its digits' positions. */
export function normaliseOneTimeCode(value: string): string {
  return value.replace(/[\s-]/g, '');
}

/** A TOTP key in groups of four, as authenticator apps show it and people copy it. */
export function groupSecret(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(' ') ?? '';
}

/** A trimmed optional text field: `null` when left empty, which the API reads as "no value". */
export function optionalText(formData: FormData, name: string): string | null {
  const value = formText(formData, name).trim();
  return value === '' ? null : value;
}

/**
 * A coordinate typed by hand: `null` when empty, `undefined` when it is not a number in range
 * (the caller shows an error). Accepts a decimal comma, as some keyboards type it.
 */
export function parseCoordinate(value: string, limit: 90 | 180): number | null | undefined {
  const text = value.trim().replace(',', '.');
  if (text === '') return null;
  if (!/^[-+]?\d{1,3}(\.\d+)?$/.test(text)) return undefined;
  const number = Number(text);
  return Math.abs(number) <= limit ? number : undefined;
}
