import { type KeyObject, randomBytes, sign, verify } from 'node:crypto';
import { type Body, contentDigest, verifyContentDigest } from './content-digest.ts';
import {
  createSignatureBase,
  headerValue,
  SignatureBaseError,
  type SignedMessage,
} from './signature-base.ts';
import {
  isInnerList,
  parseDictionary,
  type SfBareItem,
  type SfInnerList,
  StructuredFieldError,
  serializeDictionary,
  serializeMember,
} from './structured-fields.ts';

/** The idempotency header of the referral exchange; a retry repeats it with a fresh signature. */
export const IDEMPOTENCY_HEADER = 'Linju-Idempotency-Key';

/** The signature label the protocol uses. */
export const SIGNATURE_LABEL = 'sig1';

/** How far `created` may be from the receiver's clock, in seconds (5 minutes). */
export const MAX_CLOCK_SKEW_SECONDS = 300;

/** Components covered on a request with a body, in this order. */
export const BODY_COMPONENTS = ['@method', '@target-uri', 'content-digest', 'linju-idempotency-key'] as const;

/** Components covered on a request without a body (GET). */
export const BODYLESS_COMPONENTS = ['@method', '@target-uri'] as const;

/** What {@link signRequest} needs. */
export interface SignRequestInput extends SignedMessage {
  /** The body as it will be sent, byte for byte; omit for GET and HEAD. */
  readonly body?: Body;
  /** This node's Ed25519 private key. */
  readonly key: KeyObject;
  /** The key id peers pinned for `key`. */
  readonly kid: string;
  /** Defaults to the current time; fixed in tests. */
  readonly now?: Date;
  /** Defaults to 16 random bytes, base64url; fixed in tests. */
  readonly nonce?: string;
}

/** Headers to add to a signed request. */
export interface SignatureHeaders {
  'Signature-Input': string;
  Signature: string;
  /** Present unless the request is a GET or HEAD. */
  'Content-Digest'?: string;
  /** The caller's idempotency key, repeated so the returned headers are complete. */
  'Linju-Idempotency-Key'?: string;
}

const string = (value: string): SfBareItem => ({ type: 'string', value });

/** Methods whose requests have no body and so cover only `"@method" "@target-uri"`. */
const BODYLESS_METHODS = new Set(['GET', 'HEAD']);

/**
 * Signs a request as the referral-exchange protocol requires (RFC 9421 with Ed25519). A GET or HEAD
 * covers `"@method" "@target-uri"`. Any other method has a body (empty if omitted), covers
 * `"@method" "@target-uri" "content-digest" "linju-idempotency-key"` and gets a `Content-Digest`;
 * it must carry a `Linju-Idempotency-Key` header, because only the caller can keep that key stable
 * across retries.
 * Parameters are `created`, `nonce`, `keyid` and `alg="ed25519"`, in that order.
 */
export function signRequest(input: SignRequestInput): SignatureHeaders {
  const created = Math.floor((input.now ?? new Date()).getTime() / 1000);
  const nonce = input.nonce ?? randomBytes(16).toString('base64url');
  const added: SignatureHeaders = { 'Signature-Input': '', Signature: '' };
  let components: readonly string[] = BODYLESS_COMPONENTS;
  let headers = input.headers;

  if (BODYLESS_METHODS.has(input.method.toUpperCase())) {
    if (input.body !== undefined) throw new TypeError(`A ${input.method} request carries no body`);
  } else {
    const idempotencyKey = headerValue(input.headers, IDEMPOTENCY_HEADER);
    if (!idempotencyKey) {
      throw new TypeError(
        `A signed ${input.method} request needs a ${IDEMPOTENCY_HEADER} header (kept across retries)`,
      );
    }
    added['Content-Digest'] = contentDigest(input.body ?? '');
    added[IDEMPOTENCY_HEADER] = idempotencyKey;
    components = BODY_COMPONENTS;
    headers = { 'content-digest': added['Content-Digest'], 'linju-idempotency-key': idempotencyKey };
  }

  const signatureParams: SfInnerList = {
    items: components.map((component) => ({ item: string(component), params: [] })),
    params: [
      ['created', { type: 'integer', value: created }],
      ['nonce', string(nonce)],
      ['keyid', string(input.kid)],
      ['alg', string('ed25519')],
    ],
  };
  const base = createSignatureBase({ method: input.method, url: input.url, headers }, signatureParams);
  const signature = sign(null, Buffer.from(base, 'utf8'), input.key);

  added['Signature-Input'] = serializeDictionary(new Map([[SIGNATURE_LABEL, signatureParams]]));
  added.Signature = serializeDictionary(
    new Map([[SIGNATURE_LABEL, { item: { type: 'bytes', value: new Uint8Array(signature) }, params: [] }]]),
  );
  return added;
}

