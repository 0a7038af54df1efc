import type { MessageKey } from '@linju/i18n';
import { PAGE_SIZES, readTableView, type TableView, tableViewParams } from '@linju/ui';
import {
  CASE_CHANNELS,
  CASE_STATUSES,
  CASE_TRANSITIONS,
  CASE_URGENCIES,
  type CaseStatus,
  CONTACT_PREFERENCES,
  KEY_GROUPS,
  OPEN_STATUSES,
} from '@linju/vocabulary';
import { formText } from './form-data.ts';
import { intakeParties, type PartyValues, readPartyRows } from './party-form.ts';

/** The API's queues (case.getMany `queue`). */
export const CASE_QUEUES = [
  'mine',
  'first-responder',
  'taken-today',
  'awaiting-feedback',
  'unit',
  'unassigned',
  'transferred-in',
  'due-soon',
  'overdue',
] as const;
export type CaseQueue = (typeof CASE_QUEUES)[number];

const CASE_NUMBER = /^[A-Za-z]{1,6}-\d{4}-\d{1,9}$/;
const MOBILE_OR_LANDLINE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;
const ID_NUMBER = /^\d{17}[\dXx]$/;

export type SearchKind = 'number' | 'phone' | 'idNumber' | 'term';

/**
 * What one search box holds: a whole case number, phone number or ID number (found exactly), or
 * a term — part of a name, a phone's last digits, part of a number, words of the description.
 */
export function searchKind(term: string): SearchKind {
  const value = term.trim().replace(/[\s()]/g, '');
  if (CASE_NUMBER.test(value)) return 'number';
  if (MOBILE_OR_LANDLINE.test(value)) return 'phone';
  if (ID_NUMBER.test(value)) return 'idNumber';
  return 'term';
}

const isIn = <T extends string>(list: readonly T[], value: string | null): value is T =>
  value !== null && (list as readonly string[]).includes(value);

/** How the case ledger is ordered: newest received first (the default), or soonest due first. */
export const CASE_SORTS = ['received', 'due'] as const;
export type CaseSort = (typeof CASE_SORTS)[number];

/** The ledger's filters, search term and view (order, page, page size). */
export interface CaseSearch extends TableView<CaseSort> {
  q: string;
  status: CaseStatus | '';
  queue: CaseQueue | '';
  /** A service id (`x-rent-clinic`); checked by the API. */
  service: string;
}

/**
 * A search as the ledger's URL (`?status=&queue=&service=&sort=&page=&size=`) or its posted form
 * gives it, unknown values dropped. The term (`q`: a name, a phone or ID number) comes only from a
 * posted form: read from a URL it is ignored, so no link or bookmark carries it.
 */
export function readCaseSearch(params: URLSearchParams | FormData): CaseSearch {
  const text = (name: string) => {
    const value = params.get(name);
    return typeof value === 'string' ? value : null;
  };
  const status = text('status');
  const queue = text('queue');
  const service = text('service') ?? '';
  return {
    q: params instanceof FormData ? (text('q') ?? '').trim().slice(0, 100) : '',
    status: isIn(CASE_STATUSES, status) ? status : '',
    queue: isIn(CASE_QUEUES, queue) ? queue : '',
    service: /^[a-z][a-z0-9-]{1,39}$/.test(service) ? service : '',
    ...readTableView(params, CASE_SORTS),
  };
}

/** The `case.getMany` (and `case.count`) input for a search: its page of its page size. */
export function caseQueryFor(search: CaseSearch) {
  const query: {
    limit: number;
    number?: string;
    phone?: string;
    idNumber?: string;
    term?: string;
    status?: CaseStatus[];
    queue?: CaseQueue;
    serviceType?: string;
    sort?: CaseSort;
    page?: number;
  } = { limit: search.size };
  const term = search.q.trim();
  if (term) {
    const kind = searchKind(term);
    const compact = term.replace(/[\s()]/g, '');
    if (kind === 'number') query.number = compact.toUpperCase();
    else if (kind === 'phone') query.phone = compact;
    else if (kind === 'idNumber') query.idNumber = compact.toUpperCase();
    else query.term = term;
  }
  if (search.status) query.status = [search.status];
  if (search.queue) query.queue = search.queue;
  if (search.service) query.serviceType = search.service;
  if (search.sort !== CASE_SORTS[0]) query.sort = search.sort;
  if (search.page > 1) query.page = search.page;
  return query;
}

