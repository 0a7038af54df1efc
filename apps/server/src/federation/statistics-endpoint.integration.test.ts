import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSecretBox } from '@linju/auth';
import {
  countConsultation,
  countEducationEvent,
  createLocalDocumentStore,
  deliverCitySend,
  getCityStatistics,
  intakeCase,
  listCitySends,
  MEASURES,
  onboardTenant,
  pinPeer,
  queueCitySend,
  type StatisticsMessage,
  type StatisticsMessageV1,
  setCitySetting,
  signStatisticsMessage,
  systemActor,
} from '@linju/core';
import { createTestDistrict, TEST_SERVICE, type TestDistrict } from '@linju/core/testing';
import { connect, eq, schema, type TenantTx, withTenant } from '@linju/db';
import { loadOrCreateNodeKey, type NodeKey, STATISTICS_PATH } from '@linju/federation';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadServerConfig } from '../config.ts';
import { createRequestListener } from '../http/request-listener.ts';
import { asDocumented } from '../rest/openapi-conformance.ts';
import { statisticsHandler } from './statistics-endpoint.ts';

/**
 * The city bureau's side of the city roll-up over a real socket: a district node POSTs its signed
 * monthly statistics to `/federation/v1/statistics`, mounted in the request listener as in main.ts.
 */
const { db, close } = connect(inject('databaseUrl'));
const box = createSecretBox(randomBytes(32));
// Signatures cover the node's public URL: the socket's own address here, so that this node's
// districts can deliver to it over loopback as the worker does.
let HERE: string;
const NODE_ID = `node-${randomUUID().slice(0, 8)}`;
const silent = { info() {}, warn() {}, error() {}, child: () => silent };
// A city of its own (no other test's bureau shares it) in a real province (61–65): 6pcc00, its
// districts 6pcc01…
const city = `6${1 + randomInt(5)}${String(randomInt(100)).padStart(2, '0')}`;
let server: Server;
let base: string;
let cityTenantId: string;
let citySlug: string;
let nodeKey: NodeKey;
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
  citySlug = onboarded.tenant.slug;
  nodeKey = await loadOrCreateNodeKey(mkdtempSync(join(tmpdir(), 'node-')));
  districtKey = await loadOrCreateNodeKey(mkdtempSync(join(tmpdir(), 'district-')));
  strangerKey = await loadOrCreateNodeKey(mkdtempSync(join(tmpdir(), 'stranger-')));
  await pinPeer(db, {
    nodeId: `district-${randomUUID().slice(0, 8)}`,
    name: 'District node',
    baseUrl: 'https://district.example',
    publicKeys: [districtKey.publicJwk],
    // The one district its well-known document lists: all it may report for.
    organisations: [
      {
        orgId: 'test-district',
        names: { 'zh-CN': '测试区司法局' },
        kind: 'district-bureau',
        divisionCode: `${city}04`,
      },
    ],
  });
  const config = loadServerConfig({ DATABASE_APP_URL: inject('databaseUrl'), PORT: '3000' });
  // Mounted once the socket's address (this node's public URL) is known.
  let handle: (request: Request) => Promise<Response> = async () => new Response(null, { status: 503 });
  server = createServer(
    createRequestListener({
      config,
      db,
      box,
      log: silent,
      temporalHealthy: async () => true,
      files: createLocalDocumentStore(mkdtempSync(join(tmpdir(), 'files-'))),
      admin: null,
      routes: [{ prefix: STATISTICS_PATH, handle: (request) => handle(request) }],
    }),
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  HERE = base;
  handle = statisticsHandler({ db, publicUrl: HERE, nodeId: NODE_ID, ownKey: nodeKey });
});
afterAll(async () => {
  server.close();
  await close();
});

const measures = (received: number) =>
  Object.fromEntries(
    MEASURES.map((m) => [m, m === 'received' ? received : 0]),
  ) as StatisticsMessageV1['totals'];

