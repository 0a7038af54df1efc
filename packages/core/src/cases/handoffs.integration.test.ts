import { randomBytes } from 'node:crypto';
import { createSecretBox } from '@linju/auth';
import { and, connect, eq, schema, type TenantTx, withTenant } from '@linju/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Actor, systemActor } from '../actor.ts';
import { DomainError } from '../errors.ts';
import { recordReferralEvent } from '../referrals/referral-effects.ts';
import { createReferral, recordPartnerConsent } from '../referrals/referral-service.ts';
import { createStaffMember } from '../staff/staff-service.ts';
import { getDirectorDashboard } from '../statistics/director-dashboard.ts';
import { actorOf } from '../testing/test-actor.ts';
import { createTestDistrict, TEST_PASSWORD, type TestDistrict } from '../testing/test-district.ts';
import { listUnitAssignees } from './case-assignees.ts';
import { assignCases } from './case-batch-assignment.ts';
import { type CaseQueue, findCases } from './case-queries.ts';
import { countCaseQueues } from './case-queue-counts.ts';
import type { IntakeRequest } from './case-schemas.ts';
import { assignCase, changeCaseStatus, intakeCase, transferCase } from './case-service.ts';

/**
 * Handoffs (issue 17): a transfer tells the receiving unit's heads and front desk, an assignment
 * tells the assignee, a partner's answer tells whoever handles the case — each in the change's
 * own transaction; a station head finds what waits for her in 待分派 / 新转入 and assigns from there,
 * one case or several; the desk's Today counts what she took in; the director's overview stays
 * within the scope of her statistics.
 */
const app = connect(inject('databaseUrl'));
const box = createSecretBox(randomBytes(32));
let d: TestDistrict;
let centreDesk: Actor;
let deskA: Actor;
let headA: Actor;
let headB: Actor;
let mediatorA: Actor;
let director: Actor;
const inTenant = <T>(fn: (tx: TenantTx) => Promise<T>) => withTenant(app.db, d.tenantId, fn);

let phoneSeq = 0;
const walkIn = (over: Partial<IntakeRequest> = {}): IntakeRequest => ({
  channel: 'walk-in',
  resident: { name: '钱先生', phone: `137${String(20_000_000 + phoneSeq++ * 7919).slice(-8)}` },
  description: '邻居占用楼道堆放杂物，多次沟通无果',
  organisationId: d.organisations.centreId,
  ...over,
});
const intake = (actor: Actor, over: Partial<IntakeRequest> = {}) =>
  inTenant((tx) => intakeCase(tx, actor, box, walkIn(over)));
const transferToStationA = (caseId: string) =>
  inTenant((tx) =>
    transferCase(tx, centreDesk, { caseId, organisationId: d.organisations.stationA, reason: '属地办理' }),
  );
const notificationsOf = (caseId: string) =>
  inTenant(async (tx) =>
    (
      await tx
        .select({
          recipientId: schema.notification.recipientId,
          kind: schema.notification.kind,
          messageKey: schema.notification.messageKey,
          params: schema.notification.params,
        })
        .from(schema.notification)
        .where(eq(schema.notification.caseId, caseId))
    ).sort((x, y) => x.recipientId.localeCompare(y.recipientId)),
  );
const auditActionsOf = (caseId: string) =>
  inTenant(async (tx) =>
    (
      await tx
        .select({ action: schema.auditEntry.action })
        .from(schema.auditEntry)
        .where(and(eq(schema.auditEntry.objectType, 'case'), eq(schema.auditEntry.objectId, caseId)))
    ).map((a) => a.action),
  );
const queue = async (actor: Actor, name: CaseQueue) =>
  (await inTenant((tx) => findCases(tx, actor, box, { queue: name, limit: 200 }))).cases.map((c) => c.id);
const refusal = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return { kind: error.kind, key: error.message, params: error.params };
    throw error;
  }
  throw new Error('expected a refusal');
};

