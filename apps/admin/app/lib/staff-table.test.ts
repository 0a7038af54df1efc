import { describe, expect, it } from 'vitest';
import {
  DEFAULT_STAFF_QUERY,
  parseStaffQuery,
  type StaffQuery,
  type StaffRow,
  sortedBy,
  staffQueryParams,
  staffStatus,
  staffTableRows,
} from './staff-table.ts';

function person(
  id: string,
  displayName: string,
  organisationId: string,
  roles: [string, string][],
  extra: Partial<StaffRow> = {},
): StaffRow {
  return {
    id,
    username: id,
    displayName,
    organisationId,
    mustChangePassword: false,
    twoFactorEnrolled: false,
    phoneMasked: null,
    disabledAt: null,
    roles: roles.map(([role, organisationId]) => ({ role, organisationId })),
    ...extra,
  };
}

const people = [
  person('wang', '王敏', 'centre', [['bureau-admin', 'centre']]),
  person('zhang', '张强', 's1', [['station-head', 's1']], { mustChangePassword: true }),
  person('chen', '陈静', 'centre', [['desk-officer', 'centre']], {
    disabledAt: new Date('2026-01-02T00:00:00Z'),
  }),
  person('liu', '刘洋', 'r1', [
    ['lawyer', 'r1'],
    ['mediator', 's2'],
  ]),
];
const parentOf = new Map<string, string | null>([
  ['centre', null],
  ['s1', 'centre'],
  ['s2', 'centre'],
  ['r1', 's1'],
]);
const names: Record<string, string> = { centre: 'Centre', s1: 'Station A', s2: 'Station B', r1: 'Room' };
const table = (query: Partial<StaffQuery>, locale: 'en' | 'zh-CN' = 'zh-CN') =>
  staffTableRows(
    people,
    { ...DEFAULT_STAFF_QUERY, ...query },
    {
      locale,
      organisationName: (id) => names[id] ?? id,
      parentOf,
    },
  ).map((row) => row.id);

describe('the staff query in the URL', () => {
  it('reads what it knows and falls back for the rest', () => {
    expect(
      parseStaffQuery(new URLSearchParams('q= 王 &role=lawyer&org=s1&status=disabled&sort=status&dir=desc')),
    ).toEqual({
      q: '王',
      role: 'lawyer',
      organisationId: 's1',
      status: 'disabled',
      sort: 'status',
      dir: 'desc',
    });
    expect(parseStaffQuery(new URLSearchParams('status=gone&sort=salary&dir=sideways'))).toEqual(
      DEFAULT_STAFF_QUERY,
    );
  });

  it('writes only what differs from the defaults, and round-trips', () => {
    expect(staffQueryParams(DEFAULT_STAFF_QUERY).toString()).toBe('');
    const query: StaffQuery = { ...DEFAULT_STAFF_QUERY, role: 'lawyer', sort: 'username', dir: 'desc' };
    expect(parseStaffQuery(staffQueryParams(query))).toEqual(query);
  });

  it('toggles the direction when the same column is chosen again', () => {
    expect(sortedBy(DEFAULT_STAFF_QUERY, 'name')).toMatchObject({ sort: 'name', dir: 'desc' });
    expect(sortedBy({ ...DEFAULT_STAFF_QUERY, dir: 'desc' }, 'name')).toMatchObject({
      sort: 'name',
      dir: 'asc',
    });
    expect(sortedBy({ ...DEFAULT_STAFF_QUERY, dir: 'desc' }, 'username')).toMatchObject({
      sort: 'username',
      dir: 'asc',
    });
  });
});

describe('staffTableRows', () => {
  it('sorts names by pinyin in Chinese', () => {
    expect(table({})).toEqual(['chen', 'liu', 'wang', 'zhang']);
    expect(table({ dir: 'desc' })).toEqual(['zhang', 'wang', 'liu', 'chen']);
  });

  it('sorts by username, home unit and status', () => {
    expect(table({ sort: 'username' })).toEqual(['chen', 'liu', 'wang', 'zhang']);
    expect(table({ sort: 'organisation' })).toEqual(['chen', 'wang', 'liu', 'zhang']);
    expect(table({ sort: 'status' })).toEqual(['liu', 'wang', 'zhang', 'chen']);
  });

  it('finds by name or username, ignoring case', () => {
    expect(table({ q: '王' })).toEqual(['wang']);
    expect(table({ q: 'ZHA' })).toEqual(['zhang']);
  });

  it('filters by role, by unit and below (home or role), and by status', () => {
    expect(table({ role: 'mediator' })).toEqual(['liu']);
    expect(table({ organisationId: 's1' })).toEqual(['liu', 'zhang']);
    expect(table({ organisationId: 's2' })).toEqual(['liu']);
    expect(table({ status: 'disabled' })).toEqual(['chen']);
    expect(table({ status: 'active' })).toEqual(['liu', 'wang', 'zhang']);
  });
});

describe('staffStatus', () => {
  it('puts a disabled account before a pending password change', () => {
    expect(staffStatus({ disabledAt: null, mustChangePassword: false })).toBe('active');
    expect(staffStatus({ disabledAt: null, mustChangePassword: true })).toBe('password-change');
    expect(staffStatus({ disabledAt: '2026-01-01', mustChangePassword: true })).toBe('disabled');
  });
});
