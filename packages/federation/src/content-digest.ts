import { createHash, timingSafeEqual } from 'node:crypto';
import { isInnerList, parseDictionary, StructuredFieldError } from './structured-fields.ts';

/** A request or response body as signed: text is encoded as UTF-8. */
export type Body = string | Uint8Array;

function bytesOf(body: Body): Buffer {
  return typeof body === 'string'
    ? Buffer.from(body, 'utf8')
    : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
}

/** The RFC 9530 `Content-Digest` value of a body: `sha-256=:<base64>:`. */
export function contentDigest(body: Body): string {
  return `sha-256=:${createHash('sha256').update(bytesOf(body)).digest('base64')}:`;
}

/** Outcome of {@link verifyContentDigest}. */
export type ContentDigestCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'malformed' | 'mismatch'; readonly message: string };

/**
 * Checks a `Content-Digest` field against the body. The field is a structured dictionary that may
 * list several algorithms; this checks `sha-256` and refuses as malformed a field without it.
 */
export function verifyContentDigest(field: string, body: Body): ContentDigestCheck {
  let expected: Uint8Array;
  try {
    const member = parseDictionary(field).get('sha-256');
    if (!member || isInnerList(member) || member.item.type !== 'bytes') {
      return { ok: false, reason: 'malformed', message: 'Content-Digest has no sha-256 byte sequence' };
    }
    expected = member.item.value;
  } catch (error) {
    if (!(error instanceof StructuredFieldError)) throw error;
    return { ok: false, reason: 'malformed', message: `Content-Digest is malformed: ${error.message}` };
  }
  if (expected.length !== 32) {
    return { ok: false, reason: 'malformed', message: 'Content-Digest sha-256 is not 32 bytes' };
  }
  const actual = createHash('sha256').update(bytesOf(body)).digest();
  return timingSafeEqual(actual, expected)
    ? { ok: true }
    : { ok: false, reason: 'mismatch', message: 'Content-Digest does not match the body' };
}