beforeAll(async () => {
  d = await createTestDistrict(app.db, box, 'handoffs');
  const {
    headB: headBId,
    mediatorA: mediatorId,
    director: directorId,
  } = await inTenant(async (tx) => {
    const seed = systemActor(d.tenantId, 'test');
    const person = async (username: string, role: schema.Role, organisationId: string) =>
      (
        await createStaffMember(tx, seed, {
          username,
          displayName: username,
          organisationId,
          password: TEST_PASSWORD,
          roles: [{ role, organisationId }],
          mustChangePassword: false,
        })
      ).id;
    return {
      headB: await person('head-b', 'station-head', d.organisations.stationB),
      mediatorA: await person('mediator-a', 'mediator', d.organisations.stationA),
      director: await person('director', 'centre-director', d.organisations.centreId),
    };
  });
  [centreDesk, deskA, headA, headB, mediatorA, director] = await Promise.all([
    actorOf(app.db, d.tenantId, d.people.desk, '中心前台'),
    actorOf(app.db, d.tenantId, d.people.deskA, '前台甲'),
    actorOf(app.db, d.tenantId, d.people.headA, '所长甲'),
    actorOf(app.db, d.tenantId, headBId, '所长乙'),
    actorOf(app.db, d.tenantId, mediatorId, '调解员甲'),
    actorOf(app.db, d.tenantId, directorId, '主任'),
  ]);
});
afterAll(() => app.close());

describe('notifications with the change', () => {
  it('tells the receiving station’s head and front desk of a transfer, with its audit entry', async () => {
    const c = await intake(centreDesk);
    await transferToStationA(c.id);
    expect(await notificationsOf(c.id)).toEqual(
      [d.people.headA, d.people.deskA].sort().map((recipientId) => ({
        recipientId,
        kind: 'case.transferred',
        messageKey: 'notification.case_transferred',
        params: { number: c.number, from: '测试中心' },
      })),
    );
    expect(await auditActionsOf(c.id)).toContain('case.transferred');
  });

  it('tells the assignee, and nobody of their own choice of themselves', async () => {
    const c = await intake(centreDesk, { organisationId: d.organisations.stationA });
    await inTenant((tx) => assignCase(tx, headA, { caseId: c.id, assigneeId: mediatorA.id ?? '' }));
    await inTenant((tx) => assignCase(tx, deskA, { caseId: c.id, assigneeId: d.people.deskA }));
    expect(await notificationsOf(c.id)).toEqual([
      {
        recipientId: mediatorA.id,
        kind: 'case.assigned',
        messageKey: 'notification.case_assigned',
        params: { number: c.number, by: '所长甲' },
      },
    ]);
  });

  it('leaves no notification when the change is rolled back', async () => {
    const c = await intake(centreDesk);
    await expect(
      inTenant(async (tx) => {
        await transferCase(tx, centreDesk, {
          caseId: c.id,
          organisationId: d.organisations.stationA,
          reason: '属地办理',
        });
        throw new Error('the request failed after the transfer');
      }),
    ).rejects.toThrow('the request failed after the transfer');
    expect(await notificationsOf(c.id)).toEqual([]);
  });

  it('tells the case’s handler of a partner’s answer to its referral', async () => {
    const c = await intake(centreDesk, { organisationId: d.organisations.stationA });
    await inTenant((tx) => assignCase(tx, headA, { caseId: c.id, assigneeId: mediatorA.id ?? '' }));
    const key = (id: string, n: number) => `referral:${d.tenantId}:${id}#${n}`;
    const { referral } = await inTenant(async (tx) => {
      await recordPartnerConsent(tx, headA, { caseId: c.id, partnerOrganisationId: d.organisations.court });
      return createReferral(
        tx,
        headA,
        box,
        { caseId: c.id, toOrganisationId: d.organisations.court, kind: 'transfer', summary: '移送法院' },
        { initialEffectKey: (id) => key(id, 1) },
      );
    });
    const by = { party: 'receiver' as const, name: '书记员', role: 'partner-user' };
    for (const [i, [type, from]] of (
      [
        ['received', 'requested'],
        ['accepted', 'received'],
      ] as const
    ).entries())
      await inTenant((tx) =>
        recordReferralEvent(tx, {
          tenantId: d.tenantId,
          referralId: referral.id,
          sequence: i + 2,
          type,
          from,
          to: type,
          at: new Date().toISOString(),
          by,
          idempotencyKey: key(referral.id, i + 2),
        }),
      );
    const told = (await notificationsOf(c.id)).filter((n) => n.kind === 'referral.accepted');
    expect(told.map((n) => n.recipientId).sort()).toEqual(
      [d.people.desk, mediatorA.id, d.people.headA].sort(),
    );
  });
});

