import { type SfInnerList, serializeBareItem, serializeMember } from './structured-fields.ts';

/** Request headers as frameworks hand them over: a fetch `Headers`, or a plain object (Node's `req.headers`). */
export type HeaderInput = Headers | Readonly<Record<string, string | readonly string[] | undefined>>;

/** The parts of a request a signature can cover. */
export interface SignedMessage {
  readonly method: string;
  /** The absolute target URI, e.g. `https://node.example/federation/v1/referrals`. */
  readonly url: string;
  readonly headers: HeaderInput;
}

/** Thrown when a covered component cannot be produced (an absent header, an unknown derived component). */
export class SignatureBaseError extends Error {
  override readonly name = 'SignatureBaseError';
}

/** The value of a header field, all its lines trimmed and joined with `, ` (RFC 9421 §2.1); undefined if absent. */
export function headerValue(headers: HeaderInput, name: string): string | undefined {
  const lower = name.toLowerCase();
  if (headers instanceof Headers) return headers.get(lower) ?? undefined;
  const values: string[] = [];
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== lower || value === undefined) continue;
    if (typeof value === 'string') values.push(value);
    else values.push(...value);
  }
  return values.length === 0 ? undefined : values.map((value) => value.trim()).join(', ');
}

/** The value of one covered component (RFC 9421 §2.1, §2.2). */
export function componentValue(message: SignedMessage, component: string): string {
  if (!component.startsWith('@')) {
    const value = headerValue(message.headers, component);
    if (value === undefined) throw new SignatureBaseError(`the covered header "${component}" is absent`);
    return value;
  }
  const url = new URL(message.url);
  switch (component) {
    case '@method':
      return message.method.toUpperCase();
    case '@target-uri':
      return url.href;
    case '@authority':
      return url.host;
    case '@scheme':
      return url.protocol.slice(0, -1);
    case '@request-target':
      return `${url.pathname}${url.search}`;
    case '@path':
      return url.pathname;
    case '@query':
      return url.search === '' ? '?' : url.search;
    default:
      throw new SignatureBaseError(`the derived component "${component}" is not supported`);
  }
}

/**
 * The signature base of RFC 9421 §2.5: one line `"<component>": <value>` per covered component, in
 * order, then the `"@signature-params"` line holding the serialized inner list, with no trailing
 * newline. `signatureParams` is the inner list exactly as it appears (or will appear) in
 * `Signature-Input`; its items are the covered component names as strings without parameters.
 */
export function createSignatureBase(message: SignedMessage, signatureParams: SfInnerList): string {
  const lines: string[] = [];
  const seen = new Set<string>();
  for (const { item, params } of signatureParams.items) {
    if (item.type !== 'string') throw new SignatureBaseError('a covered component must be a string');
    if (params.length > 0)
      throw new SignatureBaseError(`component parameters are not supported ("${item.value}")`);
    if (item.value !== item.value.toLowerCase()) {
      throw new SignatureBaseError(`component names are lowercase ("${item.value}")`);
    }
    if (seen.has(item.value)) throw new SignatureBaseError(`the component "${item.value}" is covered twice`);
    seen.add(item.value);
    const value = componentValue(message, item.value);
    if (/[\r\n]/.test(value))
      throw new SignatureBaseError(`the component "${item.value}" contains a line break`);
    lines.push(`${serializeBareItem(item)}: ${value}`);
  }
  lines.push(`"@signature-params": ${serializeMember(signatureParams)}`);
  return lines.join('\n');
}
