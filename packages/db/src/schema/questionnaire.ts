import { sql } from 'drizzle-orm';
import {
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { legalCase } from './case.ts';
import { organisation } from './organisation.ts';
import { staffMember } from './staff.ts';
import { tenantId, tenantIsolation } from './tenancy.ts';
import { tenant } from './tenant.ts';

export const QUESTION_KINDS = ['single', 'multiple', 'scale', 'text'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** One question as stored: options only for the choice kinds; a scale is always 1–5. */
export type Question = {
  id: string;
  kind: QuestionKind;
  text: string;
  required: boolean;
  options?: string[];
};

/** One answer as stored: the chosen option indexes, the scale point, or the text. */
export type Answer = { questionId: string; options?: number[]; scale?: number; text?: string };

/**
 * 问卷调查: a questionnaire of a unit. Its questions can change until its first round is sent
 * (`frozenAt`); after that it is frozen and a change is a new version (`previousId`), so every
 * answer stays attached to the exact questions the resident saw.
 */
export const questionnaire = pgTable(
  'questionnaire',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    title: text('title').notNull(),
    intro: text('intro').notNull().default(''),
    questions: jsonb('questions').$type<Question[]>().notNull(),
    version: integer('version').notNull().default(1),
    previousId: uuid('previous_id'),
    frozenAt: timestamp('frozen_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.organisationId],
      foreignColumns: [organisation.tenantId, organisation.id],
    }),
    foreignKey({ columns: [t.tenantId, t.previousId], foreignColumns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.createdBy],
      foreignColumns: [staffMember.tenantId, staffMember.id],
    }),
    index('questionnaire_organisation_idx').on(t.tenantId, t.organisationId),
    tenantIsolation('questionnaire'),
  ],
).enableRLS();

/**
 * One sending of a questionnaire: open from `opensOn` to `closesOn` (district days), to the
 * invited residents (one-time codes) and/or anyone with the public link (`publicToken`).
 */
export const questionnaireRound = pgTable(
  'questionnaire_round',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    questionnaireId: uuid('questionnaire_id').notNull(),
    opensOn: date('opens_on').notNull(),
    closesOn: date('closes_on').notNull(),
    /** The audience: residents of the cases closed at this unit (and below) in `audienceMonth`. */
    audienceOrganisationId: uuid('audience_organisation_id'),
    audienceMonth: text('audience_month'),
    invited: integer('invited').notNull().default(0),
    /** The anonymous public link's token, shown to staff to publish; null when there is none. */
    publicToken: text('public_token'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.questionnaireId],
      foreignColumns: [questionnaire.tenantId, questionnaire.id],
    }),
    foreignKey({
      columns: [t.tenantId, t.audienceOrganisationId],
      foreignColumns: [organisation.tenantId, organisation.id],
    }),
    foreignKey({
      columns: [t.tenantId, t.createdBy],
      foreignColumns: [staffMember.tenantId, staffMember.id],
    }),
    index('questionnaire_round_questionnaire_idx').on(t.tenantId, t.questionnaireId),
    check('questionnaire_round_dates', sql`${t.closesOn} >= ${t.opensOn}`),
    check('questionnaire_round_month_format', sql`${t.audienceMonth} ~ '^[0-9]{4}-[0-9]{2}$'`),
    tenantIsolation('questionnaire_round'),
  ],
).enableRLS();

export const QUESTIONNAIRE_ACCESS_KINDS = ['code', 'link'] as const;

/**
 * How the public answer page finds a round without a sign-in: a one-time code of an invited
 * resident (`code`, spent on use) or the round's public link (`link`, reusable, rate-limited).
 * A platform table like `rating_code`: the page learns the tenant from it. Only hashes are kept.
 */
export const questionnaireAccess = pgTable(
  'questionnaire_access',
  {
    codeHash: text('code_hash').primaryKey(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenant.id),
    roundId: uuid('round_id').notNull(),
    kind: text('kind', { enum: QUESTIONNAIRE_ACCESS_KINDS }).notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('questionnaire_access_round_idx').on(t.tenantId, t.roundId)],
);

/** One resident's submitted answers to a round, anonymous: nothing links it to the code used. */
export const questionnaireResponse = pgTable(
  'questionnaire_response',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    roundId: uuid('round_id').notNull(),
    via: text('via', { enum: QUESTIONNAIRE_ACCESS_KINDS }).notNull(),
    answers: jsonb('answers').$type<Answer[]>().notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.roundId],
      foreignColumns: [questionnaireRound.tenantId, questionnaireRound.id],
    }),
    index('questionnaire_response_round_idx').on(t.tenantId, t.roundId),
    tenantIsolation('questionnaire_response'),
  ],
).enableRLS();

/**
 * Who was invited to a round: each resident once, through one of their closed cases. The code
 * is not linked to the row, so a response cannot be traced back to the resident.
 */
export const questionnaireInvitation = pgTable(
  'questionnaire_invitation',
  {
    tenantId: tenantId(),
    roundId: uuid('round_id').notNull(),
    residentId: uuid('resident_id').notNull(),
    caseId: uuid('case_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.roundId, t.residentId] }),
    foreignKey({
      columns: [t.tenantId, t.roundId],
      foreignColumns: [questionnaireRound.tenantId, questionnaireRound.id],
    }),
    foreignKey({ columns: [t.tenantId, t.caseId], foreignColumns: [legalCase.tenantId, legalCase.id] }),
    unique('questionnaire_invitation_case_unique').on(t.tenantId, t.roundId, t.caseId),
    tenantIsolation('questionnaire_invitation'),
  ],
).enableRLS();