describe('the assignment queue (待分派 / 新转入)', () => {
  it('holds the open unassigned cases of a head’s own units only, transferred ones also as 新转入', async () => {
    const takenThere = await intake(deskA, { organisationId: d.organisations.stationA });
    const transferred = await intake(centreDesk);
    await transferToStationA(transferred.id);
    const atB = await intake(centreDesk, { organisationId: d.organisations.stationB });

    const unassignedA = await queue(headA, 'unassigned');
    expect(unassignedA).toEqual(expect.arrayContaining([takenThere.id, transferred.id]));
    expect(unassignedA).not.toContain(atB.id);
    const transferredA = await queue(headA, 'transferred-in');
    expect(transferredA).toContain(transferred.id);
    expect(transferredA).not.toContain(takenThere.id);
    // Station B's head sees B's case, none of A's.
    const unassignedB = await queue(headB, 'unassigned');
    expect(unassignedB).toContain(atB.id);
    expect(unassignedB).not.toContain(takenThere.id);
    expect(unassignedB).not.toContain(transferred.id);
    // Someone who assigns nowhere has no such queue, whatever they may read.
    expect(await queue(mediatorA, 'unassigned')).toEqual([]);

    await inTenant((tx) => assignCase(tx, headA, { caseId: transferred.id, assigneeId: mediatorA.id ?? '' }));
    expect(await queue(headA, 'transferred-in')).not.toContain(transferred.id);
    expect(await queue(mediatorA, 'mine')).toContain(transferred.id);
  });

  it('assigns several cases in one go, each with its timeline, audit entry and notification', async () => {
    const cases = [await intake(deskA, { organisationId: d.organisations.stationA })];
    cases.push(await intake(deskA, { organisationId: d.organisations.stationA }));
    const result = await inTenant((tx) =>
      assignCases(tx, headA, { caseIds: cases.map((c) => c.id), assigneeId: mediatorA.id ?? '' }),
    );
    expect(result.assigned.map((a) => a.number)).toEqual(cases.map((c) => c.number));
    for (const c of cases) {
      expect(await auditActionsOf(c.id)).toContain('case.assigned');
      expect((await notificationsOf(c.id)).map((n) => n.recipientId)).toEqual([mediatorA.id]);
    }
  });

  it('assigns all of a batch or none, naming the case it refused', async () => {
    const fine = await intake(deskA, { organisationId: d.organisations.stationA });
    const closed = await intake(deskA, { organisationId: d.organisations.stationA });
    await inTenant((tx) =>
      changeCaseStatus(tx, headA, { caseId: closed.id, status: 'withdrawn', reason: '撤回' }),
    );
    expect(
      await refusal(
        inTenant((tx) =>
          assignCases(tx, headA, { caseIds: [fine.id, closed.id], assigneeId: mediatorA.id ?? '' }),
        ),
      ),
    ).toEqual({
      kind: 'conflict',
      key: 'case.not_open',
      params: { status: 'withdrawn', caseNumber: closed.number },
    });
    expect(await queue(headA, 'unassigned')).toContain(fine.id);
    // Another station's case is not found, and not named.
    const atB = await intake(centreDesk, { organisationId: d.organisations.stationB });
    expect(
      await refusal(
        inTenant((tx) => assignCases(tx, headA, { caseIds: [atB.id], assigneeId: mediatorA.id ?? '' })),
      ),
    ).toEqual({ kind: 'not-found', key: 'case.not_found', params: undefined });
  });

  it('refuses a case someone took meanwhile, by its number, and assigns none of the batch', async () => {
    const fine = await intake(deskA, { organisationId: d.organisations.stationA });
    const taken = await intake(deskA, { organisationId: d.organisations.stationA });
    // The head's queue listed both; meanwhile the centre's director gave one to herself.
    await inTenant((tx) => assignCase(tx, director, { caseId: taken.id, assigneeId: director.id ?? '' }));
    expect(
      await refusal(
        inTenant((tx) =>
          assignCases(tx, headA, { caseIds: [fine.id, taken.id], assigneeId: mediatorA.id ?? '' }),
        ),
      ),
    ).toEqual({ kind: 'conflict', key: 'case.assigned_meanwhile', params: { caseNumber: taken.number } });
    expect(await queue(headA, 'unassigned')).toContain(fine.id);
    expect(await queue(director, 'mine')).toContain(taken.id);
  });

  it('offers the people who may work matters at the unit, to those who assign there only', async () => {
    const offered = await inTenant((tx) =>
      listUnitAssignees(tx, headA, { organisationId: d.organisations.stationA }),
    );
    expect(offered.map((p) => p.id)).toEqual(expect.arrayContaining([mediatorA.id, d.people.deskA]));
    expect(offered.map((p) => p.id)).not.toContain(d.people.deskB);
    expect(
      await refusal(
        inTenant((tx) => listUnitAssignees(tx, headB, { organisationId: d.organisations.stationA })),
      ),
    ).toMatchObject({ kind: 'forbidden' });
  });
});

