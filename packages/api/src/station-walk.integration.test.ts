import { newTotpSecret } from '@linju/auth';
import { createStaffMember, systemActor } from '@linju/core';
import { createTestDistrict, TEST_PASSWORD, type TestDistrict } from '@linju/core/testing';
import { connect, eq, schema, sealedColumns, withTenant } from '@linju/db';
import { ROLES, type Role } from '@linju/db/schema';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  A_PHONE,
  A_RESIDENT_PHONE,
  type Attempt,
  seedWalkTarget,
  snapshotOf,
  type WalkTarget,
  walkAttempts,
} from './isolation-walk.ts';
import { appRouter } from './router.ts';
import { apiHarness } from './test-context.ts';

/**
 * The station walk: every procedure of the API, called by a member of station B holding every
 * role a station gives (head, desk, every service, publicity, volunteer) against the objects of
 * station A in the same district — its cases, documents, referrals, roster, volunteers,
 * questionnaires, inspections, file reviews. Cases are seen by the subtree of the unit holding
 * them (and their first responder and assignee, who are of station A here), so nothing of station
 * A may be returned and nothing of it may change; district-wide things every station shares (the
 * partner court, the checklist, the calendar) are not station A's. A procedure added to the
 * router without an attempt in `walkAttempts` fails the first test.
 */
const h = apiHarness();
const owner = connect(inject('ownerDatabaseUrl'));
/** Every role a station gives: all but the district's own (administrator, director, inspector) and partners'. */
const STATION_ROLES: Role[] = ROLES.filter(
  (role) => !['bureau-admin', 'centre-director', 'inspector', 'partner-user'].includes(role),
);
let d: TestDistrict;
let target: WalkTarget;
let walkerId: string;
let walkerPasswordHash: string;
const totpSecret = newTotpSecret();

/** What belongs to station A (and its room): the walker from station B must never see it. */
const stationAIds = (t: WalkTarget) => [
  t.aCase.id,
  t.aCase.number,
  t.aCase.residentId,
  t.aSecondCaseId,
  t.aDocumentId,
  t.aReferralId,
  t.aConsentId,
  t.aDutySlotId,
  t.aAnnouncementId,
  t.aQuestionnaireId,
  t.aRoundId,
  t.aInspectionId,
  t.aRectificationId,
  t.aVolunteerId,
  t.aVolunteerHoursId,
  t.aFileReviewSampleId,
  t.aFileReviewId,
  t.aNotificationId,
  t.a.adviserId,
  t.a.organisations.stationA,
  t.a.organisations.roomA,
  t.a.people.headA,
  t.a.people.deskA,
];

/**
 * What the district's own rules share between its stations, per procedure, and why: the walk
 * accepts exactly these of station A's ids in that procedure's answer, nothing else.
 */
const SHARED_BY_DESIGN: Record<string, (t: WalkTarget) => string[]> = {
  // A resident is the district's, found again by exact phone or ID number at any unit's intake
  // (masked), so no one is registered twice (cases README: Residents).
  'resident.getMany': (t) => [t.aCase.residentId],
  // The rota is published to residents: any staff member reads any unit's (rosters README).
  'roster.get': (t) => [t.aDutySlotId, t.a.organisations.roomA],
  'roster.getPdf': (t) => [t.aDutySlotId, t.a.organisations.roomA],
  // The published quarter's scorecard ranks every station for every reader of statistics
  // (inspections README: published figures are the ones that count).
  'scorecard.get': (t) => [t.a.organisations.stationA],
};

beforeAll(async () => {
  d = await createTestDistrict(h.db, h.box, 'station-walk', { phone: A_PHONE });
  target = await seedWalkTarget(h.db, h.box, d);
  await withTenant(h.db, d.tenantId, async (tx) => {
    walkerId = (
      await createStaffMember(tx, systemActor(d.tenantId, 'test'), {
        username: 'station-b-all',
        displayName: '乙站全员',
        organisationId: d.organisations.stationB,
        password: TEST_PASSWORD,
        roles: STATION_ROLES.map((role) => ({ role, organisationId: d.organisations.stationB })),
        mustChangePassword: false,
      })
    ).id;
    await tx
      .update(schema.staffMember)
      .set({ totpKeyEncrypted: h.box.encrypt(totpSecret, d.tenantId, sealedColumns.staffTotpKey) })
      .where(eq(schema.staffMember.id, walkerId));
  });
  const [walker] = await owner.db
    .select()
    .from(schema.staffMember)
    .where(eq(schema.staffMember.id, walkerId));
  walkerPasswordHash = walker?.passwordHash ?? '';
});
afterAll(async () => {
  await h.close();
  await owner.close();
});

describe('station isolation walk', () => {
  it('covers every procedure of the API', () => {
    expect(Object.keys(walkAttempts).sort()).toEqual(Object.keys(appRouter._def.procedures).sort());
  });

  it.each(Object.keys(walkAttempts))(
    '%s leaks nothing of another station and changes nothing there',
    async (path) => {
      const { api, sessionToken } = await h.signIn(d.slug, 'station-b-all', TEST_PASSWORD, totpSecret);
      const before = await snapshotOf(owner, d.tenantId, [walkerId]);
      const attempt = walkAttempts[path] as Attempt;
      const result = await attempt(
        { b: api, bWithHintA: h.caller({ sessionToken, tenantSlugHint: d.slug }), anonymous: h.caller() },
        target,
      ).catch((e: unknown) => {
        // Any clear refusal will do here (a second enrolment is a conflict): nothing may leak by it.
        if (e instanceof TRPCError) return `refused ${e.code} ${e.message}`;
        throw e;
      });
      const after = await snapshotOf(owner, d.tenantId, [walkerId]);
      // The walker's own password may have changed (auth.changePassword): the next one signs in.
      await owner.db
        .update(schema.staffMember)
        .set({ passwordHash: walkerPasswordHash, mustChangePassword: false })
        .where(eq(schema.staffMember.id, walkerId));
      const serialised = JSON.stringify(result ?? null);
      const shared = SHARED_BY_DESIGN[path]?.(target) ?? [];
      for (const id of stationAIds(target).filter((i) => !shared.includes(i)))
        expect(serialised).not.toContain(id);
      expect(serialised).not.toContain(A_RESIDENT_PHONE);
      expect(after).toEqual(before);
    },
  );

  it('really ran as station B (the walk is not vacuous)', async () => {
    const { api } = await h.signIn(d.slug, 'station-b-all', TEST_PASSWORD, totpSecret);
    const organisations = (await api.organisation.getMany()).map((o) => o.id);
    expect(organisations).toContain(d.organisations.stationB);
    expect(organisations).not.toContain(d.organisations.stationA);
  });
});
