import { randomBytes } from 'node:crypto';
import { createSecretBox } from '@linju/auth';
import { connect, type TenantTx, withTenant } from '@linju/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ZodError } from 'zod';
import type { Actor } from '../actor.ts';
import { DomainError } from '../errors.ts';
import { getOrganisation } from '../organisations/organisation-service.ts';
import { actorOf } from '../testing/test-actor.ts';
import { createTestDistrict, type TestDistrict } from '../testing/test-district.ts';
import { SECOND_TEST_SERVICE, TEST_SERVICE } from '../testing/test-service.ts';
import {
  addDutySlot,
  createAnnouncement,
  getRoster,
  listAnnouncements,
  publishAnnouncement,
  removeDutySlot,
  setThemedDay,
} from './roster-service.ts';

const app = connect(inject('databaseUrl'));
const box = createSecretBox(randomBytes(32));
let d: TestDistrict;
let headA: Actor;
let deskA: Actor;
let headB: Actor;
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

beforeAll(async () => {
  d = await createTestDistrict(app.db, box, 'rosters');
  headA = await actorOf(app.db, d.tenantId, d.people.headA, '所长甲');
  deskA = await actorOf(app.db, d.tenantId, d.people.deskA, '前台甲');
  // A station head of station B, to show a manager's reach ends at their own station.
  const stationB = await inTenant((tx) => getOrganisation(tx, d.organisations.stationB));
  headB = {
    id: null,
    name: '所长乙',
    tenantId: d.tenantId,
    grants: [{ role: 'station-head', organisationPath: stationB.path }],
  };
});
afterAll(() => app.close());

describe('duty rosters (轮班值守)', () => {
  it('keeps fixed weekly slots of a room in weekday and time order, the person by account or by name', async () => {
    const late = await inTenant((tx) =>
      addDutySlot(tx, headA, {
        organisationId: d.organisations.roomA,
        weekday: 2,
        startsAt: '14:00',
        endsAt: '17:00',
        serviceType: TEST_SERVICE,
        personName: '志愿调解员 老周',
      }),
    );
    await inTenant((tx) =>
      addDutySlot(tx, headA, {
        organisationId: d.organisations.roomA,
        weekday: 2,
        startsAt: '09:00',
        endsAt: '11:30',
        serviceType: SECOND_TEST_SERVICE,
        staffMemberId: d.people.withPhone,
      }),
    );
    const { slots } = await inTenant((tx) =>
      getRoster(tx, { organisationId: d.organisations.roomA, fromMonth: '2026-01' }),
    );
    expect(slots.map((s) => [s.weekday, s.startsAt, s.personName])).toEqual([
      [2, '09:00', 'lawyer'],
      [2, '14:00', '志愿调解员 老周'],
    ]);
    await inTenant((tx) => removeDutySlot(tx, headA, { id: late.id }));
    const after = await inTenant((tx) =>
      getRoster(tx, { organisationId: d.organisations.roomA, fromMonth: '2026-01' }),
    );
    expect(after.slots).toHaveLength(1);
  });

  it('refuses hours that end before they start, a slot without a person, and units outside the manager’s reach', async () => {
    const slot = {
      organisationId: d.organisations.roomA,
      weekday: 1,
      startsAt: '10:00',
      endsAt: '09:00',
      serviceType: SECOND_TEST_SERVICE,
      personName: '某律师',
    };
    expect(await refusal(inTenant((tx) => addDutySlot(tx, headA, slot)))).toMatchObject({
      key: 'roster.hours_invalid',
      field: 'endsAt',
    });
    expect(
      await refusal(inTenant((tx) => addDutySlot(tx, headA, { ...slot, endsAt: '12:00', personName: null }))),
    ).toMatchObject({ key: 'roster.person_required', field: 'personName' });
    expect(
      await refusal(inTenant((tx) => addDutySlot(tx, deskA, { ...slot, endsAt: '12:00' }))),
    ).toMatchObject({
      kind: 'forbidden',
    });
    expect(
      await refusal(inTenant((tx) => addDutySlot(tx, headB, { ...slot, endsAt: '12:00' }))),
    ).toMatchObject({
      kind: 'forbidden',
    });
    expect(
      await refusal(
        inTenant((tx) =>
          addDutySlot(tx, headA, { ...slot, endsAt: '12:00', organisationId: d.organisations.court }),
        ),
      ),
    ).toMatchObject({ key: 'roster.partner_has_no_roster' });
  });

  it('holds one themed day a month per unit: setting it again moves it', async () => {
    await inTenant((tx) =>
      setThemedDay(tx, headA, {
        organisationId: d.organisations.roomA,
        day: '2026-03-15',
        theme: '消费者权益日',
      }),
    );
    await inTenant((tx) =>
      setThemedDay(tx, headA, {
        organisationId: d.organisations.roomA,
        day: '2026-03-14',
        theme: '消费者权益保护宣传',
        serviceType: SECOND_TEST_SERVICE,
      }),
    );
    await inTenant((tx) =>
      setThemedDay(tx, headA, {
        organisationId: d.organisations.roomA,
        day: '2026-04-15',
        theme: '国家安全教育日',
      }),
    );
    const { themedDays } = await inTenant((tx) =>
      getRoster(tx, { organisationId: d.organisations.roomA, fromMonth: '2026-03' }),
    );
    expect(themedDays.map((x) => [x.day, x.theme])).toEqual([
      ['2026-03-14', '消费者权益保护宣传'],
      ['2026-04-15', '国家安全教育日'],
    ]);
  });
});

describe('announcements (告知机制)', () => {
  it('shows drafts to the unit’s managers only, publishes once, and pages newest first', async () => {
    const draft = await inTenant((tx) =>
      createAnnouncement(tx, headA, {
        organisationId: d.organisations.stationA,
        title: '三月值班调整',
        body: '周二下午改为周三下午。',
      }),
    );
    for (const n of [1, 2, 3]) {
      await inTenant((tx) =>
        createAnnouncement(tx, headA, {
          organisationId: d.organisations.stationA,
          title: `通知 ${n}`,
          body: '正文',
          publish: true,
        }),
      );
    }
    const titles = async (actor: Actor) =>
      (await inTenant((tx) => listAnnouncements(tx, actor, { limit: 100 }))).announcements.map(
        (x) => x.title,
      );
    expect(await titles(headA)).toContain('三月值班调整');
    expect(await titles(deskA)).not.toContain('三月值班调整');
    expect(await titles(headB)).not.toContain('三月值班调整');

    await inTenant((tx) => publishAnnouncement(tx, headA, { id: draft.id }));
    expect(await titles(deskA)).toContain('三月值班调整');
    expect(await refusal(inTenant((tx) => publishAnnouncement(tx, headA, { id: draft.id })))).toMatchObject({
      key: 'announcement.already_published',
    });

    const first = await inTenant((tx) => listAnnouncements(tx, deskA, { limit: 2 }));
    const second = await inTenant((tx) =>
      listAnnouncements(tx, deskA, { limit: 2, cursor: first.nextCursor }),
    );
    const seen = [...first.announcements, ...second.announcements].map((x) => x.id);
    expect(new Set(seen).size).toBe(4);
    expect(first.announcements[0]?.title).toBe('通知 3');
    expect(second.nextCursor).toBeNull();
  });
});
