import {
  createHash,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  randomUUID,
  verify,
} from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A second implementation of the receiving side of spec/referral-exchange.md, written from the
 * spec alone for the conformance kit's own test: plain node:http and node:crypto, nothing from
 * packages/federation or any @linju package, so the kit's checks meet the spec and not Linju's
 * reading of it. One organisation (`court`), everything in memory.
 */

/** A node document as the spec names its members; only what this node reads of a peer's. */
type PeerDocument = { nodeId: string; publicKeys: { kty: string; crv: string; x: string; kid: string }[] };

/** Ways this node can be wrong on purpose, to see the kit notice. */
export type Defects = { acceptReplayedNonce?: boolean };

type Referral = {
  status: string;
  events: { type: string; at: string; reason?: string }[];
  applied: Set<string>;
};

const ORG = 'court';
const LIMIT = 1024 * 1024;
const SKEW = 300;
const FINAL = new Set(['completed', 'failed', 'rejected', 'cancelled']);

class Refusal extends Error {
  readonly status: number;
  readonly extra: Record<string, unknown>;
  constructor(status: number, message: string, extra: Record<string, unknown> = {}) {
    super(message);
    this.status = status;
    this.extra = extra;
  }
}

function answer(res: ServerResponse, status: number, body: unknown, problem = false) {
  res.writeHead(status, { 'content-type': problem ? 'application/problem+json' : 'application/json' });
  res.end(JSON.stringify(body));
}

/** Reads the body up to the spec's 1 MiB; past it, a 413. */
async function readBody(req: IncomingMessage): Promise<Buffer> {
  if (Number(req.headers['content-length'] ?? 0) > LIMIT) throw new Refusal(413, 'body over 1 MiB');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > LIMIT) throw new Refusal(413, 'body over 1 MiB');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** `sig1=("@method" …);created=…;nonce="…";keyid="…";alg="ed25519"`, read as the spec writes it. */
function parseSignatureInput(field: string) {
  const match = /^sig1=(\(([^)]*)\)(.*))$/.exec(field.trim());
  if (!match) throw new Refusal(401, 'Signature-Input is not sig1=(…)');
  const [, params = '', list = '', rest = ''] = match;
  const components = [...list.matchAll(/"([^"]+)"/g)].map((m) => m[1] as string);
  const param = (name: string) => new RegExp(`;${name}=("([^"]*)"|(-?\\d+))`).exec(rest);
  const created = Number(param('created')?.[3]);
  const nonce = param('nonce')?.[2];
  const keyid = param('keyid')?.[2];
  const alg = param('alg')?.[2];
  if (!Number.isInteger(created) || !nonce || !keyid)
    throw new Refusal(401, 'created, nonce and keyid are required');
  if (alg !== undefined && alg !== 'ed25519') throw new Refusal(401, 'alg must be ed25519');
  return { params, components, created, nonce, keyid };
}

