import { randomUUID } from 'node:crypto';
import { type ApiContext, type AppCaller, createCaller } from '@linju/api';
import {
  createReferral,
  createStaffMember,
  grantRole,
  recordPartnerConsent,
  recordReferralEvent,
  revokeRole,
  systemActor,
} from '@linju/core';
import { createTestDistrict, TEST_PASSWORD, TEST_SERVICE, type TestDistrict } from '@linju/core/testing';
import { asc, eq, schema, withTenant } from '@linju/db';
import {
  linjuDataConverter,
  referralIdempotencyKey,
  type referralWorkflow,
  referralWorkflowId,
  stateQuery,
  transitionUpdate,
  workflowsPath,
} from '@linju/workflows';
import { Client } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TENANT_MISMATCH_FAILURE } from './tenant-bound-activities.ts';
import { useLiveWorker } from './testing/live-worker.ts';
import { startTimeSkippingWorker, type TimeSkippingWorker } from './testing/time-skipping-worker.ts';

/**
 * Referrals end to end within one deployment: the API (as the server wires it, with a Temporal
 * client), a worker on its own task queue, real PostgreSQL and the real Temporal dev server.
 */
const live = useLiveWorker('referrals-api', { poolSize: 8, nodeId: 'linju-test' });
const { box, context, dataKeys } = live;
let a: TestDistrict;
let b: TestDistrict;
let courtUserA: string;

async function signIn(slug: string, username: string, over: Partial<ApiContext> = {}): Promise<AppCaller> {
  const { sessionToken, next } = await createCaller(context()).auth.login({
    tenantSlug: slug,
    username,
    password: TEST_PASSWORD,
  });
  expect(next).not.toBe('totp');
  return createCaller(context({ sessionToken, ...over }));
}

async function partnerUser(d: TestDistrict, username: string) {
  return withTenant(
    live.app.db,
    d.tenantId,
    async (tx) =>
      (
        await createStaffMember(
          tx,
          systemActor(d.tenantId, 'test'),
          {
            username,
            displayName: `${username} 书记员`,
            organisationId: d.organisations.court,
            password: TEST_PASSWORD,
            roles: [{ role: 'partner-user', organisationId: d.organisations.court }],
            mustChangePassword: false,
          },
          box,
        )
      ).id,
  );
}

/** The tRPC error a call ends with (its name, code, message key and cause). */
type ApiError = { name: string; code: string; message: string; cause?: unknown };
async function failure(call: Promise<unknown>): Promise<ApiError> {
  const error = (await call.then(
    () => expect.fail('the call succeeded'),
    (e: unknown) => e,
  )) as ApiError;
  expect(error.name).toBe('TRPCError');
  return error;
}

beforeAll(async () => {
  [a, b] = await Promise.all([
    createTestDistrict(live.app.db, box, 'ref-a'),
    createTestDistrict(live.app.db, box, 'ref-b'),
  ]);
  courtUserA = await partnerUser(a, 'clerk');
  await partnerUser(b, 'clerk');
});

async function openCase(desk: AppCaller) {
  return desk.case.create({
    channel: 'walk-in',
    resident: {
      name: '赵居民',
      phone: '13812345678',
      idNumber: '110101199003074514',
      keyGroups: ['elderly'],
    },
    serviceType: TEST_SERVICE,
    description: '邻里纠纷，调解成功后申请司法确认',
    organisationId: a.organisations.stationA,
  });
}

