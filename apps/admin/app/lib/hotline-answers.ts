import { isMessageKey, type MessageKey } from '@linju/i18n';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export type AnswersForm = {
  from: string;
  to: string;
  format: 'csv' | 'xlsx';
  /** Why the period cannot be exported, if it cannot. */
  problem: MessageKey | null;
};

/**
 * The 12345 answers form as sent (a GET query): period and format, and what is wrong with them.
 * Missing dates default to this month so far (`today` in the district's zone); XLSX unless CSV is
 * asked for. The download route sends a wrong period back to the page with `answersError`.
 */
export function answersFormOf(query: URLSearchParams, today: string): AnswersForm {
  const from = query.get('from') ?? `${today.slice(0, 8)}01`;
  const to = query.get('to') ?? today;
  const format = query.get('format') === 'csv' ? 'csv' : 'xlsx';
  const sentBack = query.get('answersError');
  const problem: MessageKey | null =
    !DAY.test(from) || !DAY.test(to)
      ? 'validation.date_invalid'
      : from > to
        ? 'hotline.period_invalid'
        : sentBack && isMessageKey(sentBack)
          ? sentBack
          : null;
  return { from, to, format, problem };
}
