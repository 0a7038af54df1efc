import { randomBytes } from 'node:crypto';
import { createSecretBox } from '@linju/auth';
import { addDutySlot, bookAppointment, isoWeekday, localDate, systemActor } from '@linju/core';
import { createTestDistrict, TEST_SERVICE, type TestDistrict } from '@linju/core/testing';
import { actorOf } from '@linju/core/testing/test-actor';
import { connect, withTenant } from '@linju/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createScheduledRunActivities } from './activities.ts';

/**
 * The evening rota run on the worker reminds the residents booked for tomorrow by SMS, once: the
 * activity the `roster:<tenant>` schedule starts, over the real database.
 */
const app = connect(inject('databaseUrl'));
const box = createSecretBox(randomBytes(32));
let d: TestDistrict;

beforeAll(async () => {
  d = await createTestDistrict(app.db, box, 'appointment-reminders');
  const head = await actorOf(app.db, d.tenantId, d.people.headA, '所长甲');
  const tomorrow = localDate(new Date(Date.now() + 86_400_000));
  await withTenant(app.db, d.tenantId, async (tx) => {
    const slot = await addDutySlot(tx, head, {
      organisationId: d.organisations.roomA,
      weekday: isoWeekday(tomorrow),
      startsAt: '09:00',
      endsAt: '11:00',
      serviceType: TEST_SERVICE,
      personName: '值班律师 王律师',
    });
    await bookAppointment(
      tx,
      systemActor(d.tenantId, 'public booking'),
      box,
      { dutySlotId: slot.id, day: tomorrow, phone: '13700001111' },
      () => '法律咨询',
    );
  });
});
afterAll(() => app.close());

describe('the evening rota run', () => {
  it('reminds tomorrow’s booked residents once, besides telling the staff on duty', async () => {
    const runs = createScheduledRunActivities(app.db, [], box);
    expect(await runs.runDutyReminders({ tenantId: d.tenantId })).toMatchObject({ residentsReminded: 1 });
    expect(await runs.runDutyReminders({ tenantId: d.tenantId })).toMatchObject({ residentsReminded: 0 });
  });

  it('reminds no resident on a worker without the data key (it could not seal their SMS)', async () => {
    expect(
      await createScheduledRunActivities(app.db).runDutyReminders({ tenantId: d.tenantId }),
    ).not.toHaveProperty('residentsReminded');
  });
});
