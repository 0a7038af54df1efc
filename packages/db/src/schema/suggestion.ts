import { SUGGESTION_STATUSES, SUGGESTION_TOPICS } from '@linju/vocabulary';
import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenantId, tenantIsolation } from './tenancy.ts';

/**
 * One message left in the district's suggestion box (便民信箱) by a resident on the public site,
 * and the staff's answer. Anonymous unless the resident gave their verified phone to hear back:
 * then the phone is sealed, blind-indexed (their own list) and masked for staff. `public`: the
 * resident agreed that the question and its answer show on the site's answered list.
 */
export const suggestion = pgTable(
  'suggestion',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    topic: text('topic', { enum: SUGGESTION_TOPICS }).notNull(),
    body: text('body').notNull(),
    public: boolean('public').notNull().default(false),
    replyPhoneSealed: text('reply_phone_sealed'),
    replyPhoneIndex: text('reply_phone_index'),
    replyPhoneMasked: text('reply_phone_masked'),
    status: text('status', { enum: SUGGESTION_STATUSES }).notNull().default('open'),
    answer: text('answer'),
    answeredBy: uuid('answered_by'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('suggestion_created_idx').on(t.tenantId, t.createdAt),
    index('suggestion_reply_phone_idx').on(t.tenantId, t.replyPhoneIndex),
    check(
      'suggestion_answered',
      sql`(${t.status} = 'answered') = (${t.answer} is not null and ${t.answeredAt} is not null)`,
    ),
    tenantIsolation('suggestion'),
  ],
).enableRLS();
