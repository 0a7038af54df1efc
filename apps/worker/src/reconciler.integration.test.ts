import { randomUUID } from 'node:crypto';
import { createCaller } from '@linju/api';
import {
  createReferral,
  markReferralWorkflowStartedSoon,
  recordPartnerConsent,
  systemActor,
} from '@linju/core';
import { createTestDistrict, TEST_PASSWORD, TEST_SERVICE, type TestDistrict } from '@linju/core/testing';
import { eq, schema, withTenant } from '@linju/db';
import {
  initialEffectKey,
  linjuDataConverter,
  type referralWorkflow,
  referralWorkflowId,
  sentReferralInput,
  startReferralExecution,
  stateQuery,
  transitionUpdate,
  workflowsPath,
} from '@linju/workflows';
import { Worker } from '@temporalio/worker';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { startAwaitingReferrals } from './reconciler.ts';
import { useLiveWorker } from './testing/live-worker.ts';
import { createWorker } from './worker.ts';

/**
 * A referral is committed first and its workflow started after the commit; the worker's
 * reconciler starts any whose start was lost (the process died in between). Real PostgreSQL, the
 * real Temporal dev server, a worker on its own task queue.
 */
const live = useLiveWorker('reconciler', { nodeId: 'linju-test' });
const { box, context, dataKeys } = live;
let district: TestDistrict;
const nodeId = 'linju-test';

const reconcile = (graceMs = 0) =>
  startAwaitingReferrals(
    { client: live.client, db: live.app.db, taskQueue: live.linju.taskQueue, nodeId },
    { graceMs, tenantIds: [district.tenantId] },
  );

/** A referral committed as `referral.create` commits it, with no workflow started: a crash right after the commit. */
async function committedWithoutWorkflow() {
  const actor = systemActor(district.tenantId, 'test');
  const desk = await signIn();
  const legalCase = await desk.case.create({
    channel: 'walk-in',
    resident: { name: '钱居民', phone: '13912345678' },
    serviceType: TEST_SERVICE,
    description: '劳动报酬纠纷，转介法律援助',
    organisationId: district.organisations.stationA,
  });
  return withTenant(live.app.db, district.tenantId, async (tx) => {
    await recordPartnerConsent(tx, actor, {
      caseId: legalCase.id,
      partnerOrganisationId: district.organisations.court,
    });
    return createReferral(
      tx,
      actor,
      box,
      {
        caseId: legalCase.id,
        toOrganisationId: district.organisations.court,
        kind: 'legal-aid',
        summary: '申请法律援助',
      },
      { initialEffectKey: initialEffectKey(district.tenantId), nodeId },
    );
  });
}

async function signIn() {
  const { sessionToken } = await createCaller(context()).auth.login({
    tenantSlug: district.slug,
    username: 'desk-a',
    password: TEST_PASSWORD,
  });
  return createCaller(context({ sessionToken }));
}

const rowOf = async (id: string) =>
  (
    await withTenant(live.app.db, district.tenantId, (tx) =>
      tx.select().from(schema.referral).where(eq(schema.referral.id, id)),
    )
  )[0];

const eventsOf = (id: string) =>
  withTenant(live.app.db, district.tenantId, (tx) =>
    tx.select().from(schema.referralEvent).where(eq(schema.referralEvent.referralId, id)),
  );

const handleOf = (id: string) =>
  live.client.workflow.getHandle<typeof referralWorkflow>(referralWorkflowId(district.tenantId, id));

beforeAll(async () => {
  district = await createTestDistrict(live.app.db, box, 'reconcile');
});

