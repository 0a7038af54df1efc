import type { SecretBox } from '@linju/auth';
import { and, desc, eq, inArray, schema, type TenantTx } from '@linju/db';
import { z } from 'zod';
import { loadCalendar } from '../calendar/national-calendar.ts';
import { localDate, workingDaysBetween } from '../calendar/working-days.ts';
import { residentMessagesOf } from '../cases/resident-message.ts';

const c = schema.legalCase;

/** What a resident sees of their matter: no staff names, notes or other parties. */
const matterColumns = {
  id: c.id,
  number: c.number,
  serviceType: c.serviceType,
  status: c.status,
  receivedAt: c.receivedAt,
  dueOn: c.dueOn,
  closedAt: c.closedAt,
};

/** The cases of the resident whose phone is `phone`: found by its keyed token, never by reading phones. */
const ofPhone = (box: SecretBox, tenantId: string, phone: string) =>
  inArray(schema.resident.phoneIndex, box.blindIndexes(phone, tenantId));

/** The matters in this district of the resident with this phone, newest first. */
export function residentMatters(tx: TenantTx, box: SecretBox, tenantId: string, phone: string) {
  return tx
    .select(matterColumns)
    .from(c)
    .innerJoin(
      schema.resident,
      and(eq(schema.resident.tenantId, c.tenantId), eq(schema.resident.id, c.residentId)),
    )
    .where(ofPhone(box, tenantId, phone))
    .orderBy(desc(c.receivedAt))
    .limit(100);
}

export const ZResidentMatterRequest = z.object({ caseId: z.uuid() });

/**
 * One matter of the resident, with the working days left to its due date (district's calendar),
 * the handler's messages to them, and whether it was rated; null when the case is not theirs (as
 * if it did not exist).
 */
export async function residentMatter(
  tx: TenantTx,
  box: SecretBox,
  district: { id: string; timeZone: string },
  phone: string,
  caseId: string,
  now = new Date(),
) {
  const [matter] = await tx
    .select(matterColumns)
    .from(c)
    .innerJoin(
      schema.resident,
      and(eq(schema.resident.tenantId, c.tenantId), eq(schema.resident.id, c.residentId)),
    )
    .where(and(eq(c.id, caseId), ofPhone(box, district.id, phone)));
  if (!matter) return null;
  const today = localDate(now, district.timeZone);
  const workingDaysLeft =
    matter.dueOn && matter.dueOn > today
      ? workingDaysBetween(today, matter.dueOn, await loadCalendar(tx, today))
      : matter.dueOn
        ? 0
        : null;
  const [rated] = await tx
    .select({ score: schema.satisfaction.score })
    .from(schema.satisfaction)
    .where(eq(schema.satisfaction.caseId, matter.id));
  const messages = await residentMessagesOf(tx, matter.id);
  return { ...matter, workingDaysLeft, rated: Boolean(rated), messages };
}
