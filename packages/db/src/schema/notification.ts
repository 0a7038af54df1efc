import {
  foreignKey,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { staffMember } from './staff.ts';
import { tenantId, tenantIsolation } from './tenancy.ts';

/**
 * An in-app notification (站内通知) to one staff member. The text is a message key with its
 * parameters, rendered in the reader's language; `dedupeKey` makes a sender's repeated run a
 * no-op (unique per recipient).
 */
export const notification = pgTable(
  'notification',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    recipientId: uuid('recipient_id').notNull(),
    /** What it is about, e.g. `case.due-soon`, `case.overdue`, `referral.escalated`, `sweep.ready`. */
    kind: text('kind').notNull(),
    caseId: uuid('case_id'),
    referralId: uuid('referral_id'),
    messageKey: text('message_key').notNull(),
    params: jsonb('params').$type<Record<string, string | number>>().notNull().default({}),
    dedupeKey: text('dedupe_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.recipientId],
      foreignColumns: [staffMember.tenantId, staffMember.id],
    }),
    index('notification_recipient_idx').on(t.tenantId, t.recipientId, t.createdAt),
    uniqueIndex('notification_dedupe_unique').on(t.tenantId, t.recipientId, t.dedupeKey),
    tenantIsolation('notification'),
  ],
).enableRLS();
