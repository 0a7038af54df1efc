import { REFERRAL_KINDS } from '@linju/vocabulary';
import { z } from 'zod';
import { addressSchema, URL_SAFE_ID } from './address.ts';
import {
  isTerminalReferralState,
  type ReferralParty,
  referralEventParty,
  referralStates,
  referralTransitions,
} from './referral-states.ts';

/** Statuses of a referral (the closed-loop pattern of HL7 FHIR Task), as the state machine defines them. */
export const REFERRAL_STATUSES = referralStates;

/** A referral status. */
export const referralStatusSchema = z.enum(REFERRAL_STATUSES);
/** A referral status. */
export type ReferralStatus = z.infer<typeof referralStatusSchema>;

/** Types of event posted to `/federation/v1/referrals/{id}/events`. */
export const REFERRAL_EVENT_TYPES = [
  'accepted',
  'rejected',
  'in-progress',
  'note',
  'completed',
  'failed',
  'cancelled',
] as const;

/** A referral event type. */
export const referralEventTypeSchema = z.enum(REFERRAL_EVENT_TYPES);
/** A referral event type. */
export type ReferralEventType = z.infer<typeof referralEventTypeSchema>;

/** The kinds of referral every node understands; X services add their own `x-…` kinds. */
export const CORE_REFERRAL_KINDS = REFERRAL_KINDS;

/** A referral kind: a core kind or an X kind such as `x-labour-clinic`. */
export const referralKindSchema = z.union([
  z.enum(CORE_REFERRAL_KINDS),
  z.string().regex(/^x-[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a core kind or x-<kebab-case>'),
]);

/** A sender-scoped referral id; it appears in URLs, so it is URL-safe. */
export const referralIdSchema = z.string().min(1).max(128).regex(URL_SAFE_ID, 'must be URL-safe');

const SHA256_HEX = /^[0-9a-f]{64}$/;
const MEDIA_TYPE = /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/i;

/**
 * An attachment. Its `url` is `/federation/v1/referrals/{id}/attachments/{sha256}` on the sender's
 * node (absolute or as a path), and must name the same hash.
 */
export const attachmentSchema = z
  .object({
    name: z.string().min(1).max(255),
    mediaType: z.string().regex(MEDIA_TYPE, 'must be a media type such as application/pdf'),
    sha256: z.string().regex(SHA256_HEX, 'must be 64 lowercase hex digits'),
    url: z
      .string()
      .min(1)
      .max(2000)
      .meta({ description: 'Ends with /attachments/<sha256> of this attachment (the same hash)' }),
  })
  .refine((attachment) => attachment.url.endsWith(`/attachments/${attachment.sha256}`), {
    path: ['url'],
    message: 'must end with /attachments/<sha256> of this attachment',
  });

/**
 * The person the referral is about. Strict on purpose: only these fields may cross to another
 * system, so a sender cannot pass further personal data by accident.
 */
export const referralSubjectSchema = z.strictObject({
  displayName: z.string().min(1).max(100),
  phone: z.string().min(3).max(32).optional(),
  idNumber: z.string().min(4).max(32).optional(),
  /** Groups that change how the case is handled, e.g. `elderly`, `disabled`, `migrant-worker`. */
  groups: z.array(z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be kebab-case')).max(20),
});

/** Who acts on the referral. */
export const referralActorSchema = z.object({
  name: z.string().min(1).max(100),
  role: z.string().min(1).max(100),
});

/** `POST /federation/v1/referrals`: the sender creates a referral at the receiver. */
export const referralCreateSchema = z.object({
  id: referralIdSchema,
  from: addressSchema,
  to: addressSchema,
  kind: referralKindSchema,
  subject: referralSubjectSchema,
  summary: z.string().min(1).max(2000),
  details: z.string().max(20_000).optional(),
  attachments: z.array(attachmentSchema).max(50),
  requestedBy: referralActorSchema.extend({ phone: z.string().min(3).max(32).optional() }),
  dueBy: z.iso.date(),
  createdAt: z.iso.datetime({ offset: true }),
});

/** A referral as created. */
export type ReferralCreate = z.infer<typeof referralCreateSchema>;

/** The receiver's `202` answer to a create. */
export const referralReceiptSchema = z.object({
  receipt: z.string().min(1).max(128),
  status: z.literal('received'),
});

/** A receipt. */
export type ReferralReceipt = z.infer<typeof referralReceiptSchema>;

/** The result of a completed (or failed) referral. */
export const referralOutcomeSchema = z.object({
  code: z.string().min(1).max(100),
  text: z.string().min(1).max(4000),
  documents: z.array(attachmentSchema).max(50).optional(),
});

const NEEDS_REASON: ReadonlySet<ReferralEventType> = new Set(['rejected', 'failed', 'cancelled']);

/** `POST /federation/v1/referrals/{id}/events`: a status change or a note. */
export const referralEventSchema = z
  .object({
    type: referralEventTypeSchema,
    at: z.iso.datetime({ offset: true }),
    by: referralActorSchema,
    reason: z.string().min(1).max(2000).optional(),
    outcome: referralOutcomeSchema.optional(),
  })
  .superRefine((event, ctx) => {
    if (NEEDS_REASON.has(event.type) && !event.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: `is required for a ${event.type} event` });
    }
    if (event.type === 'completed' && !event.outcome) {
      ctx.addIssue({ code: 'custom', path: ['outcome'], message: 'is required for a completed event' });
    }
    // The spec's event has no other text field: a note's text is its reason, and a note says something.
    if (event.type === 'note' && !event.reason?.trim()) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'is required for a note event (its text)' });
    }
  })
  // The same rules for JSON Schema (the OpenAPI document), which sees no refinement.
  // biome-ignore-start lint/suspicious/noThenProperty: JSON Schema's if/then, never awaited
  .meta({
    allOf: [
      {
        if: { required: ['type'], properties: { type: { enum: [...NEEDS_REASON] } } },
        then: { required: ['reason'] },
      },
      {
        if: { required: ['type'], properties: { type: { const: 'completed' } } },
        then: { required: ['outcome'] },
      },
      {
        if: { required: ['type'], properties: { type: { const: 'note' } } },
        then: { required: ['reason'], properties: { reason: { pattern: '\\S' } } },
      },
    ],
  });
