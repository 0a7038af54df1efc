import { index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenantId, tenantIsolation } from './tenancy.ts';

/**
 * A form's one submission (its per-render key, and which call of the submission's request this
 * was): written in the transaction of the change it made, with that change's answer sealed, so a
 * second post of the same form (a double click, a replayed request) gets the first answer instead
 * of doing it again. Kept until `expires_at`; past it the key starts afresh.
 */
export const formSubmission = pgTable(
  'form_submission',
  {
    tenantId: tenantId(),
    /** The row's own id (what key rotation addresses); the key is `submission_key`. */
    id: uuid('id').notNull().defaultRandom(),
    /** `<the form's key>#<n>`: the n-th change made while answering that post. */
    submissionKey: text('submission_key').notNull(),
    /** The procedure that made the change (`case.create`): a key is refused for another. */
    procedure: text('procedure').notNull(),
    /** Who submitted: the key is refused to anyone else. */
    staffMemberId: uuid('staff_member_id').notNull(),
    /** The procedure's answer as JSON, sealed (it may name a resident). */
    answerSealed: text('answer_sealed').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('form_submission_key_idx').on(t.tenantId, t.submissionKey),
    index('form_submission_expires_idx').on(t.tenantId, t.staffMemberId, t.expiresAt),
    tenantIsolation('form_submission'),
  ],
).enableRLS();