/** Starts the node on a free loopback port, trusting the peers whose documents it is given. */
export async function startMinimalNode(peers: PeerDocument[], defects: Defects = {}) {
  const { publicKey } = generateKeyPairSync('ed25519');
  const jwk = publicKey.export({ format: 'jwk' });
  const keys = new Map<string, { nodeId: string; key: KeyObject }>();
  for (const peer of peers)
    for (const k of peer.publicKeys)
      keys.set(k.kid, {
        nodeId: peer.nodeId,
        key: createPublicKey({ key: { kty: k.kty, crv: k.crv, x: k.x }, format: 'jwk' }),
      });
  const nonces = new Set<string>();
  const creates = new Map<string, { digest: string; receipt: string }>();
  const referrals = new Map<string, Referral>();
  let baseUrl = '';
  let nodeId = '';

  /** The calling node, once its signature (and digest) are good. */
  function authenticate(req: IncomingMessage, path: string, body: Buffer | undefined): string {
    const input = req.headers['signature-input'];
    const signature = /^sig1=:([A-Za-z0-9+/=]+):$/.exec(String(req.headers.signature ?? '').trim());
    if (typeof input !== 'string' || !signature)
      throw new Refusal(401, 'Signature-Input and Signature are required');
    const sig = parseSignatureInput(input);
    const required = body
      ? ['@method', '@target-uri', 'content-digest', 'linju-idempotency-key']
      : ['@method', '@target-uri'];
    if (required.some((c) => !sig.components.includes(c)))
      throw new Refusal(401, `must cover ${required.join(' ')}`);
    if (Math.abs(Date.now() / 1000 - sig.created) > SKEW)
      throw new Refusal(401, 'created is too far from our clock');
    const peer = keys.get(sig.keyid);
    if (!peer) throw new Refusal(401, 'unknown key');
    if (body) {
      const digest = /(?:^|,)\s*sha-256=:([A-Za-z0-9+/=]+):/.exec(
        String(req.headers['content-digest'] ?? ''),
      );
      if (!digest)
        throw new Refusal(400, 'Content-Digest needs sha-256', { errors: [{ field: 'Content-Digest' }] });
      if (digest[1] !== createHash('sha256').update(body).digest('base64'))
        throw new Refusal(401, 'Content-Digest does not match');
    }
    const value = (c: string) => {
      if (c === '@method') return req.method ?? '';
      if (c === '@target-uri') return new URL(path, baseUrl).toString();
      const header = req.headers[c];
      if (typeof header !== 'string') throw new Refusal(401, `covered header ${c} is absent`);
      return header.trim();
    };
    const base = [
      ...sig.components.map((c) => `"${c}": ${value(c)}`),
      `"@signature-params": ${sig.params}`,
    ].join('\n');
    if (!verify(null, Buffer.from(base), peer.key, Buffer.from(signature[1] as string, 'base64')))
      throw new Refusal(401, 'the signature does not verify');
    const seen = `${sig.keyid} ${sig.nonce}`;
    if (nonces.has(seen) && !defects.acceptReplayedNonce) throw new Refusal(401, 'replayed nonce');
    nonces.add(seen);
    return peer.nodeId;
  }

  function parse(body: Buffer, required: string[]): Record<string, unknown> {
    let json: unknown;
    try {
      json = JSON.parse(body.toString('utf8'));
    } catch {
      throw new Refusal(400, 'not JSON', { errors: [{ field: '(body)' }] });
    }
    if (typeof json !== 'object' || json === null) throw new Refusal(400, 'not an object');
    const missing = required.filter((f) => !(f in json));
    if (missing.length)
      throw new Refusal(400, `missing ${missing.join(', ')}`, {
        errors: missing.map((field) => ({ field })),
      });
    return json as Record<string, unknown>;
  }

  function create(caller: string, key: string, body: Buffer) {
    const message = parse(body, [
      'id',
      'from',
      'to',
      'kind',
      'subject',
      'summary',
      'attachments',
      'requestedBy',
      'dueBy',
      'createdAt',
    ]);
    if (!String(message.from).endsWith(`@${caller}`))
      throw new Refusal(403, '"from" is not of the calling node');
    if (message.to !== `${ORG}@${nodeId}`) throw new Refusal(403, '"to" is not an organisation of this node');
    const digest = createHash('sha256').update(body).digest('hex');
    const earlier = creates.get(`${caller} ${key}`);
    if (earlier && earlier.digest !== digest)
      throw new Refusal(409, 'this idempotency key came with another body');
    if (earlier) return { receipt: earlier.receipt, status: 'received' };
    const name = `${caller} ${String(message.id)}`;
    if (referrals.has(name)) throw new Refusal(409, 'this referral id was used with another message');
    const receipt = randomUUID();
    creates.set(`${caller} ${key}`, { digest, receipt });
    referrals.set(name, { status: 'received', events: [], applied: new Set() });
    return { receipt, status: 'received' };
  }

  function event(caller: string, id: string, key: string, body: Buffer) {
    const message = parse(body, ['type', 'at', 'by']);
    const referral = referrals.get(`${caller} ${id}`);
    if (!referral) throw new Refusal(404, 'unknown referral');
    if (referral.applied.has(key)) return { status: referral.status };
    // This node only receives: its sender may cancel or note, nothing else.
    if (message.type !== 'cancelled' && message.type !== 'note')
      throw new Refusal(403, 'a sender may only cancel or note');
    if (message.type === 'cancelled' && typeof message.reason !== 'string')
      throw new Refusal(400, 'reason is required', { errors: [{ field: 'reason' }] });
    if (message.type === 'cancelled') {
      if (FINAL.has(referral.status))
        throw new Refusal(409, `referral is ${referral.status}`, { currentState: referral.status });
      referral.status = 'cancelled';
    }
    referral.applied.add(key);
    referral.events.push({
      type: String(message.type),
      at: String(message.at),
      ...(typeof message.reason === 'string' ? { reason: message.reason } : {}),
    });
    return { status: referral.status };
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const path = (req.url ?? '/').split('?')[0] as string;
    if (req.method === 'GET' && path === '/.well-known/linju-node') {
      return answer(res, 200, {
        nodeId,
        name: 'Minimal node',
        baseUrl,
        publicKeys: [{ kty: 'OKP', crv: 'Ed25519', x: jwk.x, kid: 'minimal-1' }],
        organisations: [{ orgId: ORG, names: { 'zh-CN': '最小法院' }, kind: 'court' }],
      });
    }
    const parts = path.startsWith('/federation/v1/referrals')
      ? path.slice(24).split('/').filter(Boolean).map(decodeURIComponent)
      : undefined;
    if (!parts) throw new Refusal(404, 'not found');
    const body = req.method === 'POST' ? await readBody(req) : undefined;
    const caller = authenticate(req, path, body);
    const key = String(req.headers['linju-idempotency-key'] ?? '');
    const [id = '', sub] = parts;
    if (req.method === 'POST' && parts.length === 0)
      return answer(res, 202, create(caller, key, body as Buffer));
    if (req.method === 'POST' && parts.length === 2 && sub === 'events')
      return answer(res, 202, event(caller, id, key, body as Buffer));
    const referral = referrals.get(`${caller} ${id}`);
    if (req.method === 'GET' && parts.length === 1 && referral)
      return answer(res, 200, { status: referral.status, events: referral.events });
    throw new Refusal(404, parts.length === 3 ? 'unknown attachment' : 'unknown referral');
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const refusal = error instanceof Refusal ? error : new Refusal(500, String(error));
      answer(res, refusal.status, { title: refusal.message, status: refusal.status, ...refusal.extra }, true);
      // A body left unread (a 413) is not waited for.
      if (refusal.status === 413) res.once('finish', () => req.destroy());
    });
  });
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  nodeId = `minimal-${(server.address() as AddressInfo).port}`;
  return { baseUrl, nodeId, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
