/**
 * The referral exchange's words (spec/referral-exchange.md): the kinds every node understands (X
 * services add `x-…` kinds of their own) and the states of a referral, in the order forms list them.
 * The kind `legal-aid` is the exchange's (a legal-aid centre asked to take a matter on), not the
 * legal-aid plugin: a node without that plugin still sends and receives it.
 * The state machine over these states is `@linju/federation/referral-states`.
 */
export const REFERRAL_KINDS = [
  'judicial-confirmation',
  'litigation-mediation',
  'legal-aid',
  'assistance',
  'transfer',
] as const;
export type ReferralKind = (typeof REFERRAL_KINDS)[number];

/** Fields of the resident a referral may carry (spec: `subject`). */
/** Fields of the resident a referral may carry (spec: `subject`), and the case's other parties. */
export type SubjectField = 'displayName' | 'phone' | 'idNumber' | 'groups' | 'parties';

/**
 * Data minimisation ("only what the purpose needs"): each kind sends only what the partner needs to
 * act. A court confirming a mediation agreement or taking a case to litigation mediation must
 * identify the party; legal aid also weighs the key groups (绿色通道); a federation's assistance and
 * another district's transfer need to reach the person and know the groups, never the ID number.
 */
export const SUBJECT_FIELDS: Readonly<Record<ReferralKind, readonly SubjectField[]>> = {
  'judicial-confirmation': ['displayName', 'phone', 'idNumber'],
  'litigation-mediation': ['displayName', 'phone', 'idNumber'],
  'legal-aid': ['displayName', 'phone', 'idNumber', 'groups'],
  assistance: ['displayName', 'phone', 'groups'],
  transfer: ['displayName', 'phone', 'groups'],
};

/**
 * What a referral tells the partner of the case's other parties (those on a side of the matter:
 * co-applicants, adverse parties, third parties; never agents or others): a court confirming an
 * agreement or mediating before trial must identify every party (name, ID number or credit
 * code); legal aid checks its own conflicts and a district taking the matter over needs the other
 * side's names; a federation's assistance concerns the resident alone.
 */
export const PARTY_DISCLOSURE: Readonly<Record<ReferralKind, 'identity' | 'names' | 'none'>> = {
  'judicial-confirmation': 'identity',
  'litigation-mediation': 'identity',
  'legal-aid': 'names',
  transfer: 'names',
  assistance: 'none',
};
/** Default completion limits in working days, per kind (a request may set its own). */
export const DEFAULT_DUE_WORKING_DAYS: Readonly<Record<ReferralKind, number>> = {
  'judicial-confirmation': 15,
  'litigation-mediation': 30,
  'legal-aid': 7,
  assistance: 15,
  transfer: 15,
};

export const REFERRAL_STATUSES = [
  'requested',
  'received',
  'accepted',
  'rejected',
  'in-progress',
  'completed',
  'failed',
  'cancelled',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/**
 * A partner's inbox in two tabs (and 全部): 待处理, what still waits on the partner, and 已答复,
 * what it answered for good. A referral the sender cancelled is in neither, only in 全部.
 */
export const INBOX_STATES = ['pending', 'answered'] as const;
export type InboxState = (typeof INBOX_STATES)[number];
export const INBOX_STATE_STATUSES: Readonly<Record<InboxState, readonly ReferralStatus[]>> = {
  pending: ['requested', 'received', 'accepted', 'in-progress'],
  answered: ['rejected', 'completed', 'failed'],
};

/**
 * What a partner reports as a referral's result (the exchange's `outcome.code`), chosen on the
 * answer's form rather than typed. A court rules on a judicial confirmation (确认有效 / 不予确认:
 * the ruling not to confirm is sent as a failure with its reason, as the exchange has it); any
 * other referral is resolved, partly or not.
 */
export const REFERRAL_OUTCOMES = ['resolved', 'partly-resolved', 'not-resolved'] as const;
export const JUDICIAL_CONFIRMATION_OUTCOMES = ['confirmed', 'not-confirmed'] as const;
export type ReferralOutcome =
  | (typeof REFERRAL_OUTCOMES)[number]
  | (typeof JUDICIAL_CONFIRMATION_OUTCOMES)[number];
