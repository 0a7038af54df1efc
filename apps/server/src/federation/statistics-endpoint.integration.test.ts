import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSecretBox } from '@linju/auth';
import {
  createLocalFileStore,
  getCityStatistics,
  MEASURES,
  onboardTenant,
  pinPeer,
  type StatisticsMessage,
  signStatisticsMessage,
  systemActor,
} from '@linju/core';
import { connect, withTenant } from '@linju/db';
import { loadOrCreateNodeKey, type NodeKey } from '@linju/federation';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadServerConfig } from '../config.ts';
import { createRequestListener } from '../http/request-listener.ts';
import { statisticsHandler } from './statistics-endpoint.ts';

/**
 * The city bureau's side of the city roll-up over a real socket: a district node POSTs its signed
 * monthly statistics to `/federation/v1/statistics`, mounted in the request listener as in main.ts.
 */
const { db, close } = connect(inject('databaseUrl'));
const box = createSecretBox(randomBytes(32));
// Signatures cover the node's public URL, whatever address the socket listens on.
const HERE = 'http://localhost:3000';
const silent = { info() {}, warn() {}, error() {}, child: () => silent };
// A city of its own (no other test's bureau shares it) in a real province (61–65): 6pcc00, its
// districts 6pcc01…
const city = `6${1 + randomInt(5)}${String(randomInt(100)).padStart(2, '0')}`;
let server: Server;
let base: string;
let cityTenantId: string;
let districtKey: NodeKey;
let strangerKey: NodeKey;

beforeAll(async () => {
  const onboarded = await onboardTenant(
    db,
    {
      slug: `t-cityhttp-${randomBytes(3).toString('hex')}`,
      nameZh: '测试市司法局',
      nameEn: 'Test city bureau',
      divisionCode: `${city}00`,
      services: ['mediation'],
      centre: { nameZh: '市公共法律服务中心', nameEn: 'City centre' },
      firstAdmin: { username: 'admin', displayName: '管理员', password: 'Test-password-1' },
    },
    { operatorId: null, operatorName: 'test' },
  );
  cityTenantId = onboarded.tenant.id;
  districtKey = await loadOrCreateNodeKey(mkdtempSync(join(tmpdir(), 'district-')));
  strangerKey = await loadOrCreateNodeKey(mkdtempSync(join(tmpdir(), 'stranger-')));
  await pinPeer(db, {
    nodeId: `district-${randomUUID().slice(0, 8)}`,
    name: 'District node',
    baseUrl: 'https://district.example',
    publicKeys: [districtKey.publicJwk],
    organisations: [],
  });
  const config = loadServerConfig({ DATABASE_APP_URL: inject('databaseUrl'), PORT: '3000' });
  server = createServer(
    createRequestListener({
      config,
      db,
      box,
      log: silent,
      temporalHealthy: async () => true,
      files: createLocalFileStore(mkdtempSync(join(tmpdir(), 'files-'))),
      admin: null,
      routes: [{ prefix: '/federation/v1/statistics', handle: statisticsHandler({ db, publicUrl: HERE }) }],
    }),
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(async () => {
  server.close();
  await close();
});

const measures = (received: number) =>
  Object.fromEntries(
    MEASURES.map((m) => [m, m === 'received' ? received : 0]),
  ) as StatisticsMessage['totals'];

const message = (month: string, over: Partial<StatisticsMessage> = {}): StatisticsMessage => ({
  type: 'linju.district-statistics',
  version: 1,
  divisionCode: `${city}04`,
  districtName: '测试区司法局',
  month,
  totals: measures(7),
  byService: [{ key: 'mediation', measures: measures(7) }],
  byChannel: [{ key: 'walk-in', measures: measures(7) }],
  byKeyGroup: [],
  ...over,
});

/** POSTs the signed request over the socket, optionally with another body than the one signed. */
function send(signed: ReturnType<typeof signStatisticsMessage>, body: Uint8Array = signed.body) {
  return fetch(`${base}/federation/v1/statistics`, {
    method: 'POST',
    headers: signed.headers,
    // The bodies are UTF-8 JSON: as text they go over the wire byte for byte as signed (or tampered).
    body: new TextDecoder().decode(body),
  });
}

const cityShows = (month: string) =>
  withTenant(db, cityTenantId, (tx) => getCityStatistics(tx, systemActor(cityTenantId), { month }));

describe('POST /federation/v1/statistics', () => {
  it('takes a pinned district’s signed monthly statistics in, and the city shows them side by side', async () => {
    const response = await send(signStatisticsMessage(message('2026-09'), districtKey, HERE));
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({
      status: 'received',
      divisionCode: `${city}04`,
      month: '2026-09',
    });
    const side = await cityShows('2026-09');
    expect(side).toHaveLength(1);
    expect(side[0]).toMatchObject({ divisionCode: `${city}04`, districtName: '测试区司法局' });
    expect(side[0]?.figures.received).toBe(7);
  });

  it('refuses a tampered body (401, problem+json) and stores nothing', async () => {
    const signed = signStatisticsMessage(message('2026-08'), districtKey, HERE);
    const tampered = new TextEncoder().encode(
      new TextDecoder().decode(signed.body).replace('"received":7', '"received":700'),
    );
    const response = await send(signed, tampered);
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect((await response.json()).detail).toMatch(/digest/i);
    expect(await cityShows('2026-08')).toEqual([]);
  });

  it('refuses a replay and an unpinned key (401)', async () => {
    const signed = signStatisticsMessage(message('2026-07'), districtKey, HERE);
    expect((await send(signed)).status).toBe(202);
    expect((await send(signed)).status).toBe(401);
    const stranger = signStatisticsMessage(message('2026-06'), strangerKey, HERE);
    expect((await send(stranger)).status).toBe(401);
    expect(await cityShows('2026-06')).toEqual([]);
  });

  it('refuses a district with no city bureau here (403) and a field outside the shape (400)', async () => {
    const elsewhere = await send(
      signStatisticsMessage(message('2026-05', { divisionCode: '899901' }), districtKey, HERE),
    );
    expect(elsewhere.status).toBe(403);
    const smuggled = { ...message('2026-05'), residents: ['王某'] } as unknown as StatisticsMessage;
    const extra = await send(signStatisticsMessage(smuggled, districtKey, HERE));
    expect(extra.status).toBe(400);
    expect(extra.headers.get('content-type')).toBe('application/problem+json');
    expect(await cityShows('2026-05')).toEqual([]);
  });

  it('answers only POST at its path', async () => {
    const response = await fetch(`${base}/federation/v1/statistics`);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });
});
