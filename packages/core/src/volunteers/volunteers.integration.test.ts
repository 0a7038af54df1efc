import { randomBytes } from 'node:crypto';
import { createSecretBox } from '@linju/auth';
import { connect, type TenantTx, withTenant } from '@linju/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ZodError } from 'zod';
import { type Actor, systemActor } from '../actor.ts';
import { intakeCase } from '../cases/case-service.ts';
import { DomainError } from '../errors.ts';
import { getOrganisation } from '../organisations/organisation-service.ts';
import { addDutySlot } from '../rosters/roster-service.ts';
import { actorOf } from '../testing/test-actor.ts';
import { createTestDistrict, type TestDistrict } from '../testing/test-district.ts';
import { TEST_SERVICE } from '../testing/test-service.ts';
import {
  getVolunteer,
  listVolunteers,
  logVolunteerHours,
  registerVolunteer,
  removeVolunteerHours,
} from './volunteer-service.ts';

const app = connect(inject('databaseUrl'));
const box = createSecretBox(randomBytes(32));
let d: TestDistrict;
let other: TestDistrict;
let headA: Actor;
let headB: Actor;
let deskA: Actor;
let mondaySlotId: string;
const inTenant = <T>(fn: (tx: TenantTx) => Promise<T>) => withTenant(app.db, d.tenantId, fn);
const refusal = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return { kind: error.kind, key: error.message, field: error.field };
    if (error instanceof ZodError)
      return { kind: 'bad-request', key: error.issues[0]?.message, field: error.issues[0]?.path.join('.') };
    throw error;
  }
  throw new Error('expected a refusal');
};
const student = {
  name: '法学院学生 小林',
  phone: '13911112222',
  skills: ['婚姻家庭', '普法宣传'],
  availability: '每周一上午',
  registeredOn: '2026-09-01',
};

beforeAll(async () => {
  d = await createTestDistrict(app.db, box, 'volunteers');
  other = await createTestDistrict(app.db, box, 'volunteers-other');
  headA = await actorOf(app.db, d.tenantId, d.people.headA, '所长甲');
  deskA = await actorOf(app.db, d.tenantId, d.people.deskA, '前台甲');
  const stationB = await inTenant((tx) => getOrganisation(tx, d.organisations.stationB));
  headB = {
    id: null,
    name: '所长乙',
    tenantId: d.tenantId,
    grants: [{ role: 'station-head', organisationPath: stationB.path }],
  };
  // Mondays 09:00–11:30 at room A: 150 minutes.
  mondaySlotId = (
    await inTenant((tx) =>
      addDutySlot(tx, headA, {
        organisationId: d.organisations.roomA,
        weekday: 1,
        startsAt: '09:00',
        endsAt: '11:30',
        serviceType: TEST_SERVICE,
        personName: '志愿者值班',
      }),
    )
  ).id;
});
afterAll(() => app.close());