describe('referrals from a case to a partner inbox, on Temporal', () => {
  it('runs consent → send → inbox → accept → complete, and the outcome lands on the case', async () => {
    const desk = await signIn(a.slug, 'desk-a');
    const clerk = await signIn(a.slug, 'clerk');
    const legalCase = await openCase(desk);
    const send = {
      caseId: legalCase.id,
      toOrganisationId: a.organisations.court,
      kind: 'judicial-confirmation' as const,
      summary: '人民调解协议司法确认',
    };

    // No consent recorded: refused, naming the field, nothing written.
    const noConsent = await failure(desk.referral.create(send));
    expect(noConsent.code).toBe('BAD_REQUEST');
    expect(noConsent.message).toBe('referral.consent_required');
    expect((noConsent.cause as { field?: string }).field).toBe('toOrganisationId');
    expect(await desk.referral.getMany({ caseId: legalCase.id })).toEqual([]);

    await desk.case.recordConsent({ caseId: legalCase.id, partnerOrganisationId: a.organisations.court });
    const sent = await desk.referral.create(send);
    expect(sent).toMatchObject({
      status: 'requested',
      kind: 'judicial-confirmation',
      subjectName: '赵居民',
      subjectFields: ['displayName', 'phone', 'idNumber'],
      fromOrganisationId: a.organisations.stationA,
    });
    // Two working days to acknowledge, fifteen to complete, each to the end of the day.
    expect(sent.acknowledgeBy.getTime()).toBeGreaterThan(Date.now() + 86_400_000);
    expect(sent.dueBy.getTime()).toBeGreaterThan(sent.acknowledgeBy.getTime());

    const [inInbox] = await clerk.referral.inbox({});
    expect(inInbox).toMatchObject({
      id: sent.id,
      status: 'requested',
      subject: { displayName: '赵居民', phone: '13812345678', idNumber: '110101199003074514' },
    });
    expect(inInbox).not.toHaveProperty('caseId');
    expect(inInbox?.subject).not.toHaveProperty('groups'); // the court does not need them

    // Reject needs a reason (the workflow's state machine says so); the inbox delivered it meanwhile.
    const noReason = await failure(clerk.referral.transition({ referralId: sent.id, type: 'rejected' }));
    expect(noReason.code).toBe('BAD_REQUEST');
    expect(noReason.message).toBe('referral.reason_required');

    expect(await clerk.referral.transition({ referralId: sent.id, type: 'accepted' })).toMatchObject({
      status: 'accepted',
    });
    const early = await failure(
      clerk.referral.transition({
        referralId: sent.id,
        type: 'completed',
        outcome: { code: 'confirmed', text: 'x' },
      }),
    );
    expect(early.code).toBe('CONFLICT');
    await clerk.referral.transition({ referralId: sent.id, type: 'in-progress' });
    const outcome = { code: 'confirmed', text: '法院裁定调解协议有效' };
    const done = await clerk.referral.transition({ referralId: sent.id, type: 'completed', outcome });
    expect(done).toMatchObject({ status: 'completed', outcomeCode: 'confirmed', outcomeText: outcome.text });

    const handle = live.client.workflow.getHandle<typeof referralWorkflow>(
      referralWorkflowId(a.tenantId, sent.id),
    );
    const result = await handle.result();
    expect(result.history.map((h) => h.to)).toEqual([
      'requested',
      'received',
      'accepted',
      'in-progress',
      'completed',
    ]);

    // The case's timeline shows every step, the outcome last, prompting feedback to the resident.
    const shown = await desk.case.get({ caseId: legalCase.id });
    const referralEvents = shown.timeline.filter((e) => e.kind === 'referral');
    expect(referralEvents.map((e) => e.data.event ?? 'consent')).toEqual([
      'consent',
      'requested',
      'received',
      'accepted',
      'in-progress',
      'completed',
    ]);
    expect(referralEvents.at(-1)).toMatchObject({
      actorId: courtUserA,
      text: outcome.text,
      data: { referralId: sent.id, outcome, feedbackDue: true },
    });

    // One event row per workflow effect, keyed by it; the sender's list shows the result.
    const events = await withTenant(live.app.db, a.tenantId, (tx) =>
      tx
        .select()
        .from(schema.referralEvent)
        .where(eq(schema.referralEvent.referralId, sent.id))
        .orderBy(asc(schema.referralEvent.seq)),
    );
    expect(events.map((e) => e.idempotencyKey)).toEqual(
      [1, 2, 3, 4, 5].map((n) => referralIdempotencyKey(handle.workflowId, n)),
    );
    expect((await desk.referral.getMany({ caseId: legalCase.id }))[0]).toMatchObject({
      id: sent.id,
      status: 'completed',
    });
    // A final referral refuses anything more.
    expect(
      (await failure(clerk.referral.transition({ referralId: sent.id, type: 'failed', reason: 'x' }))).code,
    ).toBe('CONFLICT');
  });

  it('answers a send repeated while the first is open with that referral: one row, one workflow', async () => {
    // A client whose answer was lost (the proxy's 502 when a server died after the commit) sends again.
    const desk = await signIn(a.slug, 'desk-a');
    const legalCase = await openCase(desk);
    await desk.case.recordConsent({ caseId: legalCase.id, partnerOrganisationId: a.organisations.court });
    const send = {
      caseId: legalCase.id,
      toOrganisationId: a.organisations.court,
      kind: 'litigation-mediation' as const,
      summary: '诉前调解',
    };
    const [first, ...again] = await Promise.all([
      desk.referral.create(send),
      desk.referral.create(send),
      desk.referral.create(send),
    ]);
    for (const answer of again) expect(answer.id).toBe(first?.id);
    expect((await desk.referral.getMany({ caseId: legalCase.id })).map((r) => r.id)).toEqual([first?.id]);
    const events = await withTenant(live.app.db, a.tenantId, (tx) =>
      tx
        .select()
        .from(schema.referralEvent)
        .where(eq(schema.referralEvent.referralId, first?.id as string)),
    );
    expect(events.map((e) => e.type)).toEqual(['requested']);
    // Once it is over, the same send is a new referral.
    await desk.referral.cancel({ referralId: first?.id as string, reason: '重新发送' });
    const later = await desk.referral.create(send);
    expect(later.id).not.toBe(first?.id);
  });

  it('lets the sender cancel with a reason; the partner cannot', async () => {
    const desk = await signIn(a.slug, 'desk-a');
    const clerk = await signIn(a.slug, 'clerk');
    const legalCase = await openCase(desk);
    await desk.case.recordConsent({ caseId: legalCase.id, partnerOrganisationId: a.organisations.court });
    const sent = await desk.referral.create({
      caseId: legalCase.id,
      toOrganisationId: a.organisations.court,
      kind: 'litigation-mediation',
      summary: '诉前调解',
    });
    await clerk.referral.transition({ referralId: sent.id, type: 'accepted' });
    // The partner's actions do not include cancelling, and the partner is not the sender.
    await expect(
      clerk.referral.cancel({ referralId: sent.id, reason: '不办了' }).catch((e: ApiError) => e.code),
    ).resolves.toBe('FORBIDDEN');
    const cancelled = await desk.referral.cancel({ referralId: sent.id, reason: '当事人已自行和解' });
    expect(cancelled).toMatchObject({ status: 'cancelled', reason: '当事人已自行和解' });
    const shown = await desk.case.get({ caseId: legalCase.id });
    expect(shown.timeline.at(-1)).toMatchObject({
      kind: 'referral',
      text: '当事人已自行和解',
      data: { event: 'cancelled' },
    });
  });

  it('passes notes both ways within the district: no state moves, each side sees the other’s', async () => {
    const desk = await signIn(a.slug, 'desk-a');
    const clerk = await signIn(a.slug, 'clerk');
    const legalCase = await openCase(desk);
    await desk.case.recordConsent({ caseId: legalCase.id, partnerOrganisationId: a.organisations.court });
    const sent = await desk.referral.create({
      caseId: legalCase.id,
      toOrganisationId: a.organisations.court,
      kind: 'litigation-mediation',
      summary: '诉前调解（备注往来）',
    });
    // The sender's note reaches the partner's inbox, the state stays `requested`.
    expect(
      await desk.referral.note({ referralId: sent.id, side: 'sender', text: '当事人希望周末调解' }),
    ).toMatchObject({ status: 'requested' });
    await clerk.referral.transition({ referralId: sent.id, type: 'accepted' });
    await clerk.referral.note({ referralId: sent.id, side: 'receiver', text: '已安排周六上午' });
    const item = (await clerk.referral.inbox({})).find((r) => r.id === sent.id);
    expect(item?.status).toBe('accepted');
    expect(item?.notes.map((n) => [n.party, n.text])).toEqual([
      ['sender', '当事人希望周末调解'],
      ['receiver', '已安排周六上午'],
    ]);
    // The partner's note is on the case, in the partner user's name.
    const shown = await desk.case.get({ caseId: legalCase.id });
    expect(shown.timeline.at(-1)).toMatchObject({
      kind: 'referral',
      text: '已安排周六上午',
      data: { event: 'note', party: 'receiver', status: 'accepted' },
    });
    // Each side writes only as itself: the sender is not the partner, the partner not the sender.
    const refused = (e: ApiError) => e.code;
    expect(
      await clerk.referral.note({ referralId: sent.id, side: 'sender', text: '冒充' }).catch(refused),
    ).toBe('NOT_FOUND');
    expect(
      await desk.referral.note({ referralId: sent.id, side: 'receiver', text: '冒充' }).catch(refused),
    ).toBe('NOT_FOUND');
    // Notes are updates of their own in the history: it replays against the workflow code.
    const history = await live.client.workflow
      .getHandle(referralWorkflowId(a.tenantId, sent.id))
      .fetchHistory();
    await Worker.runReplayHistory(
      { workflowsPath, dataConverter: linjuDataConverter(dataKeys) },
      history,
      referralWorkflowId(a.tenantId, sent.id),
    );
  });

  it('shows nothing to, and takes nothing from, another station or another district', async () => {
    const desk = await signIn(a.slug, 'desk-a');
    const legalCase = await openCase(desk);
    await desk.case.recordConsent({ caseId: legalCase.id, partnerOrganisationId: a.organisations.court });
    const sent = await desk.referral.create({
      caseId: legalCase.id,
      toOrganisationId: a.organisations.court,
      kind: 'assistance',
      summary: '妇联协助',
    });
    expect(sent.subjectFields).toEqual(['displayName', 'phone', 'groups']);

    const otherStation = await signIn(a.slug, 'desk-b');
    expect((await otherStation.referral.getMany({})).map((r) => r.id)).not.toContain(sent.id);
    expect((await failure(otherStation.referral.cancel({ referralId: sent.id, reason: 'x' }))).code).toBe(
      'NOT_FOUND',
    );

    const deskOfB = await signIn(b.slug, 'desk');
    const clerkOfB = await signIn(b.slug, 'clerk');
    expect(await deskOfB.referral.getMany({})).toEqual([]);
    expect(await clerkOfB.referral.inbox({})).toEqual([]);
    // Thunks: each call starts only when awaited, so no refusal goes unhandled meanwhile.
    for (const call of [
      () => clerkOfB.referral.transition({ referralId: sent.id, type: 'accepted' }),
      () => deskOfB.referral.cancel({ referralId: sent.id, reason: '越权' }),
      () =>
        deskOfB.referral.create({
          caseId: legalCase.id,
          toOrganisationId: a.organisations.court,
          kind: 'assistance',
          summary: '越权',
        }),
      () =>
        deskOfB.case.recordConsent({ caseId: legalCase.id, partnerOrganisationId: a.organisations.court }),
    ]) {
      expect(['NOT_FOUND', 'FORBIDDEN']).toContain((await failure(call())).code);
    }
    const snapshot = await live.client.workflow
      .getHandle<typeof referralWorkflow>(referralWorkflowId(a.tenantId, sent.id))
      .query(stateQuery);
    expect(snapshot.state).toBe('requested');
  });

  it('takes the sending side’s rights away with the role: a moved sender no longer acts on what they sent', async () => {
    const actor = systemActor(a.tenantId, 'test');
    const { id: senderId } = await withTenant(live.app.db, a.tenantId, (tx) =>
      createStaffMember(tx, actor, {
        username: 'desk-moving',
        displayName: '即将调离的前台',
        organisationId: a.organisations.stationA,
        password: TEST_PASSWORD,
        roles: [{ role: 'desk-officer', organisationId: a.organisations.stationA }],
        mustChangePassword: false,
      }),
    );
    const sender = await signIn(a.slug, 'desk-moving');
    const legalCase = await openCase(sender);
    await sender.case.recordConsent({ caseId: legalCase.id, partnerOrganisationId: a.organisations.court });
    const sent = await sender.referral.create({
      caseId: legalCase.id,
      toOrganisationId: a.organisations.court,
      kind: 'litigation-mediation',
      summary: '诉前调解（经办人调离）',
    });
    // Moved to station B: the role at A revoked, the same role at B granted.
    await withTenant(live.app.db, a.tenantId, async (tx) => {
      const at = (organisationId: string) => ({
        staffMemberId: senderId,
        role: 'desk-officer' as const,
        organisationId,
      });
      await revokeRole(tx, actor, at(a.organisations.stationA));
      await grantRole(tx, actor, at(a.organisations.stationB));
    });
    for (const call of [
      () => sender.referral.cancel({ referralId: sent.id, reason: '已调离' }),
      () => sender.referral.note({ referralId: sent.id, side: 'sender', text: '已调离' }),
      () => sender.referral.issuePartnerLink({ referralId: sent.id }),
      () => sender.referral.fetchOutcomeDocument({ referralId: sent.id, sha256: '0'.repeat(64) }),
    ]) {
      expect((await failure(call())).code).toBe('NOT_FOUND');
    }
    expect((await sender.referral.getMany({})).map((r) => r.id)).not.toContain(sent.id);
    // The station still holds it: its desk officer withdraws it.
    const desk = await signIn(a.slug, 'desk-a');
    expect(await desk.referral.cancel({ referralId: sent.id, reason: '由工作站撤回' })).toMatchObject({
      status: 'cancelled',
    });
  });

  it('refuses clearly without a workflow engine, and writes nothing', async () => {
    const desk = await signIn(a.slug, 'desk-a', { temporal: undefined });
    const legalCase = await openCase(desk);
    await desk.case.recordConsent({ caseId: legalCase.id, partnerOrganisationId: a.organisations.court });
    const refused = await failure(
      desk.referral.create({
        caseId: legalCase.id,
        toOrganisationId: a.organisations.court,
        kind: 'legal-aid',
        summary: '法律援助',
      }),
    );
    expect(refused).toMatchObject({ code: 'SERVICE_UNAVAILABLE', message: 'referral.workflows_unavailable' });
    expect(await desk.referral.getMany({ caseId: legalCase.id })).toEqual([]);
  });

  it('records an effect once however often it is delivered', async () => {
    const actor = systemActor(a.tenantId, 'test');
    const desk = await signIn(a.slug, 'desk-a');
    const legalCase = await openCase(desk);
    const key = (id: string, n: number) => referralIdempotencyKey(referralWorkflowId(a.tenantId, id), n);
    const { referral } = await withTenant(live.app.db, a.tenantId, async (tx) => {
      await recordPartnerConsent(tx, actor, {
        caseId: legalCase.id,
        partnerOrganisationId: a.organisations.court,
      });
      return createReferral(
        tx,
        actor,
        box,
        { caseId: legalCase.id, toOrganisationId: a.organisations.court, kind: 'transfer', summary: '移送' },
        { initialEffectKey: (id) => key(id, 1) },
      );
    });
    const effect = {
      tenantId: a.tenantId,
      referralId: referral.id,
      sequence: 2,
      type: 'received' as const,
      from: 'requested' as const,
      to: 'received' as const,
      at: new Date().toISOString(),
      by: { party: 'receiver' as const, name: '书记员', role: 'partner-user' },
      idempotencyKey: key(referral.id, 2),
    };
    const results = await Promise.all(
      [1, 2, 3].map(() => withTenant(live.app.db, a.tenantId, (tx) => recordReferralEvent(tx, effect))),
    );
    expect(results.sort()).toEqual(['applied', 'duplicate', 'duplicate']);
    // The first event was written by the send itself under the workflow's first key.
    const again = await withTenant(live.app.db, a.tenantId, (tx) =>
      recordReferralEvent(tx, {
        ...effect,
        sequence: 1,
        type: 'requested',
        from: null,
        to: 'requested',
        idempotencyKey: key(referral.id, 1),
      }),
    );
    expect(again).toBe('duplicate');
    const rows = await withTenant(live.app.db, a.tenantId, (tx) =>
      tx.select().from(schema.referralEvent).where(eq(schema.referralEvent.referralId, referral.id)),
    );
    expect(rows.map((r) => r.type).sort()).toEqual(['received', 'requested']);
  });
});

