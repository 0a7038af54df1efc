/** A name in both languages, as the API gives plugin and category names. */
export interface BilingualName {
  'zh-CN': string;
  en: string;
}

/** A service as the catalogue describes it, as far as time limits need it. */
export interface ServiceLimits {
  pluginId: string;
  name: BilingualName;
  categories: readonly { id: string; name: BilingualName }[];
  deadlines: { defaultWorkingDays: number; byCategory: Readonly<Record<string, number>> };
}

/** One row of the time-limit table: the limit in force and whether the district set it. */
export interface LimitRow {
  serviceType: string;
  serviceName: BilingualName;
  /** A category id, or `*` for the service as a whole. */
  category: string;
  categoryName: BilingualName;
  workingDays: number;
  district: boolean;
}

/**
 * The limits in force, service by service: the service's default first, then each category that
 * has a limit of its own (from the plugin or the district). A district row beats the plugin's.
 */
export function limitRows(
  services: readonly ServiceLimits[],
  districtLimits: readonly { serviceType: string; category: string; workingDays: number }[],
): LimitRow[] {
  const set = new Map(districtLimits.map((row) => [`${row.serviceType}|${row.category}`, row.workingDays]));
  const rows: LimitRow[] = [];
  for (const service of services) {
    const districtDefault = set.get(`${service.pluginId}|*`);
    rows.push({
      serviceType: service.pluginId,
      serviceName: service.name,
      category: '*',
      categoryName: service.name,
      workingDays: districtDefault ?? service.deadlines.defaultWorkingDays,
      district: districtDefault !== undefined,
    });
    for (const category of service.categories) {
      const own = set.get(`${service.pluginId}|${category.id}`);
      const plugin = service.deadlines.byCategory[category.id];
      if (own === undefined && plugin === undefined) continue;
      rows.push({
        serviceType: service.pluginId,
        serviceName: service.name,
        category: category.id,
        categoryName: category.name,
        workingDays: own ?? plugin ?? service.deadlines.defaultWorkingDays,
        district: own !== undefined,
      });
    }
  }
  return rows;
}

/** `mediation|neighbours` (the form's one select) → the API's service type and category. */
export function splitLimitTarget(value: string): { serviceType: string; category: string } | undefined {
  const match = /^([a-z][a-z0-9-]{1,39})\|(\*|[a-z][a-z0-9-]{0,39})$/.exec(value);
  return match?.[1] && match[2] ? { serviceType: match[1], category: match[2] } : undefined;
}

/** A whole number of working days typed by hand, within `min`–`max`; undefined otherwise. */
export function parseWorkingDays(value: string, min = 1, max = 365): number | undefined {
  if (!/^\d{1,3}$/.test(value.trim())) return undefined;
  const days = Number(value.trim());
  return days >= min && days <= max ? days : undefined;
}
