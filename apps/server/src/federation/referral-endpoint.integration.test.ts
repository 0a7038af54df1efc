import { randomBytes, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSecretBox } from '@linju/auth';
import { allowPeer, createLocalDocumentStore, disallowPeer, pinPeer } from '@linju/core';
import { createTestDistrict, type TestDistrict } from '@linju/core/testing';
import { connect, sql } from '@linju/db';
import {
  loadOrCreateNodeKey,
  type NodeKey,
  REFERRALS_PATH,
  referralAttachmentPath,
  signRequest,
} from '@linju/federation';
import { linjuDataConverter } from '@linju/workflows';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadServerConfig } from '../config.ts';
import { createRequestListener } from '../http/request-listener.ts';
import { asDocumented } from '../rest/openapi-conformance.ts';
import { referralCreateHandler } from './referral-endpoint.ts';

/**
 * The receiving side of the referral exchange, as a peer node would call it: requests signed with
 * the peer's real Ed25519 key (RFC 9421), checked against the pinned directory in PostgreSQL.
 */
const { db, close } = connect(inject('databaseUrl'));
const owner = connect(inject('ownerDatabaseUrl'));
const dataKeys = { current: randomBytes(32), retired: [] };
const box = createSecretBox(dataKeys);
const HERE = 'http://localhost:3000';
const URL_ = `${HERE}${REFERRALS_PATH}`;
let district: TestDistrict;
let peerKey: NodeKey;
let strangerKey: NodeKey;
const peerNode = `peer-${randomUUID().slice(0, 8)}`;
// The receiving workflows start on a queue no worker polls: this file checks what the endpoint
// accepts and refuses; the whole exchange runs in test/referral-exchange.integration.test.ts.
const connection = await Connection.connect({ address: inject('temporalAddress') });
const handle = referralCreateHandler({
  db,
  box,
  nodeId: 'localhost-3000',
  publicUrl: HERE,
  engine: {
    client: new Client({ connection, namespace: 'default', dataConverter: linjuDataConverter(dataKeys) }),
    taskQueue: `federation-endpoint-${randomUUID()}`,
  },
});

beforeAll(async () => {
  district = await createTestDistrict(db, box, 'fed');
  peerKey = await loadOrCreateNodeKey(mkdtempSync(join(tmpdir(), 'peer-')));
  strangerKey = await loadOrCreateNodeKey(mkdtempSync(join(tmpdir(), 'stranger-')));
  await pinPeer(db, {
    nodeId: peerNode,
    name: 'City shared node',
    baseUrl: 'https://city.example',
    publicKeys: [peerKey.publicJwk],
    organisations: [{ orgId: 'city-court', names: { 'zh-CN': '市中院' }, kind: 'court' }],
  });
  // The peer was pinned for this one district: everything else on the node is out of its reach.
  await allowPeer(db, peerNode, district.slug);
});
afterAll(async () => {
  await connection.close();
  await close();
  await owner.close();
});

const message = (over: Record<string, unknown> = {}) => ({
  id: `ref-${randomUUID()}`,
  from: `city-court@${peerNode}`,
  to: `${district.slug}@localhost-3000`,
  kind: 'judicial-confirmation',
  subject: { displayName: '张某', groups: ['elderly'] },
  summary: '调解协议申请司法确认',
  attachments: [],
  requestedBy: { name: '李法官', role: 'judge' },
  dueBy: '2026-12-31',
  createdAt: '2026-11-22T08:00:00+08:00',
  ...over,
});

function post(
  body: string,
  options: { key?: NodeKey; idempotencyKey?: string; nonce?: string; url?: string } = {},
) {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'Linju-Idempotency-Key': options.idempotencyKey ?? randomUUID(),
  };
  const key = options.key ?? peerKey;
  const signed = signRequest({
    method: 'POST',
    url: options.url ?? URL_,
    headers,
    body: new TextEncoder().encode(body),
    key: key.privateKey,
    kid: key.kid,
    ...(options.nonce ? { nonce: options.nonce } : {}),
  });
  const all = { ...headers, ...signed } as Record<string, string>;
  return handle(new Request(URL_, { method: 'POST', headers: all, body })).then((r) =>
    asDocumented('POST', URL_, r),
  );
}

