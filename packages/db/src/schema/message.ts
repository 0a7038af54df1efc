import { MESSAGE_CHANNELS, MESSAGE_STATUSES } from '@linju/vocabulary';
import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { legalCase } from './case.ts';
import { tenantId, tenantIsolation } from './tenancy.ts';

/**
 * One outbound message (the outbox): written in the transaction of the change it reports, so it
 * exists exactly when that change committed, and sent afterwards by the worker. The recipient
 * and the parameters are sealed (a phone number; a rating code or a one-time link is a secret);
 * lists show `recipientMasked` only.
 */
export const outboundMessage = pgTable(
  'outbound_message',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    channel: text('channel', { enum: MESSAGE_CHANNELS }).notNull(),
    /** One of `MESSAGE_TEMPLATES` (`@linju/vocabulary`). */
    templateKey: text('template_key').notNull(),
    recipientSealed: text('recipient_sealed').notNull(),
    /** e.g. `138****8000`: what the sent-messages page shows. */
    recipientMasked: text('recipient_masked').notNull(),
    /** The template's parameters as JSON, sealed. */
    paramsSealed: text('params_sealed').notNull(),
    status: text('status', { enum: MESSAGE_STATUSES }).notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    /** When the worker may take it (again); while `sending`, when its claim lapses. */
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    /** The adapter that sent it (`aliyun-sms`, `log`…), for reading its provider message id. */
    provider: text('provider'),
    providerMessageId: text('provider_message_id'),
    /** The provider's code and text of the last failure; never personal data. */
    lastError: text('last_error'),
    caseId: uuid('case_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.caseId], foreignColumns: [legalCase.tenantId, legalCase.id] }),
    index('outbound_message_due_idx').on(t.tenantId, t.status, t.nextAttemptAt),
    index('outbound_message_created_idx').on(t.tenantId, t.createdAt),
    index('outbound_message_case_idx').on(t.tenantId, t.caseId),
    check('outbound_message_attempts', sql`${t.attempts} >= 0`),
    tenantIsolation('outbound_message'),
  ],
).enableRLS();

/**
 * How a district sends on one channel: the adapter, its settings (sign name, region, the SMS
 * template ids registered for each of our templates…) and its credentials, sealed. No row for a
 * channel: its messages wait queued until one is set.
 */
export const messageProvider = pgTable(
  'message_provider',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    channel: text('channel', { enum: MESSAGE_CHANNELS }).notNull(),
    /** One of `MESSAGE_PROVIDERS[channel]`. */
    provider: text('provider').notNull(),
    settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
    /** The adapter's secrets as JSON (access keys, SMTP password, robot key and secret), sealed. */
    credentialsSealed: text('credentials_sealed').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('message_provider_channel_idx').on(t.tenantId, t.channel),
    tenantIsolation('message_provider'),
  ],
).enableRLS();