describe('what Temporal holds, and whom the worker believes', () => {
  it('keeps notes, reasons and names out of the history: only the codec opens them', async () => {
    const desk = await signIn(a.slug, 'desk-a');
    const clerk = await signIn(a.slug, 'clerk');
    const legalCase = await openCase(desk);
    await desk.case.recordConsent({ caseId: legalCase.id, partnerOrganisationId: a.organisations.court });
    const sent = await desk.referral.create({
      caseId: legalCase.id,
      toOrganisationId: a.organisations.court,
      kind: 'litigation-mediation',
      summary: '诉前调解',
    });
    const note = '赵居民希望周末在社区调解室调解';
    const reason = '赵居民的纠纷不属于本院管辖范围';
    await desk.referral.note({ referralId: sent.id, side: 'sender', text: note });
    await clerk.referral.transition({ referralId: sent.id, type: 'rejected', reason });
    const workflowId = referralWorkflowId(a.tenantId, sent.id);

    // raw: what Temporal stores, read as someone with Temporal access but without the data key.
    const raw = new Client({ connection: live.connection, namespace: 'default' });
    const history = await raw.workflow.getHandle(workflowId).fetchHistory();
    // Payload bytes (data and metadata) come as base64 in the history's JSON: read them as text.
    const stored = JSON.stringify(history, (key, v) =>
      typeof v === 'string' && ['data', 'encoding', 'encryption-key-id'].includes(key)
        ? Buffer.from(v, 'base64').toString('utf8')
        : v,
    );

    for (const personal of [note, reason, '赵居民', 'clerk 书记员', 'desk-a'])
      expect(stored).not.toContain(personal);
    expect(stored).toContain('binary/encrypted');

    // The worker's and the server's clients, with the codec, read it back.
    const snapshot = await live.client.workflow
      .getHandle<typeof referralWorkflow>(workflowId)
      .query(stateQuery);
    expect(snapshot.history.map((h) => h.reason).filter(Boolean)).toEqual([note, reason]);
  });

  it('refuses a workflow started with another district in its input: the id names the tenant', async () => {
    // District B's referral, waiting for its court (no workflow of its own needed here).
    const deskB = await signIn(b.slug, 'desk-a');
    const actor = systemActor(b.tenantId, 'test');
    const caseB = await deskB.case.create({
      channel: 'walk-in',
      resident: { name: '钱居民', keyGroups: [] },
      serviceType: TEST_SERVICE,
      description: '乙区的案件',
      organisationId: b.organisations.stationA,
    });
    const { referral } = await withTenant(live.app.db, b.tenantId, async (tx) => {
      await recordPartnerConsent(tx, actor, {
        caseId: caseB.id,
        partnerOrganisationId: b.organisations.court,
      });
      return createReferral(
        tx,
        actor,
        box,
        {
          caseId: caseB.id,
          toOrganisationId: b.organisations.court,
          kind: 'transfer',
          summary: '移送',
        },
        { initialEffectKey: (id) => referralIdempotencyKey(referralWorkflowId(b.tenantId, id), 1) },
      );
    });
    const eventsOfB = () =>
      withTenant(live.app.db, b.tenantId, (tx) =>
        tx.select().from(schema.referralEvent).where(eq(schema.referralEvent.referralId, referral.id)),
      );
    const before = await eventsOfB();

    // Someone who can start workflows starts one under district A's key, naming B's referral.
    const forged = await live.client.workflow.start<typeof referralWorkflow>('referralWorkflow', {
      taskQueue: live.linju.taskQueue,
      workflowId: referralWorkflowId(a.tenantId, randomUUID()),
      args: [
        {
          tenantId: b.tenantId,
          referralId: referral.id,
          from: 'a@linju-test',
          to: 'b@linju-test',
          kind: 'transfer',
          acknowledgeBy: new Date(Date.now() + 86_400_000).toISOString(),
          dueBy: new Date(Date.now() + 2 * 86_400_000).toISOString(),
          firstEffectRecorded: true,
        },
      ],
    });
    const refusal = await forged
      .executeUpdate(transitionUpdate, {
        args: [{ type: 'received', by: { party: 'receiver', name: '冒充者', role: 'partner-user' } }],
      })
      .then(
        () => expect.fail('the forged workflow acted on district B'),
        (e: unknown) => e,
      );
    const causes: { type?: string }[] = [];
    for (let e = refusal as { cause?: unknown } | undefined; e; e = e.cause as typeof e)
      causes.push(e as never);
    expect(causes.map((c) => c.type)).toContain(TENANT_MISMATCH_FAILURE);
    expect(await eventsOfB()).toEqual(before);
    const [row] = await withTenant(live.app.db, b.tenantId, (tx) =>
      tx.select().from(schema.referral).where(eq(schema.referral.id, referral.id)),
    );
    expect(row?.status).toBe('requested');
    await forged.terminate('test over');
  });
});

