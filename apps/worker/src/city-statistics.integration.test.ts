import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppCaller } from '@linju/api';
import {
  countEducationEvent,
  getCityStatistics,
  onboardTenant,
  previousMonth,
  receiveStatisticsMessage,
  systemActor,
} from '@linju/core';
import { createTestDistrict, type TestDistrict } from '@linju/core/testing';
import { withTenant } from '@linju/db';
import { loadOrCreateNodeKey, type NodeKey, STATISTICS_PATH } from '@linju/federation';
import {
  CITY_STATISTICS_WORKFLOW,
  type CityStatisticsRunResult,
  citySendWorkflowId,
  cityStatisticsScheduleId,
} from '@linju/workflows';
import { ScheduleNotFoundError } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { districtAdminCaller } from './testing/district-admin-caller.ts';
import { useLiveWorker } from './testing/live-worker.ts';

/**
 * The monthly sending to the city on the real Temporal dev server: saving the city through the
 * API creates the district's schedule; its run (triggered now) queues last month and the real
 * worker delivers it, signed with the node key, over loopback to the city bureau tenant of the
 * same node (a listener around core's receiving function: the HTTP endpoint itself is tested in
 * apps/server); “send now” goes the same way.
 */
const NODE_ID = `node-${randomUUID().slice(0, 8)}`;
let key: NodeKey;
let server: Server;
let publicUrl: string;
let d: TestDistrict;
let city: { id: string; slug: string };
let admin: AppCaller;
const lastMonth = previousMonth(new Date().toISOString().slice(0, 7));
// The worker delivers to the city listener, which must be up (and its address known) first.
const live = useLiveWorker('city', {
  nodeId: NODE_ID,
  worker: async () => {
    key = await loadOrCreateNodeKey(mkdtempSync(join(tmpdir(), 'node-')));
    server = cityListener();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    publicUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    return { exchange: { box, node: { nodeId: NODE_ID, publicUrl, key } } };
  },
});
const { box, context } = live;

/** The city's side of this node: the statistics path, verified with this node's own key. */
function cityListener() {
  return createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const headers = Object.fromEntries(
      Object.entries(request.headers).map(([name, value]) => [name, String(value)]),
    );
    const receipt = await receiveStatisticsMessage(
      live.app.db,
      city.id,
      {
        method: request.method ?? 'POST',
        url: new URL(STATISTICS_PATH, publicUrl).toString(),
        headers,
        body: Buffer.concat(chunks),
      },
      { ownKey: { nodeId: NODE_ID, kid: key.kid, publicKey: key.publicKey } },
    );
    response.writeHead(receipt.ok ? 202 : receipt.status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(receipt.ok ? { status: 'received', ...receipt } : receipt));
  });
}

beforeAll(async () => {
  d = await createTestDistrict(live.app.db, box, 'city-wf');
  const onboarded = await onboardTenant(
    live.app.db,
    {
      slug: `t-citywf-${randomBytes(3).toString('hex')}`,
      nameZh: '上海市司法局',
      nameEn: 'Shanghai Justice Bureau',
      divisionCode: '310100',
      services: ['mediation'],
      centre: { nameZh: '市公共法律服务中心', nameEn: 'City centre' },
      firstAdmin: { username: 'admin', displayName: '管理员', password: 'Test-password-1' },
    },
    { operatorId: null, operatorName: 'test' },
  );
  city = { id: onboarded.tenant.id, slug: onboarded.tenant.slug };
  await withTenant(live.app.db, d.tenantId, (tx) =>
    countEducationEvent(tx, d.tenantId, {
      organisationId: d.organisations.stationA,
      heldOn: `${lastMonth}-12`,
      eventType: 'lecture',
      attendance: 64,
    }),
  );
  admin = await districtAdminCaller(context, d);
});

afterAll(async () => {
  server?.close();
});

const cityShows = (month: string) =>
  withTenant(live.app.db, city.id, (tx) => getCityStatistics(tx, systemActor(city.id), { month }));

describe('the monthly sending to the city', () => {
  it('gets its schedule when the district saves its city: on the chosen day, local time', async () => {
    await admin.statistics.citySetting.set({ cityNodeId: NODE_ID, cityTenant: city.slug, sendDay: 5 });
    const schedule = await live.client.schedule.getHandle(cityStatisticsScheduleId(d.tenantId)).describe();
    expect(schedule.spec.timezone).toBe('Asia/Shanghai');
    expect(schedule.spec.calendars?.[0]).toMatchObject({ dayOfMonth: [{ start: 5, end: 5, step: 1 }] });
    expect(schedule.action).toMatchObject({
      type: 'startWorkflow',
      workflowType: CITY_STATISTICS_WORKFLOW,
      taskQueue: live.linju.taskQueue,
    });
    // Saving again with another day moves the existing schedule.
    await admin.statistics.citySetting.set({ cityNodeId: NODE_ID, cityTenant: city.slug, sendDay: 3 });
    const moved = await live.client.schedule.getHandle(cityStatisticsScheduleId(d.tenantId)).describe();
    expect(moved.spec.calendars?.[0]).toMatchObject({ dayOfMonth: [{ start: 3, end: 3, step: 1 }] });
    expect((await admin.statistics.citySetting.get()).setting).toMatchObject({
      cityTenant: city.slug,
      sendDay: 3,
    });
  });

  it('sends last month when the schedule runs: it arrives at the city, and the sending is recorded', async () => {
    const result = await live.runSchedule<CityStatisticsRunResult>(cityStatisticsScheduleId(d.tenantId));
    expect(result).toMatchObject({ outcome: 'delivered', receipt: { month: lastMonth, revision: 1 } });
    const [shown] = await cityShows(lastMonth);
    expect(shown).toMatchObject({ divisionCode: '310104', nodeId: NODE_ID, revision: 1 });
    expect(shown?.activity).toMatchObject({ educationEvents: 1, educationAttendance: 64 });
    const [record] = await admin.statistics.citySend.getMany();
    expect(record).toMatchObject({ month: lastMonth, trigger: 'schedule', status: 'delivered', revision: 1 });
  });

  it('“send now” re-sends a chosen month as its next revision, through the same workflow', async () => {
    const queued = await admin.statistics.citySend.create({ month: lastMonth });
    expect(queued).toMatchObject({ month: lastMonth, revision: 2, status: 'pending' });
    const result = (await live.client.workflow
      .getHandle(citySendWorkflowId(d.tenantId, queued.id))
      .result()) as CityStatisticsRunResult;
    expect(result).toMatchObject({ sendId: queued.id, outcome: 'delivered' });
    expect((await cityShows(lastMonth))[0]).toMatchObject({ revision: 2 });
    const records = await admin.statistics.citySend.getMany();
    expect(records.map((r) => [r.revision, r.trigger, r.status])).toEqual([
      [2, 'manual', 'delivered'],
      [1, 'schedule', 'delivered'],
    ]);
  });

  it('loses its schedule when the district stops reporting to a city', async () => {
    await admin.statistics.citySetting.clear();
    await expect(
      live.client.schedule.getHandle(cityStatisticsScheduleId(d.tenantId)).describe(),
    ).rejects.toThrow(ScheduleNotFoundError);
    expect((await admin.statistics.citySetting.get()).setting).toBeNull();
  });
});
