import { randomBytes, randomUUID } from 'node:crypto';
import { and, asc, connect, type DbHandle, eq, schema, withTenant } from '@linju/db';
import {
  INVALID_TRANSITION_FAILURE,
  linjuDataConverter,
  type ReferralActor,
  type ReferralEvent,
  type ReferralWorkflowInput,
  type referralWorkflow,
  referralWorkflowId,
  stateQuery,
  transitionUpdate,
  workflowsPath,
} from '@linju/workflows';
import { ApplicationFailure, Client, Connection, WorkflowUpdateFailedError } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAuditedReferralActivities } from './activities.ts';
import { startTimeSkippingWorker, type TimeSkippingWorker } from './testing/time-skipping-worker.ts';
import { createWorker, type LinjuWorker } from './worker.ts';

// The clients' and workers' payload codec key.
const dataKeys = { current: randomBytes(32), retired: [] };

const court: ReferralActor = { party: 'receiver', name: '王法官', role: '法官' };
const mediator: ReferralActor = { party: 'sender', name: '李调解员', role: '调解员' };

const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();
const DAY = 86_400_000;

let owner: DbHandle;
let app: DbHandle;
let connection: Connection;
let client: Client;
let linju: LinjuWorker;
let running: Promise<void>;
const tenantId = randomUUID();

beforeAll(async () => {
  owner = connect(inject('ownerDatabaseUrl'), { max: 1 });
  await owner.db.insert(schema.tenant).values({
    id: tenantId,
    slug: `t-${tenantId.slice(0, 8)}`,
    nameZh: '测试区司法局',
    nameEn: 'Test District Justice Bureau',
    divisionCode: '310104',
  });
  app = connect(inject('databaseUrl'), { max: 3 });
  linju = await createWorker({
    dataKeys,
    temporal: { address: inject('temporalAddress') },
    namespace: 'default',
    db: app.db,
    taskQueue: `linju-referrals-test-${randomUUID()}`,
  });
  running = linju.worker.run();
  connection = await Connection.connect({ address: inject('temporalAddress') });
  client = new Client({ connection, namespace: 'default', dataConverter: linjuDataConverter(dataKeys) });
});

afterAll(async () => {
  linju?.worker.shutdown();
  await running;
  await linju?.close();
  await connection?.close();
  await app?.close();
  await owner?.close();
});

/** Where a workflow runs: a client and the queue its worker polls. */
type Target = { client: Client; taskQueue: string };

async function start(
  overrides: Partial<ReferralWorkflowInput> = {},
  on: Target = { client, taskQueue: linju.taskQueue },
) {
  const referralId = randomUUID();
  const input: ReferralWorkflowInput = {
    tenantId,
    referralId,
    from: 'mediation-centre@linju-test',
    to: 'district-court@court-test',
    kind: 'judicial-confirmation',
    acknowledgeBy: inSeconds(3600),
    dueBy: inSeconds(7200),
    requestedBy: { name: mediator.name, role: mediator.role },
    ...overrides,
  };
  const handle = await on.client.workflow.start<typeof referralWorkflow>('referralWorkflow', {
    taskQueue: on.taskQueue,
    workflowId: referralWorkflowId(tenantId, referralId),
    args: [input],
  });
  const apply = (event: ReferralEvent) => handle.executeUpdate(transitionUpdate, { args: [event] });
  return { handle, referralId, apply };
}

function auditOf(referralId: string) {
  return withTenant(app.db, tenantId, (tx) =>
    tx
      .select({
        action: schema.auditEntry.action,
        actorName: schema.auditEntry.actorName,
        before: schema.auditEntry.before,
        after: schema.auditEntry.after,
        requestId: schema.auditEntry.requestId,
      })
      .from(schema.auditEntry)
      .where(and(eq(schema.auditEntry.objectType, 'referral'), eq(schema.auditEntry.objectId, referralId)))
      .orderBy(asc(schema.auditEntry.id)),
  );
}