describe('starting a referral’s workflow after its commit', () => {
  it('starts it from referral.create once the transaction committed, and marks it started', async () => {
    const desk = await signIn();
    const legalCase = await desk.case.create({
      channel: 'walk-in',
      resident: { name: '孙居民', phone: '13712345678' },
      serviceType: TEST_SERVICE,
      description: '相邻关系纠纷，调解后申请司法确认',
      organisationId: district.organisations.stationA,
    });
    await desk.case.recordConsent({
      caseId: legalCase.id,
      partnerOrganisationId: district.organisations.court,
    });
    const sent = await desk.referral.create({
      caseId: legalCase.id,
      toOrganisationId: district.organisations.court,
      kind: 'judicial-confirmation',
      summary: '申请司法确认',
    });

    expect((await rowOf(sent.id))?.workflowStartedAt).toBeInstanceOf(Date);
    expect((await handleOf(sent.id).describe()).status.name).toBe('RUNNING');
    // Nothing is left for the reconciler.
    expect((await reconcile()).started).not.toContain(sent.id);
  });

  it('marks every send of a burst started, the marks of the moment written together', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push((await committedWithoutWorkflow()).referral.id);
    // Asked at once, as concurrent sends ask: the first is written at once, the others wait for it
    // and go together; each answer comes once its own mark committed.
    await Promise.all(ids.map((id) => markReferralWorkflowStartedSoon(live.app.db, district.tenantId, id)));
    for (const id of ids) expect((await rowOf(id))?.workflowStartedAt).toBeInstanceOf(Date);
    // A later one, alone, is written at once too.
    const late = (await committedWithoutWorkflow()).referral.id;
    await markReferralWorkflowStartedSoon(live.app.db, district.tenantId, late);
    expect((await rowOf(late))?.workflowStartedAt).toBeInstanceOf(Date);
    // Marked means the reconciler leaves them alone.
    const { started } = await reconcile();
    for (const id of [...ids, late]) expect(started).not.toContain(id);
  });

  it('starts a referral committed without its workflow, once, and its first event is not written again', async () => {
    const { referral } = await committedWithoutWorkflow();
    expect((await rowOf(referral.id))?.workflowStartedAt).toBeNull();
    await expect(handleOf(referral.id).describe()).rejects.toThrow(/not found/i);

    expect((await reconcile()).started).toContain(referral.id);

    const row = await rowOf(referral.id);
    expect(row?.workflowStartedAt).toBeInstanceOf(Date);
    const state = await handleOf(referral.id).query(stateQuery);
    expect(state).toMatchObject({
      state: 'requested',
      history: [{ sequence: 1, type: 'requested', by: { party: 'sender', name: 'test' } }],
    });
    // Marked: the next pass leaves it alone.
    expect((await reconcile()).started).not.toContain(referral.id);
    expect((await eventsOf(referral.id)).map((e) => e.type)).toEqual(['requested']);
    await handleOf(referral.id).cancel();
  });

  it('starts a workflow only once however often it is asked: a second start is the same run', async () => {
    const { referral, start } = await committedWithoutWorkflow();
    const input = sentReferralInput(start, nodeId);
    const [first, second] = await Promise.all([
      startReferralExecution(live.client, input, live.linju.taskQueue),
      startReferralExecution(live.client, input, live.linju.taskQueue),
    ]);
    expect(first.runId).toEqual(expect.any(String));
    expect(second.runId).toBe(first.runId);
    // The reconciler, finding it unmarked, starts nothing new either.
    expect((await reconcile()).started).toContain(referral.id);
    expect((await handleOf(referral.id).describe()).runId).toBe(first.runId);

    // A closed workflow is never run again (the referral's history would start over).
    await handleOf(referral.id).terminate('test: closed');
    expect((await startReferralExecution(live.client, input, live.linju.taskQueue)).runId).toBeNull();
    expect((await handleOf(referral.id).describe()).status.name).toBe('TERMINATED');
  });

  it('numbers an answer that reached the workflow before its first task after the committed first event', async () => {
    // The workflow is started while no worker polls its queue (a worker down), and the sender
    // cancels at once: the update arrives with the first workflow task.
    const { referral, start } = await committedWithoutWorkflow();
    const taskQueue = `linju-reconciler-late-${randomUUID()}`;
    await startReferralExecution(live.client, sentReferralInput(start, nodeId), taskQueue);
    const cancelling = handleOf(referral.id).executeUpdate(transitionUpdate, {
      args: [
        {
          type: 'cancelled',
          by: { party: 'sender', name: 'test', role: 'bureau-admin' },
          reason: '当事人撤回',
        },
      ],
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const late = await createWorker({
      dataKeys,
      temporal: { address: inject('temporalAddress') },
      namespace: 'default',
      db: live.app.db,
      taskQueue,
    });
    const lateRun = late.worker.run();
    try {
      const snapshot = await cancelling;
      expect(snapshot.history.map((h) => [h.sequence, h.type])).toEqual([
        [1, 'requested'],
        [2, 'cancelled'],
      ]);
      expect((await rowOf(referral.id))?.status).toBe('cancelled');
      expect((await eventsOf(referral.id)).map((e) => [e.seq, e.type]).sort()).toEqual([
        [1, 'requested'],
        [2, 'cancelled'],
      ]);
      await handleOf(referral.id).result();
      // The new path (first effect committed, an early update) replays against the workflow code.
      await Worker.runReplayHistory(
        { workflowsPath, dataConverter: linjuDataConverter(dataKeys) },
        await handleOf(referral.id).fetchHistory(),
      );
    } finally {
      late.worker.shutdown();
      await lateRun;
      await late.close();
    }
  });

  it('leaves a referral inside the grace period to its sender', async () => {
    const { referral } = await committedWithoutWorkflow();
    expect((await reconcile(60_000)).started).not.toContain(referral.id);
    expect((await rowOf(referral.id))?.workflowStartedAt).toBeNull();
    // Done with it: started now, so no other pass trips over it.
    await reconcile();
    await handleOf(referral.id).cancel();
  });
});