describe("a referral's deadline on Temporal's time-skipping test server", () => {
  // The deadline is the business rule's (working days of the tenant's calendar): the test moves the
  // server's clock past it instead of waiting.
  let deadlines: TimeSkippingWorker;

  beforeAll(async () => {
    deadlines = await startTimeSkippingWorker({ dataKeys, db: live.app.db });
  });

  afterAll(() => deadlines?.stop());

  it('escalates a missed acknowledgement onto the case, once', async () => {
    const actor = systemActor(a.tenantId, 'test');
    const legalCase = await openCase(await signIn(a.slug, 'desk-a'));
    const { start, caseId } = await withTenant(live.app.db, a.tenantId, async (tx) => {
      await recordPartnerConsent(tx, actor, {
        caseId: legalCase.id,
        partnerOrganisationId: a.organisations.court,
      });
      const created = await createReferral(
        tx,
        actor,
        box,
        { caseId: legalCase.id, toOrganisationId: a.organisations.court, kind: 'transfer', summary: '移送' },
        { initialEffectKey: (id) => referralIdempotencyKey(referralWorkflowId(a.tenantId, id), 1) },
      );
      return { ...created, caseId: legalCase.id };
    });
    const handle = await deadlines.env.client.workflow.start<typeof referralWorkflow>('referralWorkflow', {
      taskQueue: deadlines.taskQueue,
      workflowId: referralWorkflowId(a.tenantId, start.referralId),
      args: [{ ...start, from: `${start.fromOrganisationId}@t`, to: `${start.toOrganisationId}@t` }],
    });
    const timelineOf = () =>
      withTenant(live.app.db, a.tenantId, (tx) =>
        tx
          .select()
          .from(schema.caseEvent)
          .where(eq(schema.caseEvent.caseId, caseId))
          .orderBy(asc(schema.caseEvent.seq)),
      );
    const escalatedEvents = async () => (await timelineOf()).filter((e) => e.data.event === 'escalated');
    // An hour past the deadline, short of the due date. The task the timer wakes holds the
    // server's clock until it completes, so the escalation is written once the clock is there.
    const pastDeadline = Date.parse(start.acknowledgeBy) + 3_600_000 - (await deadlines.env.currentTimeMs());
    expect(Date.parse(start.dueBy) - Date.parse(start.acknowledgeBy)).toBeGreaterThan(3_600_000);
    await deadlines.env.sleep(pastDeadline);
    expect(await escalatedEvents()).toMatchObject([
      { kind: 'referral', actorName: 'system', data: { deadline: 'acknowledge', status: 'requested' } },
    ]);
    // Up to an hour before the due date it still stands alone: the deadline is escalated once.
    await deadlines.env.sleep(Date.parse(start.dueBy) - 3_600_000 - (await deadlines.env.currentTimeMs()));
    expect(await escalatedEvents()).toHaveLength(1);
    await handle.cancel();
  });
});
