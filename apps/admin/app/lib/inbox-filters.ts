import type { MessageKey } from '@linju/i18n';
import { type InboxState, REFERRAL_KINDS, type ReferralKind } from '@linju/vocabulary';

/** The inbox's tabs: 待处理, 已答复, 全部 (the first is where a partner starts). */
export const INBOX_TABS = ['pending', 'answered', 'all'] as const satisfies readonly (InboxState | 'all')[];
export type InboxTab = (typeof INBOX_TABS)[number];

/** The inbox as its address asks for it: a tab and the filters, as typed (no personal data). */
export interface InboxQuery {
  tab: InboxTab;
  kind: ReferralKind | '';
  sender: string;
  from: string;
  until: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const isDay = (value: string) =>
  DAY.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);

/**
 * The tab and filters of the inbox's address (`?tab=&kind=&sender=&from=&until=`). An unknown tab,
 * kind or unit falls back to none; a day that is not one, or a range that ends before it starts,
 * is named on its field (and not asked of the API).
 */
export function readInboxQuery(params: URLSearchParams): {
  query: InboxQuery;
  errors: Partial<Record<'from' | 'until', MessageKey>>;
} {
  const tab = params.get('tab') ?? '';
  const kind = params.get('kind') ?? '';
  const sender = params.get('sender') ?? '';
  const query: InboxQuery = {
    tab: (INBOX_TABS as readonly string[]).includes(tab) ? (tab as InboxTab) : 'pending',
    kind: (REFERRAL_KINDS as readonly string[]).includes(kind) ? (kind as ReferralKind) : '',
    sender: UUID.test(sender) ? sender : '',
    from: (params.get('from') ?? '').trim(),
    until: (params.get('until') ?? '').trim(),
  };
  const errors: Partial<Record<'from' | 'until', MessageKey>> = {};
  if (query.from && !isDay(query.from)) errors.from = 'validation.date_invalid';
  if (query.until && !isDay(query.until)) errors.until = 'validation.date_invalid';
  if (!errors.from && !errors.until && query.from && query.until && query.until < query.from)
    errors.until = 'referrals.filter_range';
  return { query, errors };
}

/** What the API is asked to narrow by: the filters that hold (a refused day is left out). */
export function inboxFilters(query: InboxQuery, errors: Partial<Record<'from' | 'until', MessageKey>>) {
  const range = errors.from || errors.until ? {} : { receivedFrom: query.from, receivedUntil: query.until };
  return Object.fromEntries(
    Object.entries({ kind: query.kind, fromOrganisationId: query.sender, ...range }).filter(([, v]) => v),
  ) as { kind?: ReferralKind; fromOrganisationId?: string; receivedFrom?: string; receivedUntil?: string };
}

/** Whether any filter is set (then an empty tab says nothing matches, not that nothing came). */
export const isFiltered = (query: InboxQuery) =>
  Boolean(query.kind || query.sender || query.from || query.until);

/** The address of a tab, keeping the filters. */
export function inboxSearch(query: InboxQuery, tab: InboxTab): string {
  const params = new URLSearchParams({ tab });
  for (const name of ['kind', 'sender', 'from', 'until'] as const)
    if (query[name]) params.set(name, query[name]);
  return `?${params.toString()}`;
}