describe('counts on Today', () => {
  it('counts what the desk took in today, her own only, like the lists', async () => {
    const otherDesk = await actorOf(app.db, d.tenantId, d.people.deskB, '前台乙');
    const { counts: before } = await inTenant((tx) =>
      countCaseQueues(tx, otherDesk, { counts: [{ key: 'today', queue: 'taken-today' }] }),
    );
    const mine = [
      await intake(otherDesk, { organisationId: d.organisations.stationB }),
      await intake(otherDesk, { organisationId: d.organisations.stationB }),
      await intake(otherDesk, { organisationId: d.organisations.stationB }),
    ];
    // Received yesterday (an imported order): not today's intake.
    const yesterday = await intake(otherDesk, {
      organisationId: d.organisations.stationB,
      receivedAt: new Date(Date.now() - 2 * 86_400_000),
    });
    const { counts, cap } = await inTenant((tx) =>
      countCaseQueues(tx, otherDesk, {
        counts: [
          { key: 'today', queue: 'taken-today' },
          { key: 'waiting', queue: 'first-responder', status: ['resolved'] },
        ],
      }),
    );
    expect(counts).toEqual({ today: (before.today ?? 0) + 3, waiting: 0 });
    expect(cap).toBe(1000);
    const listed = await queue(otherDesk, 'taken-today');
    expect(listed).toEqual(expect.arrayContaining(mine.map((c) => c.id)));
    expect(listed).not.toContain(yesterday.id);
    expect(listed).toHaveLength(counts.today ?? -1);
    expect(await queue(centreDesk, 'taken-today')).not.toContain(mine[0]?.id);
  });

  it('counts a head’s unassigned cases as her queue lists them', async () => {
    const { counts } = await inTenant((tx) =>
      countCaseQueues(tx, headA, {
        counts: [
          { key: 'unassigned', queue: 'unassigned' },
          { key: 'transferred', queue: 'transferred-in' },
        ],
      }),
    );
    expect(counts).toEqual({
      unassigned: (await queue(headA, 'unassigned')).length,
      transferred: (await queue(headA, 'transferred-in')).length,
    });
  });
});

describe('the director’s overview', () => {
  it('shows a station head her station only, and the district to the centre’s director', async () => {
    const atA = await intake(centreDesk, { organisationId: d.organisations.stationA });
    await intake(centreDesk, { organisationId: d.organisations.stationB });
    const station = await inTenant((tx) =>
      getDirectorDashboard(tx, headA, { organisationId: d.organisations.stationA }),
    );
    const openAtA = (await queue(headA, 'unit')).length;
    expect(station.open).toBe(openAtA);
    expect(station.byUnit.every((u) => u.organisationId !== d.organisations.stationB)).toBe(true);
    expect(station.intakeToday).toBeGreaterThanOrEqual(1);
    expect(
      await refusal(inTenant((tx) => getDirectorDashboard(tx, headA, { organisationId: null }))),
    ).toMatchObject({ kind: 'forbidden' });
    expect(
      await refusal(
        inTenant((tx) => getDirectorDashboard(tx, headA, { organisationId: d.organisations.stationB })),
      ),
    ).toMatchObject({ kind: 'forbidden' });

    const district = await inTenant((tx) => getDirectorDashboard(tx, director, {}));
    const units = new Map(district.byUnit.map((u) => [u.organisationId, u]));
    expect(units.get(d.organisations.stationA)?.open).toBe(openAtA);
    expect(units.get(d.organisations.stationB)?.open).toBeGreaterThanOrEqual(1);
    expect(district.open).toBe(district.byService.reduce((n, s) => n + s.open, 0));
    expect(district.intakeToday).toBeGreaterThan(station.intakeToday);
    expect(district.referralsAwaiting.total).toBeGreaterThanOrEqual(1);
    expect(district.satisfaction.month).toBe(district.today.slice(0, 7));
    expect(atA.id).toBeTruthy();
  });
});
