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
