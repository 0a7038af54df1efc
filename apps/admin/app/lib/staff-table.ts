import type { Locale } from '@linju/i18n';
import { ancestry, type RoleGrant } from './permissions.ts';

/** A person as `staff.getMany` lists them (phone masked). */
export interface StaffRow {
  id: string;
  username: string;
  displayName: string;
  organisationId: string;
  mustChangePassword: boolean;
  twoFactorEnrolled: boolean;
  phoneMasked: string | null;
  disabledAt: Date | string | null;
  roles: readonly RoleGrant[];
}

export const STAFF_SORTS = ['name', 'username', 'organisation', 'status'] as const;
export type StaffSort = (typeof STAFF_SORTS)[number];
export const STAFF_STATUS_FILTERS = ['all', 'active', 'disabled'] as const;
export type StaffStatusFilter = (typeof STAFF_STATUS_FILTERS)[number];
export type SortDirection = 'asc' | 'desc';

/** The table's state, all in the URL so that it works without JavaScript and can be bookmarked. */
export interface StaffQuery {
  /** Matches name or username, ignoring case. */
  q: string;
  /** A role id, or '' for any. */
  role: string;
  /** People whose home or a role lies in this organisation or below it; '' for anywhere. */
  organisationId: string;
  status: StaffStatusFilter;
  sort: StaffSort;
  dir: SortDirection;
}

export const DEFAULT_STAFF_QUERY: StaffQuery = {
  q: '',
  role: '',
  organisationId: '',
  status: 'all',
  sort: 'name',
  dir: 'asc',
};

function oneOf<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

export function parseStaffQuery(params: URLSearchParams): StaffQuery {
  return {
    q: (params.get('q') ?? '').trim().slice(0, 100),
    role: (params.get('role') ?? '').slice(0, 40),
    organisationId: (params.get('org') ?? '').slice(0, 40),
    status: oneOf(params.get('status'), STAFF_STATUS_FILTERS, 'all'),
    sort: oneOf(params.get('sort'), STAFF_SORTS, 'name'),
    dir: params.get('dir') === 'desc' ? 'desc' : 'asc',
  };
}

/** The query as URL parameters, leaving out defaults so that links stay short. */
export function staffQueryParams(query: StaffQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.role) params.set('role', query.role);
  if (query.organisationId) params.set('org', query.organisationId);
  if (query.status !== 'all') params.set('status', query.status);
  if (query.sort !== 'name') params.set('sort', query.sort);
  if (query.dir !== 'asc') params.set('dir', query.dir);
  return params;
}

/** The query a column header's link leads to: that column ascending, or the other way if it is already sorted by it. */
export function sortedBy(query: StaffQuery, sort: StaffSort): StaffQuery {
  const dir: SortDirection = query.sort === sort && query.dir === 'asc' ? 'desc' : 'asc';
  return { ...query, sort, dir };
}

/** Active, waiting for a first password change, or disabled: the order the status column sorts in. */
export type StaffStatus = 'active' | 'password-change' | 'disabled';

export function staffStatus(row: Pick<StaffRow, 'disabledAt' | 'mustChangePassword'>): StaffStatus {
  if (row.disabledAt) return 'disabled';
  return row.mustChangePassword ? 'password-change' : 'active';
}

const STATUS_ORDER: Readonly<Record<StaffStatus, number>> = { active: 0, 'password-change': 1, disabled: 2 };

/**
 * The rows the table shows, filtered and sorted. `organisationName` names a home unit for sorting;
 * `parentOf` is the tree, for "in this organisation or below".
 */
export function staffTableRows<T extends StaffRow>(
  rows: readonly T[],
  query: StaffQuery,
  {
    locale,
    organisationName,
    parentOf,
  }: {
    locale: Locale;
    organisationName: (id: string) => string;
    parentOf: ReadonlyMap<string, string | null>;
  },
): T[] {
  const needle = query.q.toLocaleLowerCase();
  const within = (organisationId: string) =>
    ancestry(organisationId, parentOf).includes(query.organisationId);
  const filtered = rows.filter(
    (row) =>
      (!needle ||
        row.displayName.toLocaleLowerCase().includes(needle) ||
        row.username.toLocaleLowerCase().includes(needle)) &&
      (!query.role || row.roles.some((grant) => grant.role === query.role)) &&
      (!query.organisationId ||
        within(row.organisationId) ||
        row.roles.some((grant) => within(grant.organisationId))) &&
      (query.status === 'all' || (query.status === 'disabled') === Boolean(row.disabledAt)),
  );
  const collator = new Intl.Collator(locale === 'en' ? 'en' : 'zh-CN-u-co-pinyin', { numeric: true });
  const key = (row: T): string | number => {
    switch (query.sort) {
      case 'name':
        return row.displayName;
      case 'username':
        return row.username;
      case 'organisation':
        return organisationName(row.organisationId);
      case 'status':
        return STATUS_ORDER[staffStatus(row)];
    }
  };
  const compare = (a: T, b: T) => {
    const [ka, kb] = [key(a), key(b)];
    const primary =
      typeof ka === 'number' && typeof kb === 'number' ? ka - kb : collator.compare(String(ka), String(kb));
    // Ties keep a stable, readable order: by name, then username.
    return primary || collator.compare(a.displayName, b.displayName) || a.username.localeCompare(b.username);
  };
  const sorted = [...filtered].sort(compare);
  return query.dir === 'desc' ? sorted.reverse() : sorted;
}
