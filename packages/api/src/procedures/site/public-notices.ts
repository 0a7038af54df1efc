import { and, asc, desc, eq, inArray, schema, type TenantTx } from '@linju/db';
import { weekOf } from './district-week.ts';

/**
 * The week's duty rota of some service points (轮班值守): each weekly slot on its date this
 * week, with who is on duty for which service — as the rota is published at the point.
 */
export async function weekRotaOf(tx: TenantTx, organisationIds: readonly string[], today: string) {
  const slots =
    organisationIds.length === 0
      ? []
      : await tx
          .select({
            id: schema.dutySlot.id,
            organisationId: schema.dutySlot.organisationId,
            weekday: schema.dutySlot.weekday,
            startsAt: schema.dutySlot.startsAt,
            endsAt: schema.dutySlot.endsAt,
            serviceType: schema.dutySlot.serviceType,
            personName: schema.dutySlot.personName,
          })
          .from(schema.dutySlot)
          .where(inArray(schema.dutySlot.organisationId, [...organisationIds]))
          .orderBy(
            asc(schema.dutySlot.weekday),
            asc(schema.dutySlot.startsAt),
            asc(schema.dutySlot.personName),
          );
  return weekOf(today).map((day) => ({
    ...day,
    slots: slots.filter((slot) => slot.weekday === day.weekday),
  }));
}

/** The themed activity days (主题活动日) of this month, at some points or everywhere, by date. */
export function themedDaysOf(tx: TenantTx, month: string, organisationId?: string) {
  return tx
    .select({
      id: schema.themedDay.id,
      organisationId: schema.themedDay.organisationId,
      day: schema.themedDay.day,
      theme: schema.themedDay.theme,
      serviceType: schema.themedDay.serviceType,
      pointZh: schema.organisation.nameZh,
      pointEn: schema.organisation.nameEn,
    })
    .from(schema.themedDay)
    .innerJoin(schema.organisation, eq(schema.organisation.id, schema.themedDay.organisationId))
    .where(
      and(
        eq(schema.themedDay.month, month),
        organisationId ? eq(schema.themedDay.organisationId, organisationId) : undefined,
      ),
    )
    .orderBy(asc(schema.themedDay.day));
}

/** The published announcements (告知), newest first: a draft never reaches the public. */
export function publishedAnnouncements(tx: TenantTx, limit: number, organisationId?: string) {
  return tx
    .select({
      id: schema.announcement.id,
      title: schema.announcement.title,
      body: schema.announcement.body,
      publishedAt: schema.announcement.publishedAt,
    })
    .from(schema.announcement)
    .where(
      and(
        eq(schema.announcement.status, 'published'),
        organisationId ? eq(schema.announcement.organisationId, organisationId) : undefined,
      ),
    )
    .orderBy(desc(schema.announcement.publishedAt))
    .limit(limit);
}
