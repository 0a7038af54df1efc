import { type KeyObject, randomBytes, sign } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import {
  BODY_COMPONENTS,
  BODYLESS_COMPONENTS,
  contentDigest,
  createSignatureBase,
  IDEMPOTENCY_HEADER,
  peerUrl,
  type SfInnerList,
  SIGNATURE_LABEL,
  serializeDictionary,
} from '@linju/federation';

/** A key the kit signs with: its own (pinned by the node under test) or a stranger's. */
export type SigningKey = { readonly kid: string; readonly privateKey: KeyObject };

/** How a request departs from a valid one; each check changes exactly one thing. */
export type Tampering = {
  /** No `Signature-Input` nor `Signature`. */
  readonly unsigned?: boolean;
  /** Signed with this key instead of the kit's. */
  readonly key?: SigningKey;
  /** `created` this many seconds away from now. */
  readonly createdOffsetSeconds?: number;
  readonly nonce?: string;
  /** The body sent, when it differs from the body signed (changed in transit). */
  readonly bodySent?: string;
  /** A `Content-Digest` other than the body's sha-256 (signed as it is). */
  readonly contentDigest?: string;
  /** The path the signature names, when it differs from the path requested. */
  readonly signedPath?: string;
  /** The components covered, when fewer than the spec requires. */
  readonly components?: readonly string[];
};

/** One request of the exchange, as the kit sends it. */
export type KitRequest = {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly body?: string;
  /** Required on a POST; a retry repeats it. */
  readonly idempotencyKey?: string;
  readonly tamper?: Tampering;
};

/** A request ready to go, kept whole so that a replay sends the very same bytes. */
export type PreparedRequest = {
  readonly url: string;
  readonly method: 'GET' | 'POST';
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
};

/** What came back, read whole. */
export type KitResponse = {
  readonly status: number;
  readonly contentType: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly bytes: Buffer;
  readonly text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  readonly json: unknown;
};

const item = (value: string) => ({ item: { type: 'string' as const, value }, params: [] });

/**
 * Signs a request as spec "Messages" says (RFC 9421, Ed25519; RFC 9530 digest), then applies the
 * tampering. The signature is built here rather than with the federation's `signRequest` so that
 * a check can sign what a correct sender never would (a sha-512-only digest, another path).
 */
export function prepareRequest(baseUrl: string, key: SigningKey, request: KitRequest): PreparedRequest {
  const tamper = request.tamper ?? {};
  const url = peerUrl(baseUrl, request.path);
  const headers: Record<string, string> = { accept: 'application/json' };
  const covered: Record<string, string> = {};
  if (request.method === 'POST') {
    headers['content-type'] = 'application/json';
    const idempotencyKey = request.idempotencyKey ?? randomBytes(12).toString('base64url');
    const digest = tamper.contentDigest ?? contentDigest(request.body ?? '');
    headers[IDEMPOTENCY_HEADER] = idempotencyKey;
    headers['content-digest'] = digest;
    covered['content-digest'] = digest;
    covered['linju-idempotency-key'] = idempotencyKey;
  }
  const body = tamper.bodySent ?? request.body;
  if (tamper.unsigned)
    return { url, method: request.method, headers, ...(body === undefined ? {} : { body }) };

  const signer = tamper.key ?? key;
  const components = tamper.components ?? (request.method === 'POST' ? BODY_COMPONENTS : BODYLESS_COMPONENTS);
  const params: SfInnerList = {
    items: components.map(item),
    params: [
      [
        'created',
        { type: 'integer', value: Math.floor(Date.now() / 1000) + (tamper.createdOffsetSeconds ?? 0) },
      ],
      ['nonce', { type: 'string', value: tamper.nonce ?? randomBytes(16).toString('base64url') }],
      ['keyid', { type: 'string', value: signer.kid }],
      ['alg', { type: 'string', value: 'ed25519' }],
    ],
  };
  const signedUrl = tamper.signedPath ? peerUrl(baseUrl, tamper.signedPath) : url;
  const base = createSignatureBase({ method: request.method, url: signedUrl, headers: covered }, params);
  const signature = sign(null, Buffer.from(base, 'utf8'), signer.privateKey);
  headers['signature-input'] = serializeDictionary(new Map([[SIGNATURE_LABEL, params]]));
  headers.signature = serializeDictionary(
    new Map([[SIGNATURE_LABEL, { item: { type: 'bytes', value: new Uint8Array(signature) }, params: [] }]]),
  );
  return { url, method: request.method, headers, ...(body === undefined ? {} : { body }) };
}

/** The most of an answer the kit reads: the spec's 1 MiB and some. */
const MAX_ANSWER_BYTES = 2 * 1024 * 1024;

/**
 * Sends a prepared request on `node:http(s)` (any address: the kit tests what it is pointed at).
 * An answer that arrives before the whole body was written (a 413) is still read: the write's
 * error on the closed connection is not the result.
 */
export function sendRequest(prepared: PreparedRequest, timeoutMs = 30_000): Promise<KitResponse> {
  const url = new URL(prepared.url);
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const body = prepared.body === undefined ? undefined : Buffer.from(prepared.body, 'utf8');
    const req = request(url, {
      method: prepared.method,
      headers: { ...prepared.headers, ...(body ? { 'content-length': String(body.length) } : {}) },
      timeout: timeoutMs,
      // A connection per request: after a refused body (413) a kept-alive socket is not reusable.
      agent: false,
    });
    let answered = false;
    req.on('response', (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= MAX_ANSWER_BYTES) chunks.push(chunk);
      });
      res.on('end', () => {
        const bytes = Buffer.concat(chunks);
        const text = bytes.toString('utf8');
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({
          status: res.statusCode ?? 0,
          contentType: String(res.headers['content-type'] ?? ''),
          headers: res.headers,
          bytes,
          text,
          json,
        });
      });
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer from ${url.origin} in ${timeoutMs / 1000} s`)));
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    if (body) req.write(body, () => {});
    req.end();
  });
}
