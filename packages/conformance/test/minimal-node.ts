import {
  createHash,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  randomUUID,
  sign,
  verify,
} from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A second implementation of spec/referral-exchange.md, written from the spec alone for the
 * conformance kit's own test: plain node:http and node:crypto, nothing from packages/federation or
 * any @linju package, so the kit's checks meet the spec and not Linju's reading of it. It receives
 * referrals, and sends some (`sendReferral`) whose receiver then reports on them. One organisation
 * (`court`), everything in memory.
 */

/** A node document as the spec names its members; only what this node reads of a peer's. */
type PeerDocument = {
  nodeId: string;
  baseUrl: string;
  publicKeys: { kty: string; crv: string; x: string; kid: string }[];
};

/** Ways this node can be wrong on purpose, to see the kit notice. */
export type Defects = {
  acceptReplayedNonce?: boolean;
  ignoreTransitions?: boolean;
  /** Signs with a key its well-known document does not publish. */
  signWithUnpublishedKey?: boolean;
};

/** The spec's "States": the moves from each state (a sender's `cancelled` aside). */
const MOVES: Record<string, string[]> = {
  received: ['accepted', 'rejected'],
  accepted: ['in-progress', 'failed'],
  'in-progress': ['completed', 'failed'],
};
const RECEIVER_EVENTS = new Set(['accepted', 'rejected', 'in-progress', 'note', 'completed', 'failed']);

/** A referral this node sent: to whom, its state, and the documents that went with it. */
type Outgoing = { receiverNode: string; status: string; applied: Set<string>; files: Map<string, Buffer> };

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
  const { publicKey, privateKey: publishedKey } = generateKeyPairSync('ed25519');
  const privateKey = defects.signWithUnpublishedKey
    ? generateKeyPairSync('ed25519').privateKey
    : publishedKey;
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
  const outgoing = new Map<string, Outgoing>();
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
    const sent = outgoing.get(id);
    // Looked up as the party that may post the event: the receiver of ours, or the sender of theirs.
    if (sent && sent.receiverNode === caller && RECEIVER_EVENTS.has(String(message.type)))
      return receiverEvent(sent, key, message);
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

  /** An event from the receiver of a referral this node sent. */
  function receiverEvent(sent: Outgoing, key: string, message: Record<string, unknown>) {
    if (sent.applied.has(key)) return { status: sent.status };
    const type = String(message.type);
    if ((type === 'rejected' || type === 'failed') && typeof message.reason !== 'string')
      throw new Refusal(400, 'reason is required', { errors: [{ field: 'reason' }] });
    const outcome = message.outcome as { documents?: { sha256: string; url: string }[] } | undefined;
    if (type === 'completed' && typeof outcome !== 'object')
      throw new Refusal(400, 'outcome is required', { errors: [{ field: 'outcome' }] });
    if (type !== 'note' && !defects.ignoreTransitions && !MOVES[sent.status]?.includes(type))
      throw new Refusal(409, `referral is ${sent.status}`, { currentState: sent.status });
    if (type !== 'note') sent.status = type;
    sent.applied.add(key);
    // The outcome's documents are fetched from the receiver, signed, and checked against their hash.
    for (const document of outcome?.documents ?? []) {
      const peer = peers.find((p) => p.nodeId === sent.receiverNode);
      if (peer)
        signedFetch('GET', new URL(new URL(document.url, peer.baseUrl).pathname, peer.baseUrl).toString())
          .then((response) => response.arrayBuffer())
          .catch(() => {});
    }
    return { status: sent.status };
  }

  /** A request signed as the spec says, with this node's key. */
  function signedFetch(method: 'GET' | 'POST', url: string, body?: string, key?: string) {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    const covered: [string, string][] = [
      ['@method', method],
      ['@target-uri', new URL(url).toString()],
    ];
    if (body !== undefined) {
      headers['content-digest'] = `sha-256=:${createHash('sha256').update(body).digest('base64')}:`;
      headers['linju-idempotency-key'] = key ?? randomUUID();
      covered.push(['content-digest', headers['content-digest']]);
      covered.push(['linju-idempotency-key', headers['linju-idempotency-key']]);
    }
    const params = `(${covered.map(([c]) => `"${c}"`).join(' ')});created=${Math.floor(Date.now() / 1000)};nonce="${randomUUID()}";keyid="minimal-1";alg="ed25519"`;
    const base = [...covered.map(([c, v]) => `"${c}": ${v}`), `"@signature-params": ${params}`].join('\n');
    headers['signature-input'] = `sig1=${params}`;
    headers.signature = `sig1=:${sign(null, Buffer.from(base), privateKey).toString('base64')}:`;
    return fetch(url, { method, headers, ...(body === undefined ? {} : { body }) });
  }

  /** Sends a referral from this node's court to `to` (`orgId@nodeId` of a pinned peer), with a file. */
  async function sendReferral(to: string): Promise<number> {
    const peer = peers.find((p) => to.endsWith(`@${p.nodeId}`));
    if (!peer) throw new Error(`${to} is not on a pinned peer`);
    const id = `minimal-${randomUUID()}`;
    const file = Buffer.from(`%PDF-1.4\n${id}\n%%EOF\n`);
    const sha256 = createHash('sha256').update(file).digest('hex');
    outgoing.set(id, {
      receiverNode: peer.nodeId,
      status: 'requested',
      applied: new Set(),
      files: new Map([[sha256, file]]),
    });
    const message = {
      id,
      from: `${ORG}@${nodeId}`,
      to,
      kind: 'transfer',
      subject: { displayName: '测试', groups: [] },
      summary: 'A referral from the minimal node',
      attachments: [
        {
          name: 'file.pdf',
          mediaType: 'application/pdf',
          sha256,
          url: `/federation/v1/referrals/${id}/attachments/${sha256}`,
        },
      ],
      requestedBy: { name: 'Minimal', role: 'clerk' },
      dueBy: '2099-12-31',
      createdAt: new Date().toISOString(),
    };
    const response = await signedFetch(
      'POST',
      new URL('/federation/v1/referrals', peer.baseUrl).toString(),
      JSON.stringify(message),
    );
    const sent = outgoing.get(id);
    if (sent && response.status === 202) sent.status = 'received';
    return response.status;
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
    const sent = outgoing.get(id);
    const file =
      sent?.receiverNode === caller && parts[1] === 'attachments'
        ? sent.files.get(parts[2] ?? '')
        : undefined;
    if (req.method === 'GET' && file) {
      res.writeHead(200, { 'content-type': 'application/pdf' });
      return res.end(file);
    }
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
  return {
    baseUrl,
    nodeId,
    sendReferral,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