/** Why a request's signature was refused. */
export type VerifyFailure =
  | 'missing-signature'
  | 'malformed-signature'
  | 'insufficient-coverage'
  | 'unsupported-algorithm'
  | 'clock-skew'
  | 'unknown-key'
  | 'malformed-digest'
  | 'digest-mismatch'
  | 'bad-signature'
  | 'replayed-nonce';

/** The HTTP status each failure answers with (spec "Errors": 401, and 400 for a malformed digest). */
export const VERIFY_FAILURE_STATUS: Readonly<Record<VerifyFailure, 400 | 401>> = {
  'missing-signature': 401,
  'malformed-signature': 401,
  'insufficient-coverage': 401,
  'unsupported-algorithm': 401,
  'clock-skew': 401,
  'unknown-key': 401,
  'malformed-digest': 400,
  'digest-mismatch': 401,
  'bad-signature': 401,
  'replayed-nonce': 401,
};

/** A verified request: who signed it, when, and what the signature covers. */
export interface VerifiedRequest {
  readonly ok: true;
  readonly keyid: string;
  readonly created: number;
  readonly nonce: string;
  readonly components: readonly string[];
}

/** A refused request, with the status to answer. */
export interface RefusedRequest {
  readonly ok: false;
  readonly failure: VerifyFailure;
  readonly status: 400 | 401;
  readonly message: string;
}

/** What {@link verifyRequest} needs. */
export interface VerifyRequestInput extends SignedMessage {
  /** The raw body as received; omit for GET. */
  readonly body?: Body;
  /** The pinned public key for a key id, or undefined for a key no trusted peer owns. */
  resolveKey(kid: string): KeyObject | undefined | Promise<KeyObject | undefined>;
  /** The receiver's clock. */
  readonly now: Date;
  /**
   * Whether this nonce was already seen from this key within the window; records it otherwise.
   * Called only once the signature is valid, so forged requests cannot fill the cache.
   */
  nonceSeen(nonce: string, created: number, keyid: string): boolean | Promise<boolean>;
}

const refuse = (failure: VerifyFailure, message: string): RefusedRequest => ({
  ok: false,
  failure,
  status: VERIFY_FAILURE_STATUS[failure],
  message,
});

/**
 * Verifies a request signed per the referral-exchange protocol. The checks run cheapest first:
 * headers parse; the signature covers what the method requires; `alg` is ed25519; `created` is
 * within 5 minutes of `now` (and `expires`, if present, not past); the key id is pinned; the
 * `Content-Digest` matches the body; the signature verifies; the nonce is fresh.
 */
