import type { z } from 'zod';

/** A field of a message and what is wrong with it, as a 400 lists them. */
export type FieldError = { field: string; message: string };

/** Spec, "Errors": `400`, a problem+json body naming each field that is wrong. */
export const malformedMessage = (errors: FieldError[]) =>
  Response.json(
    {
      type: 'about:blank',
      title: 'Malformed message',
      status: 400,
      detail: errors.map((e) => `${e.field}: ${e.message}`).join('; '),
      errors,
    },
    { status: 400, headers: { 'content-type': 'application/problem+json' } },
  );

/** A message body as `schema` reads it (UTF-8 JSON), or the 400 naming what is wrong. */
export function parseMessageBody<T>(
  body: Uint8Array,
  schema: z.ZodType<T>,
): { ok: true; value: T } | { ok: false; response: Response } {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
  } catch {
    return { ok: false, response: malformedMessage([{ field: '(body)', message: 'is not UTF-8 JSON' }]) };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    response: malformedMessage(
      parsed.error.issues.map((i) => ({ field: i.path.join('.') || '(body)', message: i.message })),
    ),
  };
}