/** The ledger's URL for a search (defaults and empty values left out, never the term), e.g. for a page. */
export function caseSearchString(search: Partial<CaseSearch>): string {
  const params = new URLSearchParams();
  for (const name of ['status', 'queue', 'service'] as const) {
    const value = search[name];
    if (value) params.set(name, value);
  }
  const view = {
    sort: search.sort ?? CASE_SORTS[0],
    page: search.page ?? 1,
    size: search.size ?? PAGE_SIZES[0],
  };
  for (const [name, value] of Object.entries(tableViewParams(view, CASE_SORTS))) params.set(name, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export type DeadlineState = 'overdue' | 'due-soon' | null;

const OPEN: readonly string[] = OPEN_STATUSES;

/** Whole days from `from` to `to` (ISO dates). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * How an open case stands against its deadline: overdue after the day, due soon within `soonDays`
 * calendar days (the server's queues use working days; this only marks a row). A paused clock marks nothing.
 */
export function deadlineState(
  row: { dueOn: string | null; status: string; waitingForResident: boolean },
  today: string,
  soonDays = 3,
): DeadlineState {
  if (!row.dueOn || !OPEN.includes(row.status) || row.waitingForResident) return null;
  const left = daysBetween(today, row.dueOn);
  if (left < 0) return 'overdue';
  return left <= soonDays ? 'due-soon' : null;
}

/** Reached through their own forms (triage, the resident's feedback), never as a bare status move. */
const OWN_FORM: readonly CaseStatus[] = ['triaged', 'feedback-given'];

/** The status moves `case.setStatus` accepts from each status (triage and feedback have their own forms). */
export function statusMoves(status: string): readonly CaseStatus[] {
  return isIn(CASE_STATUSES, status) ? CASE_TRANSITIONS[status].filter((to) => !OWN_FORM.includes(to)) : [];
}

export const isOpenStatus = (status: string) => OPEN.includes(status);

/** The intake form's fields, in page order. */
export const INTAKE_FIELDS = [
  'channel',
  'name',
  'phone',
  'idNumber',
  'keyGroups',
  'contactPreference',
  'organisationId',
  'serviceType',
  'category',
  'urgency',
  'description',
] as const;

export type IntakeValues = Record<(typeof INTAKE_FIELDS)[number], string> & {
  keyGroupList: string[];
  /** Answers to the chosen service's own form (see service-form.ts). */
  serviceAnswers?: Record<string, unknown>;
  /** The other parties' rows as typed (`parties.<n>.<field>`). */
  parties: PartyValues[];
};

export function readIntake(form: FormData): IntakeValues {
  const text = (name: string) => formText(form, name).trim();
  const keyGroupList = form
    .getAll('keyGroups')
    .filter((value): value is string => typeof value === 'string' && isIn(KEY_GROUPS, value));
  return {
    channel: text('channel'),
    name: text('name'),
    phone: text('phone'),
    idNumber: text('idNumber'),
    keyGroups: keyGroupList.join(','),
    keyGroupList,
    contactPreference: text('contactPreference'),
    organisationId: text('organisationId'),
    serviceType: text('serviceType'),
    category: text('category'),
    urgency: text('urgency'),
    description: text('description'),
    parties: readPartyRows(form),
  };
}

/** Checks made before calling the API: the fields it would refuse as missing. */
export function intakeProblems(values: IntakeValues): Record<string, MessageKey | undefined> {
  return {
    channel: isIn(CASE_CHANNELS, values.channel) ? undefined : 'validation.required',
    name: values.name ? undefined : 'validation.required',
    organisationId: values.organisationId ? undefined : 'validation.required',
    description: values.description ? undefined : 'validation.required',
  };
}

/** The `case.create` input from the intake form. */
export function intakeRequest(values: IntakeValues) {
  return {
    channel: values.channel as (typeof CASE_CHANNELS)[number],
    resident: {
      name: values.name,
      phone: values.phone || null,
      idNumber: values.idNumber || null,
      keyGroups: values.keyGroupList as (typeof KEY_GROUPS)[number][],
      contactPreference: isIn(CONTACT_PREFERENCES, values.contactPreference)
        ? values.contactPreference
        : ('phone' as const),
    },
    serviceType: values.serviceType || 'undecided',
    category: values.category || null,
    urgency: isIn(CASE_URGENCIES, values.urgency) ? values.urgency : ('normal' as const),
    description: values.description,
    organisationId: values.organisationId,
    parties: intakeParties(values.parties).parties,
  };
}

/** The API's paths of `case.create` mapped to the intake form's fields. */
export const INTAKE_PATHS: Readonly<Record<string, string>> = {
  'resident.name': 'name',
  'resident.phone': 'phone',
  'resident.idNumber': 'idNumber',
  'resident.keyGroups': 'keyGroups',
  'resident.contactPreference': 'contactPreference',
  resident: 'name',
};

/** A score typed or chosen in a form: an integer 1–5, else undefined. */
export function parseScore(value: string): number | undefined {
  const text = value.trim();
  if (!/^[1-5]$/.test(text)) return undefined;
  return Number(text);
}

/** Heads see the due-soon and overdue queues on their Today page. */
export const HEAD_ROLES: readonly string[] = ['bureau-admin', 'centre-director', 'station-head'];
export const isHead = (grants: readonly { role: string }[]) =>
  grants.some((g) => HEAD_ROLES.includes(g.role));

/** What a partner may answer from each state (the referral state machine's receiver moves). */
export function answersFor(
  status: string,
): ('accepted' | 'rejected' | 'in-progress' | 'completed' | 'failed')[] {
  switch (status) {
    case 'requested':
    case 'received':
      return ['accepted', 'rejected'];
    // The spec's moves: an accepted referral is started (or fails); a started one completes or fails.
    case 'accepted':
      return ['in-progress', 'failed'];
    case 'in-progress':
      return ['completed', 'failed'];
    default:
      return [];
  }
}