const message = (month: string, over: Partial<StatisticsMessageV1> = {}): StatisticsMessageV1 => ({
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
  return fetch(`${base}${STATISTICS_PATH}`, {
    method: 'POST',
    headers: signed.headers,
    // The bodies are UTF-8 JSON: as text they go over the wire byte for byte as signed (or tampered).
    body: new TextDecoder().decode(body),
  }).then((r) => asDocumented('POST', `${base}${STATISTICS_PATH}`, r));
}

const cityShows = (month: string) =>
  withTenant(db, cityTenantId, (tx) => getCityStatistics(tx, systemActor(cityTenantId), { month }));

describe('POST /federation/v1/statistics, version 1 (districts on older deployments)', () => {
  it('takes a pinned district’s signed monthly statistics in, and the city shows them side by side', async () => {
    const response = await send(signStatisticsMessage(message('2026-09'), districtKey, HERE));
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({
      status: 'received',
      divisionCode: `${city}04`,
      month: '2026-09',
      revision: 0,
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

  it('refuses a pinned peer reporting for a district it was not pinned for (403), keeping nothing', async () => {
    // The same city, another district: the peer's key is good, its reach is not.
    const response = await send(
      signStatisticsMessage(message('2026-04', { divisionCode: `${city}05` }), districtKey, HERE),
    );
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect((await response.json()).detail).toMatch(/was not pinned as serving district \d{4}05$/);
    expect(await cityShows('2026-04')).toEqual([]);
  });

  it('answers only POST at its path', async () => {
    const response = await fetch(`${base}${STATISTICS_PATH}`);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });
});

describe('POST /federation/v1/statistics, revisions', () => {
  const v2 = (revision: number): StatisticsMessage => ({
    ...message('2026-03'),
    version: 2,
    to: `${citySlug}@${NODE_ID}`,
    revision,
    activity: {
      educationEvents: 0,
      educationAttendance: 0,
      consultations: 0,
      consultationMinutes: 0,
      hotlineMinutes: 0,
      referralsCompleted: 0,
      referralTurnaroundSeconds: revision,
    },
  });

  it('refuses a revision far past the one held (409), so it cannot freeze the month against corrections', async () => {
    expect((await send(signStatisticsMessage(v2(1), districtKey, HERE))).status).toBe(202);
    const huge = await send(signStatisticsMessage(v2(10_000), districtKey, HERE));
    expect(huge.status).toBe(409);
    expect((await huge.json()).detail).toBe(
      'revision 10000 of 2026-03 is more than 100 past revision 1 held',
    );
    // The district's next correction still lands.
    expect((await send(signStatisticsMessage(v2(2), districtKey, HERE))).status).toBe(202);
    expect((await cityShows('2026-03'))[0]).toMatchObject({ revision: 2 });
  });
});

/**
 * The district's side, end to end on one node: the district reports to a city bureau tenant of
 * this same deployment, and its sending goes through the same signed HTTP path as a peer's (over
 * loopback, signed with this node's key), exactly as the worker's activity delivers it.
 */
describe('a district’s monthly sending to its city on this node', () => {
  let district: TestDistrict;
  let city310: { id: string; slug: string };
  const node = () => ({ nodeId: NODE_ID, publicUrl: HERE, key: nodeKey });
  // The sending of the current month, as on the 3rd of next month (only a finished month goes).
  const month = new Date().toISOString().slice(0, 7);
  const [y, m] = month.split('-').map(Number) as [number, number];
  const nextMonth3rd = new Date(Date.UTC(m === 12 ? y + 1 : y, m === 12 ? 0 : m, 3, 4));
  const admin = () => systemActor(district.tenantId, 'test admin');
  const inDistrict = <T>(fn: (tx: TenantTx) => Promise<T>) => withTenant(db, district.tenantId, fn);
  const queue = (requestKey: string) =>
    inDistrict((tx) => queueCitySend(tx, admin(), { month, trigger: 'manual', requestKey }, nextMonth3rd));
  const cityView = () =>
    withTenant(db, city310.id, (tx) => getCityStatistics(tx, systemActor(city310.id), { month }));

  beforeAll(async () => {
    district = await createTestDistrict(db, box, 'citysend');
    const onboarded = await onboardTenant(
      db,
      {
        slug: `t-city310-${randomBytes(3).toString('hex')}`,
        nameZh: '上海市司法局',
        nameEn: 'Shanghai Justice Bureau',
        divisionCode: '310100',
        services: ['mediation'],
        centre: { nameZh: '市公共法律服务中心', nameEn: 'City centre' },
        firstAdmin: { username: 'admin', displayName: '管理员', password: 'Test-password-1' },
      },
      { operatorId: null, operatorName: 'test' },
    );
    city310 = { id: onboarded.tenant.id, slug: onboarded.tenant.slug };
    await inDistrict(async (tx) => {
      for (let i = 0; i < 2; i++)
        await intakeCase(tx, admin(), box, {
          channel: 'walk-in',
          organisationId: district.organisations.stationA,
          serviceType: TEST_SERVICE,
          description: `报送市局第${i}件`,
          resident: { name: `赵某${i}`, phone: `136${String(30_000_000 + i).slice(-8)}`, idNumber: null },
        });
      await countEducationEvent(tx, district.tenantId, {
        organisationId: district.organisations.stationA,
        heldOn: `${month}-02`,
        eventType: 'lecture',
        attendance: 80,
      });
      await countConsultation(tx, district.tenantId, {
        organisationId: district.organisations.stationA,
        heldAt: new Date(),
        channel: 'hotline',
        durationMinutes: 18,
      });
    });
  });

  it('checks the setting: a city tenant here must be the district’s city, another node must be pinned', async () => {
    const set = (cityNodeId: string, cityTenant: string) =>
      inDistrict((tx) => setCitySetting(tx, admin(), { cityNodeId, cityTenant }, { nodeId: NODE_ID }));
    await expect(set(NODE_ID, citySlug)).rejects.toThrow('statistics.city_tenant_not_city');
    await expect(set(NODE_ID, 'no-such-tenant')).rejects.toThrow('statistics.city_tenant_unknown');
    await expect(set('unpinned-node', city310.slug)).rejects.toThrow('statistics.city_node_unknown');
    const saved = await set(NODE_ID, city310.slug);
    expect(saved).toMatchObject({ cityNodeId: NODE_ID, cityTenant: city310.slug, sendDay: 3 });
    const audit = await inDistrict((tx) =>
      tx.select().from(schema.auditEntry).where(eq(schema.auditEntry.action, 'statistics.city_setting_set')),
    );
    expect(audit).toHaveLength(1);
    // The month still running cannot be sent: its figures are still moving.
    await expect(
      inDistrict((tx) => queueCitySend(tx, admin(), { month, trigger: 'manual', requestKey: 'early' })),
    ).rejects.toThrow('statistics.city_month_not_finished');
  });

  it('delivers the month over loopback; the city shows it side by side, the sending keeps the receipt', async () => {
    const send = await queue('first');
    expect(send).toMatchObject({ revision: 1, idempotencyKey: `310104:${month}:1`, status: 'pending' });
    // Asked again under the same request key (a retried activity), it is the same sending.
    expect((await queue('first')).id).toBe(send.id);
    const delivered = await deliverCitySend(db, node(), { tenantId: district.tenantId, sendId: send.id });
    expect(delivered).toMatchObject({
      outcome: 'delivered',
      status: 202,
      receipt: { status: 'received', divisionCode: '310104', month, revision: 1 },
    });
    const [shown] = await cityView();
    expect(shown).toMatchObject({ divisionCode: '310104', nodeId: NODE_ID, revision: 1 });
    expect(shown?.figures.received).toBe(2);
    expect(shown?.activity).toMatchObject({
      educationEvents: 1,
      educationAttendance: 80,
      hotlineMinutes: 18,
    });
    const [record] = await inDistrict((tx) => listCitySends(tx, admin()));
    expect(record).toMatchObject({
      id: send.id,
      month,
      status: 'delivered',
      attempts: 1,
      lastStatus: 202,
      trigger: 'manual',
      receipt: { status: 'received', revision: 1 },
    });
    expect(record?.finishedAt).toBeInstanceOf(Date);
    // Delivering a finished sending again sends nothing and answers what it ended with.
    expect(await deliverCitySend(db, node(), { tenantId: district.tenantId, sendId: send.id })).toMatchObject(
      {
        outcome: 'delivered',
      },
    );
  });

  it('a re-sent month replaces the city’s figures; a tampered or stale one is refused', async () => {
    await inDistrict((tx) =>
      countEducationEvent(tx, district.tenantId, {
        organisationId: district.organisations.stationA,
        heldOn: `${month}-09`,
        eventType: 'lecture',
        attendance: 30,
      }),
    );
    const again = await queue('second');
    expect(again.revision).toBe(2);
    expect(
      await deliverCitySend(db, node(), { tenantId: district.tenantId, sendId: again.id }),
    ).toMatchObject({
      outcome: 'delivered',
    });
    expect((await cityView())[0]).toMatchObject({ revision: 2, activity: { educationAttendance: 110 } });

    const sends = await inDistrict((tx) => tx.select().from(schema.cityStatisticsSend));
    const first = sends.find((s) => s.revision === 1)?.message as unknown as StatisticsMessage;
    const firstSigned = signStatisticsMessage(first, nodeKey, HERE);
    const tampered = await send(
      firstSigned,
      new TextEncoder().encode(
        new TextDecoder()
          .decode(firstSigned.body)
          .replace('"educationAttendance":80', '"educationAttendance":800')
          .replace('"revision":1', '"revision":3'),
      ),
    );
    expect(tampered.status).toBe(401);
    const stale = await send(signStatisticsMessage(first, nodeKey, HERE));
    expect(stale.status).toBe(409);
    expect((await cityView())[0]).toMatchObject({ revision: 2, activity: { educationAttendance: 110 } });
  });

  it('records a refusal for good, and an unreachable city as to be retried', async () => {
    // A peer that answers at this same address, but the message names a city of another node.
    const peer = await loadOrCreateNodeKey(mkdtempSync(join(tmpdir(), 'peer-')));
    const peers = {
      refusing: `refusing-${randomUUID().slice(0, 6)}`,
      away: `away-${randomUUID().slice(0, 6)}`,
    };
    // Both on this machine's loopback, on purpose: pinned with private network allowed.
    await pinPeer(
      db,
      {
        nodeId: peers.refusing,
        name: 'Refusing',
        baseUrl: HERE,
        publicKeys: [peer.publicJwk],
        organisations: [],
      },
      { allowPrivateNetwork: true },
    );
    const awayKey = await loadOrCreateNodeKey(mkdtempSync(join(tmpdir(), 'away-')));
    await pinPeer(
      db,
      {
        nodeId: peers.away,
        name: 'Away',
        baseUrl: 'http://127.0.0.1:9',
        publicKeys: [awayKey.publicJwk],
        organisations: [],
      },
      { allowPrivateNetwork: true },
    );
    const sendTo = async (cityNodeId: string, requestKey: string) => {
      await inDistrict((tx) =>
        setCitySetting(tx, admin(), { cityNodeId, cityTenant: city310.slug }, { nodeId: NODE_ID }),
      );
      const queued = await queue(requestKey);
      return {
        queued,
        result: await deliverCitySend(db, node(), { tenantId: district.tenantId, sendId: queued.id }),
      };
    };
    const refused = await sendTo(peers.refusing, 'refused');
    expect(refused.result).toMatchObject({ outcome: 'refused', status: 403 });
    const away = await sendTo(peers.away, 'away');
    expect(away.result).toMatchObject({ outcome: 'retry', status: null });
    const records = await inDistrict((tx) => listCitySends(tx, admin()));
    expect(records.find((r) => r.id === refused.queued.id)).toMatchObject({
      status: 'refused',
      lastStatus: 403,
      lastError: expect.stringContaining('is not an address on node'),
    });
    expect(records.find((r) => r.id === away.queued.id)).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: expect.stringContaining('unreachable'),
    });
  });

  it('never calls a peer pinned at a loopback address without private network allowed', async () => {
    const key = await loadOrCreateNodeKey(mkdtempSync(join(tmpdir(), 'private-')));
    const nodeId = `private-${randomUUID().slice(0, 6)}`;
    // The same socket that answered 403 above, when pinned with the flag: now it is not even asked.
    await pinPeer(db, {
      nodeId,
      name: 'Private',
      baseUrl: HERE,
      publicKeys: [key.publicJwk],
      organisations: [],
    });
    await inDistrict((tx) =>
      setCitySetting(tx, admin(), { cityNodeId: nodeId, cityTenant: city310.slug }, { nodeId: NODE_ID }),
    );
    const queued = await queue('private');
    const result = await deliverCitySend(db, node(), { tenantId: district.tenantId, sendId: queued.id });
    expect(result).toMatchObject({ outcome: 'retry', status: null });
    expect(result.outcome === 'retry' && result.message).toContain('127.0.0.1 is not a public address');
  });
});
