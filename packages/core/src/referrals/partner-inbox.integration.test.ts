import { randomBytes } from 'node:crypto';
import { createSecretBox } from '@linju/auth';
import { connect, eq, schema, type TenantTx, withTenant } from '@linju/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ZodError } from 'zod';
import { type Actor, systemActor } from '../actor.ts';
import { intakeCase } from '../cases/case-service.ts';
import { DomainError } from '../errors.ts';
import { createStaffMember } from '../staff/staff-service.ts';
import { actorOf } from '../testing/test-actor.ts';
import { createTestDistrict, TEST_PASSWORD, type TestDistrict } from '../testing/test-district.ts';
import { TEST_SERVICE } from '../testing/test-service.ts';
import { inboxFacets, listInbox } from './partner-inbox.ts';
import { createReferral, recordPartnerConsent } from './referral-service.ts';

/**
 * The court's inbox in tabs and filters (issue #17): 待处理 what still waits on the court, 已答复
 * what it answered, 全部 everything; narrowed by kind, by the days referrals arrived (the
 * district's calendar) and by the unit that asked; the tabs counted under the same filters.
 */
const app = connect(inject('databaseUrl'));
const box = createSecretBox(randomBytes(32));
let d: TestDistrict;
let clerk: Actor;
let desk: Actor;
const sent: Record<'stationPending' | 'centrePending' | 'answered' | 'cancelled' | 'lastWeek', string> = {
  stationPending: '',
  centrePending: '',
  answered: '',
  cancelled: '',
  lastWeek: '',
};
const inTenant = <T>(fn: (tx: TenantTx) => Promise<T>) => withTenant(app.db, d.tenantId, fn);
const idsOf = async (request: Parameters<typeof listInbox>[3]) =>
  (await inTenant((tx) => listInbox(tx, clerk, box, request))).map((r) => r.id).sort();
const refusal = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return { key: error.message };
    if (error instanceof ZodError)
      return { key: error.issues[0]?.message, field: error.issues[0]?.path.join('.') };
    throw error;
  }
  throw new Error('expected a refusal');
};

let residents = 0;

/** A matter taken in at `organisationId` and referred to the court from there. */
async function referFrom(organisationId: string, kind: 'judicial-confirmation' | 'litigation-mediation') {
  const admin = systemActor(d.tenantId, 'test admin');
  return inTenant(async (tx) => {
    const c = await intakeCase(tx, desk, box, {
      channel: 'walk-in',
      resident: { name: '王阿姨', phone: `1391234${String(1000 + residents++)}` },
      serviceType: TEST_SERVICE,
      description: '邻里纠纷，调解后申请司法确认',
      organisationId,
    });
    await recordPartnerConsent(tx, admin, { caseId: c.id, partnerOrganisationId: d.organisations.court });
    const { row } = await createReferral(
      tx,
      admin,
      box,
      { caseId: c.id, toOrganisationId: d.organisations.court, kind, summary: '申请司法确认' },
      { initialEffectKey: (id) => `referral:${d.tenantId}:${id}#1` },
    );
    return row.id;
  });
}

/** Moves a referral as its workflow would have, for the inbox's sake (the workflow is tested elsewhere). */
const settle = (id: string, change: Partial<typeof schema.referral.$inferInsert>) =>
  inTenant((tx) => tx.update(schema.referral).set(change).where(eq(schema.referral.id, id)));