describe('volunteers (志愿者)', () => {
  it('registers a volunteer of a unit with skills and availability, the phone sealed and masked', async () => {
    const v = await inTenant((tx) =>
      registerVolunteer(tx, headA, box, { ...student, organisationId: d.organisations.roomA }),
    );
    expect(v).toMatchObject({
      name: '法学院学生 小林',
      skills: ['婚姻家庭', '普法宣传'],
      phoneMasked: '139****2222',
    });
    expect(v).not.toHaveProperty('phoneEncrypted');
    expect(
      await refusal(
        inTenant((tx) =>
          registerVolunteer(tx, headA, box, {
            ...student,
            organisationId: d.organisations.roomA,
            skills: [],
          }),
        ),
      ),
    ).toMatchObject({ key: 'volunteer.skills_required', field: 'skills' });
    expect(
      await refusal(
        inTenant((tx) =>
          registerVolunteer(tx, headB, box, { ...student, organisationId: d.organisations.roomA }),
        ),
      ),
    ).toMatchObject({ kind: 'forbidden' });
    expect(
      await refusal(
        inTenant((tx) =>
          registerVolunteer(tx, deskA, box, { ...student, organisationId: d.organisations.roomA }),
        ),
      ),
    ).toMatchObject({ kind: 'forbidden' });
  });

  it('totals a month’s hours from duty slots (their length unless told) and cases', async () => {
    const v = await inTenant((tx) =>
      registerVolunteer(tx, headA, box, {
        ...student,
        name: '退休法官 老王',
        organisationId: d.organisations.roomA,
      }),
    );
    const c = await inTenant((tx) =>
      intakeCase(tx, deskA, box, {
        channel: 'walk-in',
        resident: { name: '居民乙', phone: '13700000002' },
        serviceType: TEST_SERVICE,
        description: '物业纠纷',
        organisationId: d.organisations.stationA,
      }),
    );
    await inTenant(async (tx) => {
      await logVolunteerHours(tx, headA, {
        volunteerId: v.id,
        servedOn: '2026-10-05',
        dutySlotId: mondaySlotId,
      });
      await logVolunteerHours(tx, headA, {
        volunteerId: v.id,
        servedOn: '2026-10-12',
        dutySlotId: mondaySlotId,
        minutes: 90,
      });
      await logVolunteerHours(tx, headA, {
        volunteerId: v.id,
        servedOn: '2026-10-13',
        caseId: c.id,
        minutes: 45,
      });
      // September is another month.
      await logVolunteerHours(tx, headA, {
        volunteerId: v.id,
        servedOn: '2026-09-28',
        dutySlotId: mondaySlotId,
      });
    });
    const october = await inTenant((tx) => listVolunteers(tx, headA, { month: '2026-10' }));
    expect(october.find((x) => x.id === v.id)).toMatchObject({ minutes: 150 + 90 + 45, entries: 3 });
    const detail = await inTenant((tx) => getVolunteer(tx, headA, { id: v.id }));
    expect(detail.monthlyMinutes).toEqual([
      { month: '2026-10', minutes: 285 },
      { month: '2026-09', minutes: 150 },
    ]);
    const september = detail.hours.find((h) => h.servedOn === '2026-09-28');
    if (!september) throw new Error('expected the September hours');
    await inTenant((tx) => removeVolunteerHours(tx, headA, { id: september.id }));
    expect((await inTenant((tx) => getVolunteer(tx, headA, { id: v.id }))).monthlyMinutes).toEqual([
      { month: '2026-10', minutes: 285 },
    ]);
  });

  it('logs a slot once a day, only on its weekday, and neither before registration nor in the future', async () => {
    const v = await inTenant((tx) =>
      registerVolunteer(tx, headA, box, {
        ...student,
        name: '社区志愿者 阿梅',
        organisationId: d.organisations.roomA,
      }),
    );
    const log = (servedOn: string, actor = headA) =>
      inTenant((tx) =>
        logVolunteerHours(tx, actor, { volunteerId: v.id, servedOn, dutySlotId: mondaySlotId }),
      );
    await log('2026-10-05');
    expect(await refusal(log('2026-10-05'))).toMatchObject({
      kind: 'conflict',
      key: 'volunteer.hours_already_logged',
    });
    expect(await refusal(log('2026-10-13'))).toMatchObject({
      key: 'volunteer.slot_not_that_day',
      field: 'servedOn',
    });
    expect(await refusal(log('2026-08-31'))).toMatchObject({ key: 'volunteer.not_serving_then' });
    expect(await refusal(log('2999-01-07'))).toMatchObject({ key: 'volunteer.hours_in_future' });
    expect(await refusal(log('2026-10-12', headB))).toMatchObject({ kind: 'forbidden' });
    expect(
      await refusal(
        inTenant((tx) => logVolunteerHours(tx, headA, { volunteerId: v.id, servedOn: '2026-10-12' })),
      ),
    ).toMatchObject({ key: 'volunteer.slot_or_case_required' });
  });

  it('shows a station head only their station’s volunteers, and another district none', async () => {
    const listB = await inTenant((tx) => listVolunteers(tx, headB, { month: '2026-10' }));
    expect(listB).toEqual([]);
    expect((await inTenant((tx) => listVolunteers(tx, headA, { month: '2026-10' }))).length).toBeGreaterThan(
      0,
    );
    const otherBureau = systemActor(other.tenantId, '乙区');
    const theirs = await withTenant(app.db, other.tenantId, (tx) =>
      listVolunteers(tx, otherBureau, { month: '2026-10' }),
    );
    expect(theirs).toEqual([]);
  });
});
