/** How a matter reached the district (the channels of DOMAIN.md's intake), in the order forms list them. */
export const CASE_CHANNELS = [
  'walk-in',
  'hotline-12348',
  'online',
  'hotline-12345',
  'home-visit',
  'partner-referral',
] as const;
export type CaseChannel = (typeof CASE_CHANNELS)[number];

export const CASE_STATUSES = [
  'received',
  'triaged',
  'in-progress',
  'resolved',
  'feedback-given',
  'closed',
  'withdrawn',
  'rejected',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/**
 * The status state machine: received → triaged → in-progress → resolved → feedback-given →
 * closed; withdrawn (by the resident) and rejected (not ours to take) end a case early, with a
 * reason. Nothing leaves closed, withdrawn or rejected.
 */
export const CASE_TRANSITIONS: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  received: ['triaged', 'in-progress', 'withdrawn', 'rejected'],
  triaged: ['in-progress', 'withdrawn', 'rejected'],
  'in-progress': ['resolved', 'withdrawn'],
  resolved: ['feedback-given', 'in-progress'],
  'feedback-given': ['closed'],
  closed: [],
  withdrawn: [],
  rejected: [],
};

/** Statuses in which the case is still being worked and its clock matters. */
export const OPEN_STATUSES: readonly CaseStatus[] = ['received', 'triaged', 'in-progress'];
/** Statuses that need a reason. */
export const STATUSES_WITH_REASON: readonly CaseStatus[] = ['withdrawn', 'rejected'];

export const CASE_URGENCIES = ['normal', 'urgent', 'critical'] as const;
export type CaseUrgency = (typeof CASE_URGENCIES)[number];

/** Groups with a green channel (绿色通道): the seeds name these five. */
export const KEY_GROUPS = ['elderly', 'minors', 'women-and-children', 'disabled', 'migrant-workers'] as const;
export type KeyGroup = (typeof KEY_GROUPS)[number];

/** How the resident wants to hear back (信息反馈): feedback follows this. */
export const CONTACT_PREFERENCES = ['phone', 'sms', 'visit', 'post', 'online'] as const;
export type ContactPreference = (typeof CONTACT_PREFERENCES)[number];

/** What an entry of a case's timeline records. */
export const CASE_EVENT_KINDS = [
  'created',
  'triaged',
  'assigned',
  'transferred',
  'note',
  'document',
  'status',
  'clock',
  'party',
  'linked',
  'consultation',
  'referral',
  'feedback',
  'satisfaction',
  'escalated',
  'consent',
] as const;
export type CaseEventKind = (typeof CASE_EVENT_KINDS)[number];

/**
 * The timeline entry of a joint consultation (联合咨询制: several services confer on one case), the
 * platform's own, not the consultation service's.
 */
export const JOINT_CONSULTATION_EVENT = 'consultation' satisfies CaseEventKind;

/**
 * How one case led to another (链条式). The platform's words, not plugin ids: `legal-aid` is a
 * matter passed on to legal aid, `appraisal` one sent for appraisal, whichever plugin (if any)
 * handles the new case.
 */
export const CASE_LINK_KINDS = [
  'judicial-confirmation',
  'lawyer-after-mediation',
  'appraisal',
  'legal-aid',
  'notarization',
  'other',
] as const;
export type CaseLinkKind = (typeof CASE_LINK_KINDS)[number];

/** The onward links that mean the matter was not settled where it was (passed to a lawyer or to legal aid). */
export const PASSED_ON_LINK_KINDS = [
  'lawyer-after-mediation',
  'legal-aid',
] as const satisfies readonly CaseLinkKind[];

/**
 * The roles of a case's other parties (the resident who came is the applicant): co-applicants
 * (申请人), the adverse party (被申请人 / 对方当事人, whom the conflict check looks for), a third
 * party (第三人), an agent (代理人) acting for one of them, and anyone else.
 */
export const PARTY_ROLES = ['adverse', 'co-applicant', 'third-party', 'agent', 'other'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

/** A party is a natural person (identified by ID number) or an organisation (by its 统一社会信用代码). */
export const PARTY_KINDS = ['person', 'organisation'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];
