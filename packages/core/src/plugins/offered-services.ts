import { and, gte, inArray, isNull, schema, sql, type TenantTx } from '@linju/db';
import type { AnyPlugin, OfferedService } from '@linju/plugin-sdk';
import { pluginsSwitchedOn } from './plugins-switched-on.ts';

/** Under this many closed cases a median says more about the few cases than about the service. */
export const FEWEST_CASES_FOR_MEDIAN = 5;

/** The platform's online application page, which takes a matter for any service it names. */
const applyPathOf = (serviceId: string) => `apply?service=${encodeURIComponent(serviceId)}`;

/** Median days from receipt to closing of each service's cases closed in the last 12 months (enough of them). */
async function medianDaysByService(tx: TenantTx, serviceIds: readonly string[]) {
  if (serviceIds.length === 0) return new Map<string, number>();
  const c = schema.legalCase;
  const rows = await tx
    .select({
      serviceType: c.serviceType,
      closed: sql<number>`count(*)::int`,
      median: sql<number>`percentile_cont(0.5) within group (order by extract(epoch from ${c.closedAt} - ${c.receivedAt}) / 86400)`,
    })
    .from(c)
    .where(and(inArray(c.serviceType, [...serviceIds]), gte(c.closedAt, sql`now() - interval '12 months'`)))
    .groupBy(c.serviceType);
  return new Map(
    rows
      .filter((row) => row.closed >= FEWEST_CASES_FOR_MEDIAN)
      .map((row) => [row.serviceType, Math.round(Number(row.median))]),
  );
}

/**
 * The services a resident can be offered in the district: the installed services (not knowledge
 * plugins) switched on at some unit, then the street-defined X services not retired and switched on, each with its
 * median days to close here and the online application page that takes it.
 */
export async function offeredServices(
  tx: TenantTx,
  plugins: readonly AnyPlugin[],
): Promise<OfferedService[]> {
  const services = plugins.filter((plugin) => plugin.kind !== 'knowledge');
  const xServices = await tx
    .select()
    .from(schema.xService)
    .where(isNull(schema.xService.retiredAt))
    .orderBy(schema.xService.serviceId);
  const on = new Set(
    await pluginsSwitchedOn(tx, [
      ...services.map((plugin) => plugin.id),
      ...xServices.map((x) => x.serviceId),
    ]),
  );
  const offered = [
    ...services.map((plugin) => ({
      id: plugin.id,
      name: plugin.name,
      description: plugin.description,
      categories: plugin.categories,
    })),
    ...xServices.map((x) => ({
      id: x.serviceId,
      name: { 'zh-CN': x.nameZh, en: x.nameEn },
      description: { 'zh-CN': x.descriptionZh, en: x.descriptionEn },
      categories: [],
    })),
  ].filter((service) => on.has(service.id));
  const medians = await medianDaysByService(
    tx,
    offered.map((service) => service.id),
  );
  return offered.map((service) => ({
    ...service,
    medianDays: medians.get(service.id) ?? null,
    applyPath: applyPathOf(service.id),
  }));
}