describe('POST /federation/v1/referrals', () => {
  it('takes a signed referral from a pinned peer and answers 202 with a receipt', async () => {
    const response = await post(JSON.stringify(message()));
    expect(response.status).toBe(202);
    const answer = await response.json();
    expect(answer).toEqual({ receipt: expect.any(String), status: 'received' });
    const [row] = await owner.db.execute<{ message_sealed: string }>(
      sql`select message_sealed from federation_inbox where id = ${answer.receipt}`,
    );
    expect(row?.message_sealed).not.toContain('张某'); // personal data sealed at rest
  });

  it('answers a retry (fresh signature, same key and body) with the same receipt', async () => {
    const body = JSON.stringify(message());
    const idempotencyKey = randomUUID();
    const first = await (await post(body, { idempotencyKey })).json();
    const again = await post(body, { idempotencyKey });
    expect(again.status).toBe(202);
    expect((await again.json()).receipt).toBe(first.receipt);
  });

  it('refuses the same key with another body (409)', async () => {
    const idempotencyKey = randomUUID();
    await post(JSON.stringify(message()), { idempotencyKey });
    expect((await post(JSON.stringify(message()), { idempotencyKey })).status).toBe(409);
  });

  it('refuses a replayed nonce, an unpinned key, a tampered target and no signature (401)', async () => {
    const nonce = randomUUID();
    await post(JSON.stringify(message()), { nonce });
    expect((await post(JSON.stringify(message()), { nonce })).status).toBe(401);
    expect((await post(JSON.stringify(message()), { key: strangerKey })).status).toBe(401);
    expect((await post(JSON.stringify(message()), { url: `${HERE}${REFERRALS_PATH}-other` })).status).toBe(
      401,
    );
    const unsigned = await handle(new Request(URL_, { method: 'POST', body: JSON.stringify(message()) }));
    expect(unsigned.status).toBe(401);
  });

  it('refuses a body whose Content-Digest no longer matches (changed after signing), keeping nothing', async () => {
    const body = JSON.stringify(message());
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'Linju-Idempotency-Key': randomUUID(),
    };
    const signed = signRequest({
      method: 'POST',
      url: URL_,
      headers,
      body,
      key: peerKey.privateKey,
      kid: peerKey.kid,
    });
    const changed = body.replace('张某', '王某');
    const response = await handle(
      new Request(URL_, { method: 'POST', headers: { ...headers, ...signed }, body: changed }),
    );
    expect(response.status).toBe(401);
    const [row] = await owner.db.execute<{ n: number }>(
      sql`select count(*)::int as n from federation_inbox where idempotency_key = ${headers['Linju-Idempotency-Key']}`,
    );
    expect(row?.n).toBe(0);
  });

  it("turns the create into a referral of the district's inbox, at `received`, with its first event", async () => {
    const sent = message();
    const { receipt } = await (await post(JSON.stringify(sent))).json();
    const [row] = await owner.db.execute<{ status: string; direction: string; remote_referral_id: string }>(
      sql`select status, direction, remote_referral_id from referral where id = ${receipt}`,
    );
    expect(row).toEqual({ status: 'received', direction: 'incoming', remote_referral_id: sent.id });
    const [event] = await owner.db.execute<{ type: string }>(
      sql`select type from referral_event where referral_id = ${receipt} and seq = 1`,
    );
    expect(event?.type).toBe('received');
  });

  it('starts the receiving workflow itself once the create committed, and marks it started', async () => {
    const { receipt } = await (await post(JSON.stringify(message()))).json();
    // Marked by the endpoint, not the worker's reconciler (which leaves the first 15 s to the sender).
    const [row] = await owner.db.execute<{ started: boolean }>(
      sql`select workflow_started_at is not null as started from referral where id = ${receipt}`,
    );
    expect(row?.started).toBe(true);
    const client = new Client({
      connection,
      namespace: 'default',
      dataConverter: linjuDataConverter(dataKeys),
    });
    const described = await client.workflow.getHandle(`referral:${district.tenantId}:${receipt}`).describe();
    expect(described.status.name).toBe('RUNNING');
    expect(described.type).toBe('referralWorkflow');
  });

  it('refuses a sender speaking for another node, or a district not served here (403)', async () => {
    expect((await post(JSON.stringify(message({ from: 'city-court@someone-else' })))).status).toBe(403);
    expect((await post(JSON.stringify(message({ to: 'nowhere@localhost-3000' })))).status).toBe(403);
  });

  it('names the malformed field in a problem document (400)', async () => {
    const response = await post(JSON.stringify(message({ kind: 'gossip', dueBy: 'tomorrow' })));
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const { errors } = await response.json();
    expect(errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['kind', 'dueBy']));
  });

  it('refuses a body over 1 MiB (413) before reading it all', async () => {
    const response = await post(JSON.stringify(message({ details: 'x'.repeat(1024 * 1024) })));
    expect(response.status).toBe(413);
  });
});

describe('attachments named by a create', () => {
  it('keeps each (name, media type, digest, url) with the incoming referral, its body fetched later', async () => {
    const sha256 = 'a'.repeat(64);
    const id = `ref-${randomUUID()}`;
    const url = referralAttachmentPath(id, sha256);
    const sent = message({
      id,
      attachments: [{ name: '人民调解协议书.pdf', mediaType: 'application/pdf', sha256, url }],
    });
    const { receipt } = await (await post(JSON.stringify(sent))).json();
    const rows = await owner.db.execute<{ name: string; storage_key: string | null; url: string }>(
      sql`select name, storage_key, url from referral_attachment where referral_id = ${receipt}`,
    );
    expect(rows).toEqual([
      {
        name: '人民调解协议书.pdf',
        storage_key: null,
        url: referralAttachmentPath(sent.id, sha256),
      },
    ]);
  });
});

