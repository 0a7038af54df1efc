import { createHash, randomUUID } from 'node:crypto';
import { EventEmitter, once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type Ed25519PublicJwk,
  MAX_PEER_RESPONSE_BYTES,
  MemoryNonceCache,
  publicKeyFromJwk,
  REFERRALS_PATH,
  type ReferralCreate,
  referralCreateSchema,
  verifyRequest,
  WELL_KNOWN_PATH,
} from '@linju/federation';
import type { KitIdentity } from './kit-identity.ts';

/** A create the node under test sent the kit, checked as it arrived. */
export type ArrivedCreate = {
  readonly message?: ReferralCreate;
  /** What was wrong with it (signature, digest, body), if anything. */
  readonly problems: string[];
};

/** A document the kit serves at its attachments path, for the node under test to fetch. */
export type ServedDocument = { readonly referralId: string; readonly bytes: Buffer; readonly sha256: string };

const MAX_BODY = MAX_PEER_RESPONSE_BYTES;

function reply(res: ServerResponse, status: number, body: unknown, type = 'application/json') {
  res.writeHead(status, { 'content-type': type });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * The kit as a node (`--listen`): it serves its well-known document and takes the node under
 * test's creates, events and document fetches, each checked against the node's published keys as
 * spec "Messages" wants. What arrived is kept for the receiver checks, which wait on it by event.
 */
export async function startKitListener(options: {
  kit: KitIdentity;
  host: string;
  port: number;
  /** The node under test's published keys (its well-known `publicKeys`). */
  nodeKeys: () => readonly Ed25519PublicJwk[];
}) {
  const events = new EventEmitter();
  const creates: ArrivedCreate[] = [];
  /** Why the creates the kit refused were refused (their signatures failed), each reason once. */
  const refused = new Set<string>();
  const receipts = new Map<string, string>();
  const documents = new Map<string, ServedDocument>();
  const fetched = new Set<string>();
  const nonces = new MemoryNonceCache();

  async function verified(req: IncomingMessage, body: Buffer | undefined) {
    const url = new URL(req.url ?? '/', options.kit.wellKnown.baseUrl).toString();
    return verifyRequest({
      method: req.method ?? 'GET',
      url,
      headers: req.headers,
      ...(body === undefined ? {} : { body }),
      now: new Date(),
      resolveKey: (kid) => {
        const jwk = options.nodeKeys().find((k) => k.kid === kid);
        return jwk ? publicKeyFromJwk(jwk) : undefined;
      },
      nonceSeen: (nonce, created, kid) => nonces.seen(nonce, created, kid),
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const path = new URL(req.url ?? '/', 'http://kit').pathname;
    if (req.method === 'GET' && path === WELL_KNOWN_PATH) return reply(res, 200, options.kit.wellKnown);
    if (!path.startsWith(REFERRALS_PATH)) return reply(res, 404, { title: 'Not found', status: 404 });
    const body = req.method === 'POST' ? await readBody(req) : undefined;
    if (req.method === 'POST' && !body) return reply(res, 413, { title: 'Too large', status: 413 });
    const check = await verified(req, body);
    const parts = path.slice(REFERRALS_PATH.length).split('/').filter(Boolean).map(decodeURIComponent);

    if (req.method === 'POST' && parts.length === 0) {
      const problems = check.ok ? [] : [`signature: ${check.failure} (${check.message})`];
      const key = String(req.headers['linju-idempotency-key'] ?? '');
      if (!key) problems.push('no Linju-Idempotency-Key');
      let message: ReferralCreate | undefined;
      try {
        const parsed = referralCreateSchema.safeParse(JSON.parse(String(body)));
        if (parsed.success) message = parsed.data;
        else
          problems.push(...parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`));
      } catch {
        problems.push('the body is not JSON');
      }
      if (message && message.to !== options.kit.address)
        problems.push(`"to" is ${message.to}, not ${options.kit.address}`);
      if (!check.ok) {
        // Refused as the spec says, and remembered: the table tells the vendor why nothing arrived.
        refused.add(problems.join('; '));
        return reply(
          res,
          check.status,
          { title: check.message, status: check.status },
          'application/problem+json',
        );
      }
      const receipt = receipts.get(key) ?? randomUUID();
      if (!receipts.has(key)) {
        receipts.set(key, receipt);
        creates.push({ ...(message ? { message } : {}), problems });
        events.emit('create');
      }
      return reply(res, 202, { receipt, status: 'received' });
    }
    if (!check.ok)
      return reply(
        res,
        check.status,
        { title: check.message, status: check.status },
        'application/problem+json',
      );
    if (req.method === 'POST' && parts.length === 2 && parts[1] === 'events')
      return reply(res, 202, { status: 'noted' });
    const [id, sub, sha256] = parts;
    const document = sha256 ? documents.get(sha256) : undefined;
    if (req.method === 'GET' && sub === 'attachments' && document && document.referralId === id) {
      fetched.add(document.sha256);
      events.emit('fetched');
      res.writeHead(200, {
        'content-type': 'application/pdf',
        'content-digest': `sha-256=:${createHash('sha256').update(document.bytes).digest('base64')}:`,
      });
      return res.end(document.bytes);
    }
    return reply(res, 404, { title: 'Not found', status: 404 }, 'application/problem+json');
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => reply(res, 500, { title: String(error), status: 500 }));
  });
  server.listen(options.port, options.host);
  await once(server, 'listening');

  /** Resolves when `ready()` holds, re-asked on each `event`; false once `timeoutMs` passed. */
  const waitFor = async (event: string, ready: () => boolean, timeoutMs: number) => {
    const deadline = AbortSignal.timeout(timeoutMs);
    while (!ready()) {
      try {
        await once(events, event, { signal: deadline });
      } catch {
        return ready();
      }
    }
    return true;
  };

  return {
    address: server.address() as AddressInfo,
    creates,
    refused,
    /** Waits for `count` creates; false if fewer arrived within `timeoutMs`. */
    waitForCreates: (count: number, timeoutMs: number) =>
      waitFor('create', () => creates.length >= count, timeoutMs),
    /** Serves a PDF at `…/{referralId}/attachments/{sha256}`; answers its digest. */
    serve(referralId: string, bytes: Buffer): ServedDocument {
      const document = { referralId, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
      documents.set(document.sha256, document);
      return document;
    },
    /** Waits until the node fetched the document (with a good signature); false if not in time. */
    waitForFetch: (sha256: string, timeoutMs: number) =>
      waitFor('fetched', () => fetched.has(sha256), timeoutMs),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The kit's listener. */
export type KitListener = Awaited<ReturnType<typeof startKitListener>>;
