/** The statistics page's filters as they read in the URL, and the periods it offers. */
export interface StatisticsFilters {
  period: string;
  organisationId: string;
  serviceType: string;
}

const PERIOD = /^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SERVICE = /^[a-z][a-z0-9-]{1,39}$/;

const pad = (n: number) => String(n).padStart(2, '0');

/** `2026-03`, `2026-Q1`, `2026`: this month, quarter and year first, then earlier ones. */
export function periodOptions(today: Date, months = 12, quarters = 8, years = 3) {
  const y = today.getFullYear();
  const m = today.getMonth(); // 0-based
  const monthKeys = Array.from({ length: months }, (_, i) => {
    const d = new Date(y, m - i, 1);
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}`;
  });
  const q = Math.floor(m / 3);
  const quarterKeys = Array.from({ length: quarters }, (_, i) => {
    const index = q - i;
    const year = y + Math.floor(index / 4);
    return `${year}-Q${(((index % 4) + 4) % 4) + 1}`;
  });
  const yearKeys = Array.from({ length: years }, (_, i) => String(y - i));
  return { months: monthKeys, quarters: quarterKeys, years: yearKeys };
}

/** Filters from the query string; anything malformed falls back (the API checks again). */
export function parseStatisticsFilters(
  params: URLSearchParams,
  defaults: StatisticsFilters,
): StatisticsFilters {
  const period = params.get('period') ?? '';
  const organisationId = params.get('organisationId');
  const serviceType = params.get('serviceType') ?? '';
  return {
    period: PERIOD.test(period) ? period : defaults.period,
    organisationId:
      organisationId === null
        ? defaults.organisationId
        : organisationId === '' || UUID.test(organisationId)
          ? organisationId
          : defaults.organisationId,
    serviceType: SERVICE.test(serviceType) ? serviceType : '',
  };
}

export function statisticsSearch(filters: StatisticsFilters): string {
  const params = new URLSearchParams({ period: filters.period, organisationId: filters.organisationId });
  if (filters.serviceType) params.set('serviceType', filters.serviceType);
  return `?${params.toString()}`;
}
