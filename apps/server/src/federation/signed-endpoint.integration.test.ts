import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pinPeer } from '@linju/core';
import { connect } from '@linju/db';
import { FEDERATION_PREFIX, loadOrCreateNodeKey, type NodeKey, signRequest } from '@linju/federation';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CLIENT_IP_HEADER } from '../http/client-address.ts';
import { MAX_MESSAGE_BYTES, type SignedRequest, signedEndpoint } from './signed-endpoint.ts';

/**
 * The wall every signed endpoint of the exchange stands behind, on its own: a made-up route that
 * only says who called, with the pinned directory and the nonces in PostgreSQL.
 */
const { db, close } = connect(inject('databaseUrl'));
const HERE = 'http://localhost:3000';
const PATH = `${FEDERATION_PREFIX}/echo`;
const NODE_ID = 'localhost-3000';
const peerNode = `peer-${randomUUID().slice(0, 8)}`;
let own: NodeKey;
let peer: NodeKey;
let stranger: NodeKey;
const seen: SignedRequest[] = [];

const endpoint = (requestsPerMinute?: number) =>
  signedEndpoint(
    {
      db,
      nodeId: NODE_ID,
      publicUrl: HERE,
      ownKey: own,
      ...(requestsPerMinute ? { requestsPerMinute } : {}),
    },
    (path) =>
      path === PATH
        ? {
            method: 'POST',
            handle: async (signed) => {
              seen.push(signed);
              return Response.json({ caller: signed.caller.nodeId }, { status: 202 });
            },
          }
        : undefined,
  );

beforeAll(async () => {
  own = await loadOrCreateNodeKey(mkdtempSync(join(tmpdir(), 'own-')));
  peer = await loadOrCreateNodeKey(mkdtempSync(join(tmpdir(), 'peer-')));
  stranger = await loadOrCreateNodeKey(mkdtempSync(join(tmpdir(), 'stranger-')));
  await pinPeer(db, {
    nodeId: peerNode,
    name: 'Peer node',
    baseUrl: 'https://peer.example',
    publicKeys: [peer.publicJwk],
    organisations: [{ orgId: 'court', names: { 'zh-CN': '法院' }, kind: 'court' }],
  });
});
afterAll(() => close());

/** A POST signed with `key` (the body signed may differ from the body sent). */
function post(
  key: NodeKey,
  options: { body?: string; sent?: string; nonce?: string; address?: string } = {},
) {
  const body = options.body ?? '{"hello":"city"}';
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'Linju-Idempotency-Key': randomUUID(),
  };
  const signature = signRequest({
    method: 'POST',
    url: `${HERE}${PATH}`,
    headers,
    body: new TextEncoder().encode(body),
    key: key.privateKey,
    kid: key.kid,
    ...(options.nonce ? { nonce: options.nonce } : {}),
  });
  return new Request(`${HERE}${PATH}`, {
    method: 'POST',
    headers: { ...headers, ...signature, [CLIENT_IP_HEADER]: options.address ?? '203.0.113.9' },
    body: options.sent ?? body,
  });
}

const problemOf = async (response: Response) => ({
  status: response.status,
  type: response.headers.get('content-type'),
  body: (await response.json()) as { title: string; detail?: string },
});

describe('the signed-endpoint wall', () => {
  it('hands a pinned peer’s request on with who signed it and the body as sent', async () => {
    seen.length = 0;
    const response = await endpoint()(post(peer));
    expect(response.status).toBe(202);
    const [signed] = seen;
    expect(signed?.caller).toMatchObject({ nodeId: peerNode, keyId: peer.kid, peer: { nodeId: peerNode } });
    expect(new TextDecoder().decode(signed?.body)).toBe('{"hello":"city"}');
  });

  it('knows this node itself by its own key (loopback), with no peer', async () => {
    seen.length = 0;
    expect((await endpoint()(post(own))).status).toBe(202);
    expect(seen[0]?.caller).toEqual({ nodeId: NODE_ID, keyId: own.kid });
  });

  it('answers 404 off its routes and 405 with Allow for another method, as problem+json', async () => {
    const elsewhere = await endpoint()(new Request(`${HERE}${PATH}/more`, { method: 'POST', body: '{}' }));
    expect(await problemOf(elsewhere)).toMatchObject({ status: 404, type: 'application/problem+json' });
    const get = await endpoint()(new Request(`${HERE}${PATH}`));
    expect(get.headers.get('allow')).toBe('POST');
    expect(await problemOf(get)).toMatchObject({ status: 405, type: 'application/problem+json' });
  });

  it('refuses a body past the spec’s 1 MiB before looking at the signature (413)', async () => {
    seen.length = 0;
    const big = JSON.stringify({ pad: 'x'.repeat(MAX_MESSAGE_BYTES) });
    const refused = await problemOf(await endpoint()(post(peer, { body: big })));
    expect(refused).toMatchObject({ status: 413, type: 'application/problem+json' });
    expect(refused.body.detail).toContain(String(MAX_MESSAGE_BYTES));
    expect(seen).toEqual([]);
  });

  it('refuses a changed body, an unpinned key and a replay (401), and the handler never runs', async () => {
    seen.length = 0;
    const handle = endpoint();
    const tampered = await problemOf(await handle(post(peer, { sent: '{"hello":"town"}' })));
    expect(tampered).toMatchObject({ status: 401, type: 'application/problem+json' });
    expect((await handle(post(stranger))).status).toBe(401);
    const nonce = randomUUID();
    expect((await handle(post(peer, { nonce }))).status).toBe(202);
    const replay = await problemOf(await handle(post(peer, { nonce })));
    expect(replay).toMatchObject({ status: 401, body: { title: 'Signature refused' } });
    expect(seen).toHaveLength(1);
  });

  it('spends a nonce only on a valid signature: a forged request does not block the real one', async () => {
    const handle = endpoint();
    const nonce = randomUUID();
    expect((await handle(post(peer, { nonce, sent: '{"forged":true}' }))).status).toBe(401);
    expect((await handle(post(peer, { nonce }))).status).toBe(202);
  });

  it('limits a peer per minute and an address that keeps failing, never this node itself (429)', async () => {
    const handle = endpoint(2);
    expect((await handle(post(peer))).status).toBe(202);
    expect((await handle(post(peer))).status).toBe(202);
    const held = await handle(post(peer));
    expect(held.status).toBe(429);
    expect(Number(held.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(held.headers.get('content-type')).toBe('application/problem+json');
    for (let i = 0; i < 3; i++) expect((await handle(post(own))).status).toBe(202);
    const address = '198.51.100.7';
    expect((await handle(post(stranger, { address }))).status).toBe(401);
    expect((await handle(post(stranger, { address }))).status).toBe(401);
    expect((await handle(post(stranger, { address }))).status).toBe(429);
  });
});