describe('rate limiting (429, with Retry-After)', () => {
  it('holds back a peer past its requests per minute, and an address that keeps failing its signature', async () => {
    const own = await loadOrCreateNodeKey(mkdtempSync(join(tmpdir(), 'own-')));
    const limited = referralCreateHandler({
      db,
      box,
      nodeId: 'localhost-3000',
      publicUrl: HERE,
      ownKey: own,
      requestsPerMinute: 2,
    });
    const get = (key: NodeKey) => {
      const url = `${URL_}/${randomUUID()}`;
      const signed = signRequest({ method: 'GET', url, headers: {}, key: key.privateKey, kid: key.kid });
      return limited(new Request(url, { headers: signed as unknown as Record<string, string> })).then((r) =>
        asDocumented('GET', url, r),
      );
    };
    expect((await get(peerKey)).status).toBe(404);
    expect((await get(peerKey)).status).toBe(404);
    const held = await get(peerKey);
    expect(held.status).toBe(429);
    expect(Number(held.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(held.headers.get('content-type')).toBe('application/problem+json');
    // This node itself (loopback) is not limited.
    for (let i = 0; i < 3; i++) expect((await get(own)).status).toBe(404);
    // Unknown keys count against their address.
    expect((await get(strangerKey)).status).toBe(401);
    expect((await get(strangerKey)).status).toBe(401);
    expect((await get(strangerKey)).status).toBe(429);
  });
});

/**
 * The per-peer allow-list over a real socket (the request listener as main.ts mounts it): pinning a
 * peer trusts its key; which of this node's organisations it may address is the operator's list.
 */
describe('a peer addresses only the organisations it was allowed (403 otherwise)', () => {
  const silent = { info() {}, warn() {}, error() {}, child: () => silent };
  const server = createServer(
    createRequestListener({
      config: loadServerConfig({ DATABASE_APP_URL: inject('databaseUrl'), PORT: '3000' }),
      db,
      box,
      log: silent,
      temporalHealthy: async () => true,
      files: createLocalDocumentStore(mkdtempSync(join(tmpdir(), 'files-'))),
      admin: null,
      routes: [{ prefix: REFERRALS_PATH, handle }],
    }),
  );
  let socket: string;
  beforeAll(async () => {
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    socket = `http://127.0.0.1:${(server.address() as { port: number }).port}${REFERRALS_PATH}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  /** Signed for this node's public URL (what the peer calls), sent over the socket. */
  function overHttp(method: 'GET' | 'POST', path: string, body?: string) {
    const headers: Record<string, string> =
      method === 'POST' ? { 'content-type': 'application/json', 'Linju-Idempotency-Key': randomUUID() } : {};
    const signed = signRequest({
      method,
      url: `${URL_}${path}`,
      headers,
      ...(body === undefined ? {} : { body: new TextEncoder().encode(body) }),
      key: peerKey.privateKey,
      kid: peerKey.kid,
    });
    return fetch(`${socket}${path}`, {
      method,
      headers: { ...headers, ...(signed as unknown as Record<string, string>) },
      ...(body === undefined ? {} : { body }),
    }).then((r) => asDocumented(method, `${socket}${path}`, r));
  }

  it('refuses a create for another district of this node, naming why, and keeps nothing', async () => {
    const other = await createTestDistrict(db, box, 'fed-other');
    const sent = message({ to: `${other.slug}@localhost-3000` });
    const response = await overHttp('POST', '', JSON.stringify(sent));
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect((await response.json()).detail).toBe(
      `node ${peerNode} is not allowed to address "${other.slug}" on this node`,
    );
    const [row] = await owner.db.execute<{ n: number }>(
      sql`select count(*)::int as n from federation_inbox where referral_id = ${sent.id}`,
    );
    expect(row?.n).toBe(0);
    // The district it was allowed for still takes its referrals.
    expect((await overHttp('POST', '', JSON.stringify(message()))).status).toBe(202);
  });

  it('once the allowance is taken back, refuses the events, view and files of referrals it sent (403)', async () => {
    const sent = message();
    expect((await overHttp('POST', '', JSON.stringify(sent))).status).toBe(202);
    expect((await overHttp('GET', `/${sent.id}`)).status).toBe(200);
    await disallowPeer(db, peerNode, district.slug);
    try {
      const note = JSON.stringify({
        type: 'note',
        at: '2026-11-23T08:00:00+08:00',
        by: { name: '李法官', role: 'judge' },
        reason: '补充材料',
      });
      for (const refused of [
        await overHttp('POST', `/${sent.id}/events`, note),
        await overHttp('GET', `/${sent.id}`),
        await overHttp('GET', `/${sent.id}/attachments/${'b'.repeat(64)}`),
      ]) {
        expect(refused.status).toBe(403);
        expect((await refused.json()).detail).toContain('no longer allowed');
      }
    } finally {
      await allowPeer(db, peerNode, district.slug);
    }
  });
});
