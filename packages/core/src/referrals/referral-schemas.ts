import { schema } from '@linju/db';
import { INBOX_STATES } from '@linju/vocabulary';
import { z } from 'zod';
import { ZOutcomeDocuments } from './referral-attachments.ts';

const required = { message: 'validation.required' };
const ZText = (max: number) => z.string().trim().min(1, required).max(max);

/** 记录同意: the resident agrees that this case's data may go to that partner. */
export const ZRecordConsentRequest = z.object({
  caseId: z.uuid(),
  partnerOrganisationId: z.uuid(),
  /** The day the resident gave it; today (tenant's calendar) when omitted. */
  givenOn: z.iso.date({ message: 'validation.date_invalid' }).optional(),
});
export type RecordConsentRequest = z.input<typeof ZRecordConsentRequest>;

export const ZCreateReferralRequest = z.object({
  caseId: z.uuid(),
  toOrganisationId: z.uuid(),
  kind: z.enum(schema.REFERRAL_KINDS),
  summary: ZText(2000),
  details: z.string().trim().max(8000).nullish(),
  /** The completion limit in working days; the kind's default when omitted. */
  dueInWorkingDays: z.number().int().min(1).max(120).optional(),
  /** Case documents that go with the referral (spec: `attachments`). */
  documentIds: z.array(z.uuid()).max(20).optional(),
});
export type CreateReferralRequest = z.input<typeof ZCreateReferralRequest>;

export const ZListReferralsRequest = z.object({
  caseId: z.uuid().optional(),
  status: z.enum(schema.REFERRAL_STATUSES).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export type ListReferralsRequest = z.input<typeof ZListReferralsRequest>;

/** What a partner narrows its inbox to: a kind, the days it arrived, the unit that asked. */
export const ZInboxFilters = z.object({
  kind: z.enum(schema.REFERRAL_KINDS).optional(),
  /** Arrived on or after this day, and on or before `receivedUntil`, in the district's calendar. */
  receivedFrom: z.iso.date({ message: 'validation.date_invalid' }).optional(),
  receivedUntil: z.iso.date({ message: 'validation.date_invalid' }).optional(),
  /** The requesting unit of the district (a referral through the exchange has none here). */
  fromOrganisationId: z.uuid().optional(),
});
export type InboxFilters = z.input<typeof ZInboxFilters>;

export const ZInboxRequest = ZInboxFilters.extend({
  status: z.enum(schema.REFERRAL_STATUSES).optional(),
  /** A tab of the inbox (待处理 / 已答复); every referral without it. */
  state: z.enum(INBOX_STATES).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

/** What a partner user may report (the receiver's events of the spec). */
export const RECEIVER_ACTIONS = [
  'received',
  'accepted',
  'rejected',
  'in-progress',
  'completed',
  'failed',
] as const;

export const ZTransitionRequest = z.object({
  referralId: z.uuid(),
  type: z.enum(RECEIVER_ACTIONS),
  // Required-ness is the state machine's to decide (reject/fail need a reason, complete an outcome).
  reason: z.string().trim().max(1000).optional(),
  outcome: z
    .object({
      code: ZText(64),
      text: ZText(4000),
      /** Documents returned with a completion or a failure (spec: `outcome.documents`); checked like case documents. */
      documents: ZOutcomeDocuments.optional(),
    })
    .optional(),
});
export type TransitionRequest = z.input<typeof ZTransitionRequest>;

export const ZCancelRequest = z.object({ referralId: z.uuid(), reason: ZText(1000) });
export type CancelRequest = z.input<typeof ZCancelRequest>;

/**
 * 改派: sends a rejected (or escalated) referral's case to another partner in one step; the old
 * referral keeps its history (an escalated one still open is cancelled with `reason`).
 */
export const ZRerouteRequest = z.object({
  referralId: z.uuid(),
  toOrganisationId: z.uuid(),
  reason: ZText(1000),
  /** A new summary for the new partner; the old one when omitted. */
  summary: ZText(2000).optional(),
});
export type RerouteRequest = z.input<typeof ZRerouteRequest>;

/**
 * A note to the other side of a referral (spec: `note`): from the partner's inbox (`receiver`) or
 * from the sending district (`sender`). It changes no state; a final referral takes none.
 */
export const ZReferralNoteRequest = z.object({
  referralId: z.uuid(),
  side: z.enum(['sender', 'receiver']),
  text: ZText(2000),
});
export type ReferralNoteRequest = z.input<typeof ZReferralNoteRequest>;