// biome-ignore-end lint/suspicious/noThenProperty: JSON Schema's if/then, never awaited

/** A referral event. */
export type ReferralEvent = z.infer<typeof referralEventSchema>;

/** `GET /federation/v1/referrals/{id}`: the receiver's current view. */
export const referralViewSchema = z.object({
  id: referralIdSchema,
  status: referralStatusSchema,
  events: z.array(referralEventSchema),
});

/** The receiver's view of a referral. */
export type ReferralView = z.infer<typeof referralViewSchema>;

/** Statuses after which only notes may follow. */
export const TERMINAL_STATUSES: ReadonlySet<ReferralStatus> = new Set(
  referralStates.filter(isTerminalReferralState),
);

/**
 * The status after an event of the exchange, or `null` when the spec does not allow it (answer
 * `409` with the current status). A note never changes the status. `requested → received` is not
 * an event here: it happens when the receiver answers the create with its receipt.
 */
export function nextReferralStatus(current: ReferralStatus, event: ReferralEventType): ReferralStatus | null {
  if (event === 'note') return current;
  return referralTransitions[current].includes(event) ? event : null;
}

/** Which side of a referral may post each event type: the receiver reports progress, the sender cancels. */
export const EVENT_AUTHORS: Readonly<Record<ReferralEventType, readonly ReferralParty[]>> = {
  accepted: [referralEventParty.accepted],
  rejected: [referralEventParty.rejected],
  'in-progress': [referralEventParty['in-progress']],
  note: ['sender', 'receiver'],
  completed: [referralEventParty.completed],
  failed: [referralEventParty.failed],
  cancelled: [referralEventParty.cancelled],
};
