/**
 * The referral exchange's words (spec/referral-exchange.md): the kinds every node understands (X
 * services add `x-…` kinds of their own) and the states of a referral, in the order forms list them.
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
