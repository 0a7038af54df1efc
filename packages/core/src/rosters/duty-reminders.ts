import { and, asc, eq, isNull, schema, type TenantTx } from '@linju/db';
import { isoWeekday, nextDay } from '../calendar/working-days.ts';
import { caseSettings, todayIn } from '../cases/case-clock.ts';
import { notify } from '../notifications/notification-service.ts';

export type DutyReminderRunResult = { day: string; slots: number; notified: number };

/**
 * 值班提醒: tells every staff member on duty tomorrow (the district's local tomorrow) which slot
 * they hold, in the app. Once per slot and day (`roster-duty:<slot>:<day>`), so the schedule's
 * retried or repeated run tells nobody twice. Slots of a person without an account (a lawyer of a
 * partner firm named on the rota), of a closed unit or of a disabled account are left out: there
 * is nobody to tell in the app.
 */
export async function remindTomorrowsDuty(
  tx: TenantTx,
  input: { tenantId: string; now?: Date },
): Promise<DutyReminderRunResult> {
  const settings = await caseSettings(tx, input.tenantId);
  const day = nextDay(todayIn(settings, input.now ?? new Date()));
  const slots = await tx
    .select({
      id: schema.dutySlot.id,
      staffMemberId: schema.dutySlot.staffMemberId,
      startsAt: schema.dutySlot.startsAt,
      endsAt: schema.dutySlot.endsAt,
      serviceType: schema.dutySlot.serviceType,
      unit: schema.organisation.nameZh,
    })
    .from(schema.dutySlot)
    .innerJoin(schema.organisation, eq(schema.organisation.id, schema.dutySlot.organisationId))
    .innerJoin(schema.staffMember, eq(schema.staffMember.id, schema.dutySlot.staffMemberId))
    .where(
      and(
        eq(schema.dutySlot.weekday, isoWeekday(day)),
        isNull(schema.organisation.closedAt),
        isNull(schema.staffMember.disabledAt),
      ),
    )
    .orderBy(asc(schema.dutySlot.startsAt), asc(schema.dutySlot.id));
  let notified = 0;
  for (const slot of slots) {
    if (!slot.staffMemberId) continue;
    const sent = await notify(tx, {
      tenantId: input.tenantId,
      recipientIds: [slot.staffMemberId],
      kind: 'roster.duty_reminder',
      messageKey: 'notification.roster_duty_tomorrow',
      params: { day, startsAt: slot.startsAt, endsAt: slot.endsAt, unit: slot.unit },
      dedupeKey: `roster-duty:${slot.id}:${day}`,
    });
    notified += sent.length;
  }
  return { day, slots: slots.length, notified };
}
