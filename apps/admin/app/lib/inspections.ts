import type { MessageKey } from '@linju/i18n';

/** The quarter (`YYYY-Qn`) a calendar day falls in. */
export const quarterOfDay = (day: string) => `${day.slice(0, 4)}-Q${Math.ceil(Number(day.slice(5, 7)) / 3)}`;

export const isQuarter = (value: string | null): value is string =>
  value !== null && /^\d{4}-Q[1-4]$/.test(value);

/** The quarter of `today` and the `count - 1` before it, newest first (for a quarter picker). */
export function recentQuarters(today: string, count = 8): string[] {
  let year = Number(today.slice(0, 4));
  let quarter = Math.ceil(Number(today.slice(5, 7)) / 3);
  const quarters: string[] = [];
  for (let i = 0; i < count; i++) {
    quarters.push(`${year}-Q${quarter}`);
    quarter -= 1;
    if (quarter === 0) {
      quarter = 4;
      year -= 1;
    }
  }
  return quarters;
}

/**
 * A score as typed on an inspection sheet: a number of at most one decimal, `.` or `，`/`,` as the
 * decimal mark. Undefined when it is not one (the form shows an error); bounds are the server's.
 */
export function parseScore(text: string): number | undefined {
  const value = text.trim().replace(/[,，]/, '.');
  if (!/^\d{1,3}(\.\d)?$/.test(value)) return undefined;
  return Number(value);
}

/** One row of the checklist editor as typed: section title, item text, maximum score. */
export interface ChecklistRowInput {
  section: string;
  text: string;
  max: string;
}

/**
 * The editor's rows as sections of items, in the order sections first appear. Blank rows are
 * ignored; a row with an item but no section or no valid maximum is an error on that row.
 */
export function sectionsFromRows(rows: readonly ChecklistRowInput[]): {
  sections: { title: string; items: { text: string; maxScore: number }[] }[];
  errors: Record<string, MessageKey>;
} {
  const sections: { title: string; items: { text: string; maxScore: number }[] }[] = [];
  const errors: Record<string, MessageKey> = {};
  rows.forEach((row, i) => {
    const section = row.section.trim();
    const text = row.text.trim();
    const max = row.max.trim();
    if (!text && !max && !section) return;
    if (!text) errors[`text-${i}`] = 'validation.required';
    if (!section) errors[`section-${i}`] = 'validation.required';
    const maxScore = parseScore(max);
    if (maxScore === undefined || maxScore <= 0) errors[`max-${i}`] = 'inspection.max_score_invalid';
    if (!text || !section || maxScore === undefined) return;
    let target = sections.find((s) => s.title === section);
    if (!target) {
      target = { title: section, items: [] };
      sections.push(target);
    }
    target.items.push({ text, maxScore });
  });
  return { sections, errors };
}

/** A share 0–1 as a percentage with one decimal, or a dash when there is nothing to measure. */
export const percent = (share: number | null) => (share === null ? '—' : `${(share * 100).toFixed(1)}%`);

/** A page position of the inspection list as the API hands it out (`<day>_<id>`), else null. */
export const pageCursor = (value: string | null) =>
  value !== null && /^\d{4}-\d{2}-\d{2}_[0-9a-f-]{36}$/.test(value) ? value : null;

/**
 * The inspection list at `path` with its filters kept, from the page after `after` (the first
 * page without): the link a "next page" or "first page" button follows.
 */
export function inspectionsPageHref(
  path: string,
  filters: { org: string | null; quarter: string; after: string | null },
): string {
  const query = new URLSearchParams();
  if (filters.org) query.set('org', filters.org);
  if (filters.quarter) query.set('quarter', filters.quarter);
  if (filters.after) query.set('after', filters.after);
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}