/** The update's refusal, unwrapped to the workflow's ApplicationFailure. */
async function refusal(promise: Promise<unknown>): Promise<ApplicationFailure> {
  const error = await promise.then(
    () => expect.fail('the update was accepted'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
  const cause = (error as WorkflowUpdateFailedError).cause;
  expect(cause).toBeInstanceOf(ApplicationFailure);
  return cause as ApplicationFailure;
}

describe('referral worker against a real Temporal dev server and PostgreSQL', () => {
  it('runs the happy path and writes one audit entry per transition', async () => {
    const { handle, referralId, apply } = await start();
    expect((await apply({ type: 'received', by: court })).state).toBe('received');
    expect((await apply({ type: 'accepted', by: court })).state).toBe('accepted');
    expect((await apply({ type: 'in-progress', by: court })).state).toBe('in-progress');
    const outcome = { code: 'confirmed', text: '调解协议已司法确认' };
    await apply({ type: 'completed', by: court, outcome });

    const result = await handle.result();
    expect(result.state).toBe('completed');
    expect(result.history.map((h) => `${h.from ?? '∅'}→${h.to}`)).toEqual([
      '∅→requested',
      'requested→received',
      'received→accepted',
      'accepted→in-progress',
      'in-progress→completed',
    ]);
    expect(result.escalations).toEqual([]);

    const audit = await auditOf(referralId);
    expect(audit.map((a) => a.action)).toEqual([
      'referral.requested',
      'referral.received',
      'referral.accepted',
      'referral.in-progress',
      'referral.completed',
    ]);
    expect(audit.map((a) => a.requestId)).toEqual([1, 2, 3, 4, 5].map((n) => `${handle.workflowId}#${n}`));
    expect(audit[0]).toMatchObject({ actorName: mediator.name, before: null, after: { state: 'requested' } });
    expect(audit[4]).toMatchObject({
      actorName: court.name,
      before: { state: 'in-progress' },
      after: { state: 'completed', outcome },
    });

    // The recorded history replays against today's workflow code: no nondeterminism.
    await Worker.runReplayHistory(
      { workflowsPath, dataConverter: linjuDataConverter(dataKeys) },
      await handle.fetchHistory(),
      handle.workflowId,
    );
  });

  it('refuses an invalid transition with an error naming the current state', async () => {
    const { handle, referralId, apply } = await start();
    const failure = await refusal(apply({ type: 'accepted', by: court }));
    expect(failure.type).toBe(INVALID_TRANSITION_FAILURE);
    expect(failure.message).toBe(
      'Referral is requested: cannot move to accepted (allowed: received, cancelled)',
    );
    expect(failure.details?.[0]).toMatchObject({ code: 'invalid-transition', currentState: 'requested' });

    await apply({ type: 'received', by: court });
    const noReason = await refusal(apply({ type: 'rejected', by: court }));
    expect(noReason.message).toBe('Referral is received: rejected needs a reason');

    expect((await handle.query(stateQuery)).state).toBe('received');
    await apply({ type: 'rejected', by: court, reason: '不属于本院管辖' });
    expect((await handle.result()).state).toBe('rejected');
    expect((await auditOf(referralId)).map((a) => a.action)).toEqual([
      'referral.requested',
      'referral.received',
      'referral.rejected',
    ]);
  });

  it('lets the sender cancel, and only the sender', async () => {
    const { handle, referralId, apply } = await start();
    await apply({ type: 'received', by: court });
    await apply({ type: 'accepted', by: court });
    const byReceiver = await refusal(apply({ type: 'cancelled', by: court, reason: '无法办理' }));
    expect(byReceiver.message).toBe('Referral is accepted: only the sender may report cancelled');

    await apply({ type: 'cancelled', by: mediator, reason: '当事人已自行和解' });
    expect((await handle.result()).state).toBe('cancelled');
    const audit = await auditOf(referralId);
    expect(audit.at(-1)).toMatchObject({
      action: 'referral.cancelled',
      actorName: mediator.name,
      before: { state: 'accepted' },
      after: { state: 'cancelled', reason: '当事人已自行和解' },
    });
  });

  it('records an effect once however often the activity is retried', async () => {
    const activities = createAuditedReferralActivities(app.db);
    const referralId = randomUUID();
    const workflowId = referralWorkflowId(tenantId, referralId);
    const event = {
      workflowId,
      tenantId,
      referralId,
      sequence: 1,
      type: 'requested' as const,
      from: null,
      to: 'requested' as const,
      at: new Date().toISOString(),
      by: null,
    };
    await Promise.all([activities.recordReferralEvent(event), activities.recordReferralEvent(event)]);
    await activities.recordReferralEvent(event);
    const escalation = {
      workflowId,
      tenantId,
      referralId,
      sequence: 2,
      kind: 'acknowledge' as const,
      deadline: event.at,
      state: 'requested' as const,
      at: event.at,
    };
    await activities.escalateReferral(escalation);
    await activities.escalateReferral(escalation);
    expect((await auditOf(referralId)).map((a) => a.requestId)).toEqual([
      `${workflowId}#1`,
      `${workflowId}#2`,
    ]);
  });
});

describe("referral deadlines on Temporal's time-skipping test server", () => {
  // Deadlines are days apart, as in production: the test moves the server's clock instead of
  // waiting. The clock only moves forward, so each test reads it before setting deadlines.
  let deadlines: TimeSkippingWorker;
  let on: Target;

  beforeAll(async () => {
    deadlines = await startTimeSkippingWorker({ dataKeys, db: app.db });
    on = { client: deadlines.env.client, taskQueue: deadlines.taskQueue };
  });

  afterAll(() => deadlines?.stop());

  const inDays = async (days: number) =>
    new Date((await deadlines.env.currentTimeMs()) + days * DAY).toISOString();

  it('escalates a missed acknowledgement deadline exactly once and keeps running', async () => {
    const { handle, referralId, apply } = await start(
      { acknowledgeBy: await inDays(2), dueBy: await inDays(30) },
      on,
    );
    await apply({ type: 'received', by: court });
    // A task the timer wakes holds the server's clock until it completes, so once the clock has
    // moved past the deadline the escalation is in the workflow's state.
    await deadlines.env.sleep(3 * DAY);
    expect((await handle.query(stateQuery)).escalations).toMatchObject([
      { kind: 'acknowledge', state: 'received' },
    ]);
    await deadlines.env.sleep(7 * DAY);
    expect((await handle.query(stateQuery)).escalations).toHaveLength(1);

    await apply({ type: 'accepted', by: court });
    await apply({ type: 'cancelled', by: mediator, reason: '测试结束' });
    const result = await handle.result();
    expect(result.escalations).toHaveLength(1);
    const escalated = (await auditOf(referralId)).filter((a) => a.action === 'referral.escalated');
    expect(escalated).toMatchObject([
      { actorName: 'system', after: { deadline: 'acknowledge', state: 'received' } },
    ]);
  });

  it('escalates a missed due date once, but not an acknowledgement given in time', async () => {
    const { handle, referralId, apply } = await start(
      { acknowledgeBy: await inDays(2), dueBy: await inDays(3) },
      on,
    );
    await apply({ type: 'received', by: court });
    await apply({ type: 'accepted', by: court });
    await apply({ type: 'in-progress', by: court });
    await deadlines.env.sleep(5 * DAY);
    expect((await handle.query(stateQuery)).escalations).toMatchObject([{ kind: 'complete' }]);
    await apply({ type: 'completed', by: court, outcome: { code: 'confirmed', text: '已确认' } });
    const result = await handle.result();
    expect(result.escalations).toMatchObject([{ kind: 'complete', state: 'in-progress' }]);
    const escalated = (await auditOf(referralId)).filter((a) => a.action === 'referral.escalated');
    expect(escalated).toMatchObject([{ after: { deadline: 'complete' } }]);
  });
});