beforeAll(async () => {
  d = await createTestDistrict(app.db, box, 'partner-inbox');
  const clerkId = await inTenant(
    async (tx) =>
      (
        await createStaffMember(
          tx,
          systemActor(d.tenantId, 'test admin'),
          {
            username: 'court-clerk',
            displayName: '法院书记员',
            organisationId: d.organisations.court,
            password: TEST_PASSWORD,
            roles: [{ role: 'partner-user', organisationId: d.organisations.court }],
            mustChangePassword: false,
          },
          box,
        )
      ).id,
  );
  clerk = await actorOf(app.db, d.tenantId, clerkId, '法院书记员');
  desk = await actorOf(app.db, d.tenantId, d.people.desk, '中心前台');
  sent.stationPending = await referFrom(d.organisations.stationA, 'judicial-confirmation');
  sent.centrePending = await referFrom(d.organisations.centreId, 'litigation-mediation');
  sent.answered = await referFrom(d.organisations.stationA, 'judicial-confirmation');
  sent.cancelled = await referFrom(d.organisations.centreId, 'judicial-confirmation');
  sent.lastWeek = await referFrom(d.organisations.centreId, 'judicial-confirmation');
  await settle(sent.answered, { status: 'completed', outcomeCode: 'confirmed', outcomeText: '确认有效' });
  await settle(sent.cancelled, { status: 'cancelled', reason: '当事人撤回申请' });
  // Arrived at 23:30 on 1 December, Shanghai time: the 1st in the district, the 1st in UTC too.
  await settle(sent.lastWeek, { createdAt: new Date('2026-12-01T15:30:00Z') });
}, 60_000);
afterAll(() => app.close());

describe("the court's inbox", () => {
  it('splits into what waits on the court (待处理) and what it answered (已答复); 全部 holds every referral', async () => {
    expect(await idsOf({ state: 'pending' })).toEqual(
      [sent.stationPending, sent.centrePending, sent.lastWeek].sort(),
    );
    expect(await idsOf({ state: 'answered' })).toEqual([sent.answered]);
    expect(await idsOf({})).toEqual(Object.values(sent).sort());
  });

  it('narrows by kind, by the unit that asked and by the days referrals arrived, in the district calendar', async () => {
    expect(await idsOf({ kind: 'litigation-mediation' })).toEqual([sent.centrePending]);
    expect(await idsOf({ fromOrganisationId: d.organisations.stationA })).toEqual(
      [sent.stationPending, sent.answered].sort(),
    );
    expect(await idsOf({ receivedFrom: '2026-12-01', receivedUntil: '2026-12-01' })).toEqual([sent.lastWeek]);
    // 23:30 UTC on the 1st is already the 2nd in Shanghai: not the 1st there.
    await settle(sent.lastWeek, { createdAt: new Date('2026-12-01T16:30:00Z') });
    expect(await idsOf({ receivedFrom: '2026-12-01', receivedUntil: '2026-12-01' })).toEqual([]);
    expect(await idsOf({ receivedFrom: '2026-12-02', receivedUntil: '2026-12-02' })).toEqual([sent.lastWeek]);
    await settle(sent.lastWeek, { createdAt: new Date('2026-12-01T15:30:00Z') });
    expect(await idsOf({ state: 'pending', receivedUntil: '2026-12-01' })).toEqual([sent.lastWeek]);
  });

  it('counts each tab under the filters, and names the units that asked, to filter by', async () => {
    const facets = (request: Parameters<typeof inboxFacets>[2]) =>
      inTenant((tx) => inboxFacets(tx, clerk, request));
    expect((await facets({})).counts).toEqual({ pending: 3, answered: 1, all: 5 });
    expect((await facets({ fromOrganisationId: d.organisations.stationA })).counts).toEqual({
      pending: 1,
      answered: 1,
      all: 2,
    });
    expect((await facets({ kind: 'litigation-mediation' })).counts).toEqual({
      pending: 1,
      answered: 0,
      all: 1,
    });
    expect((await facets({})).senders.map((s) => s.id).sort()).toEqual(
      [d.organisations.centreId, d.organisations.stationA].sort(),
    );
  });

  it('refuses a day that is not a date, naming the field, and anyone without an inbox', async () => {
    expect(
      await refusal(inTenant((tx) => listInbox(tx, clerk, box, { receivedFrom: '2026-13-40' }))),
    ).toEqual({
      key: 'validation.date_invalid',
      field: 'receivedFrom',
    });
    expect(await refusal(inTenant((tx) => inboxFacets(tx, desk, {})))).toEqual({ key: 'auth.forbidden' });
  });
});
