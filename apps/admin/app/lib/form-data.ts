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
