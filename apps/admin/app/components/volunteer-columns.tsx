import { type Locale, translate } from '@linju/i18n';
import type { DataColumn } from '@linju/ui';
import { organisationName } from '../lib/organisation-tree.ts';

/** A volunteer as the list shows them: the phone masked, the month's service time. */
export interface VolunteerRowView {
  id: string;
  name: string;
  phoneMasked: string | null;
  skills: readonly string[];
  availability: string | null;
  organisation: { nameZh: string; nameEn: string };
  minutes: number;
  entries: number;
}

/** A row of `volunteer.getMany` as the list shows it. */
export const volunteerRowView = (v: {
  id: string;
  name: string;
  phoneMasked: string | null;
  skills: string[];
  availability: string | null;
  organisationNameZh: string;
  organisationNameEn: string;
  minutes: number;
  entries: number;
}): VolunteerRowView => ({
  id: v.id,
  name: v.name,
  phoneMasked: v.phoneMasked,
  skills: v.skills,
  availability: v.availability,
  organisation: { nameZh: v.organisationNameZh, nameEn: v.organisationNameEn },
  minutes: v.minutes,
  entries: v.entries,
});

/** The list's orders: by name (the default), or most hours first. */
export const VOLUNTEER_SORTS = ['name', 'hours'] as const;

const hoursText = (minutes: number) => `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;

/** The volunteers of a view, in its order (names in the locale's collation). */
export function sortedVolunteers<R extends VolunteerRowView>(
  rows: readonly R[],
  sort: string,
  locale: Locale,
) {
  const byName = (a: R, b: R) => a.name.localeCompare(b.name, locale);
  return [...rows].sort(sort === 'hours' ? (a, b) => b.minutes - a.minutes || byName(a, b) : byName);
}

/** 志愿者's columns, once for the screen and its export (the phone masked in both). */
export function volunteerColumns(locale: Locale): DataColumn<VolunteerRowView>[] {
  const words = (row: VolunteerRowView) => ({
    name: `${row.name}${row.phoneMasked ? ` · ${row.phoneMasked}` : ''}`,
    unit: organisationName(row.organisation, locale),
    skills: row.skills.join('、'),
    availability: row.availability ?? '',
    hours: translate(locale, 'volunteers.hours_value', {
      hours: hoursText(row.minutes),
      entries: row.entries,
    }),
  });
  const column = (
    key: keyof ReturnType<typeof words>,
    label: Parameters<typeof translate>[1],
    sort?: DataColumn<VolunteerRowView>['sort'],
  ): DataColumn<VolunteerRowView> => ({
    key,
    label: translate(locale, label),
    ...(sort ? { sort } : {}),
    cell: (row) => words(row)[key],
    text: (row) => words(row)[key],
  });
  return [
    column('name', 'volunteers.name', { key: 'name', direction: 'ascending' }),
    column('unit', 'volunteers.unit'),
    column('skills', 'volunteers.skills'),
    column('availability', 'volunteers.availability'),
    column('hours', 'volunteers.hours_in_month', { key: 'hours', direction: 'descending' }),
  ];
}
