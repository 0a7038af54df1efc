import type { SecretBox } from '@linju/auth';
import { and, asc, eq, isNull, schema, sealedColumns, type TenantTx } from '@linju/db';
import { systemActor } from '../actor.ts';
import { nextDay } from '../calendar/working-days.ts';
import { caseSettings, todayIn } from '../cases/case-clock.ts';
import { type ServiceNames, textAppointment } from './appointment-service.ts';

/**
 * 预约提醒: the day before (the district's local tomorrow), each resident with a live appointment
 * gets a reminder by SMS. `remindedAt` marks it, so a retried or repeated run reminds nobody twice.
 */
export async function remindTomorrowsAppointments(
  tx: TenantTx,
  box: SecretBox,
  input: { tenantId: string; now?: Date },
  names: ServiceNames,
): Promise<{ day: string; reminded: number }> {
  const day = nextDay(todayIn(await caseSettings(tx, input.tenantId), input.now ?? new Date()));
  const due = await tx
    .select()
    .from(schema.appointment)
    .where(
      and(
        eq(schema.appointment.day, day),
        isNull(schema.appointment.cancelledAt),
        isNull(schema.appointment.remindedAt),
      ),
    )
    .orderBy(asc(schema.appointment.startsAt), asc(schema.appointment.id))
    .for('update', { skipLocked: true });
  const actor = systemActor(input.tenantId, 'public booking');
  for (const row of due) {
    await tx
      .update(schema.appointment)
      .set({ remindedAt: new Date() })
      .where(eq(schema.appointment.id, row.id));
    const phone = box.decrypt(row.phoneEncrypted, row.tenantId, sealedColumns.appointmentPhone);
    await textAppointment(tx, actor, box, row, phone, 'appointment-reminder', names);
  }
  return { day, reminded: due.length };
}