export async function verifyRequest(input: VerifyRequestInput): Promise<VerifiedRequest | RefusedRequest> {
  const inputField = headerValue(input.headers, 'signature-input');
  const signatureField = headerValue(input.headers, 'signature');
  if (!inputField || !signatureField)
    return refuse('missing-signature', 'Signature-Input and Signature are required');

  let signatureParams: SfInnerList;
  let signature: Uint8Array;
  try {
    const inputs = parseDictionary(inputField);
    const signatures = parseDictionary(signatureField);
    const label = inputs.has(SIGNATURE_LABEL) ? SIGNATURE_LABEL : [...inputs.keys()][0];
    const params = label === undefined ? undefined : inputs.get(label);
    const value = label === undefined ? undefined : signatures.get(label);
    if (!params || !isInnerList(params))
      return refuse('malformed-signature', 'Signature-Input has no inner list');
    if (!value || isInnerList(value) || value.item.type !== 'bytes') {
      return refuse('malformed-signature', `Signature has no byte sequence labelled "${label}"`);
    }
    signatureParams = params;
    signature = value.item.value;
  } catch (error) {
    if (error instanceof StructuredFieldError) return refuse('malformed-signature', error.message);
    throw error;
  }

  const param = (name: string) => signatureParams.params.find(([key]) => key === name)?.[1];
  const created = param('created');
  const expires = param('expires');
  const nonce = param('nonce');
  const keyid = param('keyid');
  const alg = param('alg');
  if (created?.type !== 'integer' || nonce?.type !== 'string' || keyid?.type !== 'string') {
    return refuse('malformed-signature', 'created (integer), nonce and keyid (strings) are required');
  }
  if (nonce.value.length === 0 || nonce.value.length > 256)
    return refuse('malformed-signature', 'nonce length');
  if (expires !== undefined && expires.type !== 'integer')
    return refuse('malformed-signature', 'expires must be an integer');

  const components = signatureParams.items.map(({ item }) => (item.type === 'string' ? item.value : ''));
  const required = BODYLESS_METHODS.has(input.method.toUpperCase()) ? BODYLESS_COMPONENTS : BODY_COMPONENTS;
  const missing = required.filter((component) => !components.includes(component));
  if (missing.length > 0)
    return refuse('insufficient-coverage', `the signature must cover ${missing.join(', ')}`);

  if (alg !== undefined && (alg.type !== 'string' || alg.value !== 'ed25519')) {
    return refuse('unsupported-algorithm', 'alg must be "ed25519"');
  }

  const now = Math.floor(input.now.getTime() / 1000);
  if (Math.abs(now - created.value) > MAX_CLOCK_SKEW_SECONDS) {
    return refuse(
      'clock-skew',
      `created is ${now - created.value} s from the receiver's clock (limit 300 s)`,
    );
  }
  if (expires?.type === 'integer' && now > expires.value)
    return refuse('clock-skew', 'the signature has expired');

  const key = await input.resolveKey(keyid.value);
  if (!key) return refuse('unknown-key', `no pinned key "${keyid.value}"`);
  if (key.asymmetricKeyType !== 'ed25519')
    return refuse('unsupported-algorithm', 'the pinned key is not Ed25519');

  if (components.includes('content-digest')) {
    const digestField = headerValue(input.headers, 'content-digest');
    if (!digestField) return refuse('malformed-digest', 'Content-Digest is covered but absent');
    const check = verifyContentDigest(digestField, input.body ?? '');
    if (!check.ok)
      return refuse(check.reason === 'malformed' ? 'malformed-digest' : 'digest-mismatch', check.message);
  }

  let base: string;
  try {
    base = createSignatureBase(input, signatureParams);
  } catch (error) {
    if (error instanceof SignatureBaseError || error instanceof StructuredFieldError) {
      return refuse('malformed-signature', error.message);
    }
    throw error;
  }
  if (signature.length !== 64 || !verify(null, Buffer.from(base, 'utf8'), key, signature)) {
    return refuse('bad-signature', `the signature ${serializeMember(signatureParams)} does not verify`);
  }

  if (await input.nonceSeen(nonce.value, created.value, keyid.value)) {
    return refuse('replayed-nonce', 'this nonce was already used');
  }
  return { ok: true, keyid: keyid.value, created: created.value, nonce: nonce.value, components };
}
