import {
  CASE_CHANNELS,
  CASE_EVENT_KINDS,
  CASE_LINK_KINDS,
  CASE_STATUSES,
  CASE_URGENCIES,
  CONTACT_PREFERENCES,
  PARTY_KINDS,
  PARTY_ROLES,
} from '@linju/vocabulary';
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisation } from './organisation.ts';
import { resident } from './resident.ts';
import { staffMember } from './staff.ts';
import { tenantId, tenantIsolation } from './tenancy.ts';
import { tsvector } from './tsvector.ts';

export {
  CASE_CHANNELS,
  CASE_EVENT_KINDS,
  CASE_LINK_KINDS,
  CASE_STATUSES,
  CASE_URGENCIES,
  type CaseChannel,
  type CaseEventKind,
  type CaseLinkKind,
  type CaseStatus,
  type CaseUrgency,
  PARTY_KINDS,
  PARTY_ROLES,
  PASSED_ON_LINK_KINDS,
  type PartyKind,
  type PartyRole,
} from '@linju/vocabulary';

/** A plugin id, or this while triage has not decided. */
export const UNDECIDED_SERVICE = 'undecided';

/** Per-tenant case settings; a tenant without a row gets the defaults. */
export const caseSetting = pgTable(
  'case_setting',
  {
    tenantId: tenantId().primaryKey(),
    /** Case numbers read `<prefix>-<year>-<000123>`, e.g. XH-2026-000123. */
    numberPrefix: text('number_prefix').notNull(),
    /** When set, a case cannot close before a satisfaction rating is recorded. */
    requireSatisfactionToClose: boolean('require_satisfaction_to_close').notNull().default(false),
    /** "Due soon" means due within this many working days. */
    dueSoonWorkingDays: integer('due_soon_working_days').notNull().default(2),
    /** The time limit of a case whose service and category have no `time_limit` row. */
    defaultWorkingDays: integer('default_working_days').notNull().default(15),
  },
  (t) => [
    check('case_setting_prefix_format', sql`${t.numberPrefix} ~ '^[A-Z]{1,6}$'`),
    tenantIsolation('case_setting'),
  ],
).enableRLS();

/** The per-tenant yearly counter behind case numbers: one row per year, bumped under a row lock. */
export const caseCounter = pgTable(
  'case_counter',
  {
    tenantId: tenantId(),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.year] }), tenantIsolation('case_counter')],
).enableRLS();

/** 限时办结: the limit in working days for a service type and category (`*` for every category). */
export const timeLimit = pgTable(
  'time_limit',
  {
    tenantId: tenantId(),
    serviceType: text('service_type').notNull(),
    category: text('category').notNull(),
    workingDays: integer('working_days').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.serviceType, t.category] }),
    check('time_limit_positive', sql`${t.workingDays} between 1 and 365`),
    tenantIsolation('time_limit'),
  ],
).enableRLS();

/**
 * A matter a resident brought (事项/案件). The table is `case` (the glossary's name); the export is
 * `legalCase` only because `case` is a keyword in TypeScript.
 */
export const legalCase = pgTable(
  'case',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    number: text('number').notNull(),
    channel: text('channel', { enum: CASE_CHANNELS }).notNull(),
    /** The hotline's own order number (12345 工单号), the key that makes imports idempotent. */
    externalRef: text('external_ref'),
    serviceType: text('service_type').notNull().default(UNDECIDED_SERVICE),
    category: text('category'),
    description: text('description').notNull(),
    /** The service's intake form as filled in, validated by that service's own schema. */
    form: jsonb('form').$type<Record<string, unknown>>().notNull().default({}),
    urgency: text('urgency', { enum: CASE_URGENCIES }).notNull().default('normal'),
    residentId: uuid('resident_id').notNull(),
    receivedAtOrganisationId: uuid('received_at_organisation_id').notNull(),
    currentOrganisationId: uuid('current_organisation_id').notNull(),
    assigneeId: uuid('assignee_id'),
    /** 首问责任人: accountable until the resident has heard the result, whoever does the work. */
    firstResponderId: uuid('first_responder_id'),
    status: text('status', { enum: CASE_STATUSES }).notNull().default('received'),
    /** Why it was withdrawn or rejected. */
    statusReason: text('status_reason'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    /** The time limit in working days and the working day the clock started on. */
    limitWorkingDays: integer('limit_working_days').notNull(),
    clockStartedOn: date('clock_started_on').notNull(),
    /** Working days spent waiting for the resident, added to the limit. */
    pausedWorkingDays: integer('paused_working_days').notNull().default(0),
    /** Set while waiting for the resident: the clock is stopped. */
    pausedSince: date('paused_since'),
    /** Recomputed whenever the clock changes; null while paused or once resolved. */
    dueOn: date('due_on'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    feedbackAt: timestamp('feedback_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * The description's words for search by text (`caseTextTerms` in core). Null for a case
     * written by a release before them, until the upgrade step fills it in.
     */
    searchTerms: tsvector('search_terms'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('case_number_unique').on(t.tenantId, t.number),
    unique('case_external_ref_unique').on(t.tenantId, t.channel, t.externalRef),
    foreignKey({ columns: [t.tenantId, t.residentId], foreignColumns: [resident.tenantId, resident.id] }),
    foreignKey({
      columns: [t.tenantId, t.receivedAtOrganisationId],
      foreignColumns: [organisation.tenantId, organisation.id],
    }),
    foreignKey({
      columns: [t.tenantId, t.currentOrganisationId],
      foreignColumns: [organisation.tenantId, organisation.id],
    }),
    foreignKey({
      columns: [t.tenantId, t.assigneeId],
      foreignColumns: [staffMember.tenantId, staffMember.id],
    }),
    foreignKey({
      columns: [t.tenantId, t.firstResponderId],
      foreignColumns: [staffMember.tenantId, staffMember.id],
    }),
    index('case_current_org_idx').on(t.tenantId, t.currentOrganisationId, t.status),
    index('case_assignee_idx').on(t.tenantId, t.assigneeId, t.status),
    index('case_first_responder_idx').on(t.tenantId, t.firstResponderId, t.status),
    index('case_resident_idx').on(t.tenantId, t.residentId),
    index('case_due_idx').on(t.tenantId, t.dueOn).where(sql`${t.dueOn} is not null`),
    index('case_received_idx').on(t.tenantId, t.receivedAt, t.id),
    // The queues of open cases, each in the order it shows them (and its cursor continues), so a
    // page stops reading after its rows. The status list is the one `findCases` writes out.
    index('case_open_assignee_idx')
      .on(t.tenantId, t.assigneeId, t.receivedAt, t.id)
      .where(sql`${t.status} in ('received', 'triaged', 'in-progress')`),
    // The unit queue (all open cases of the units in view) newest first, and the queues of the
    // first responder and of cases awaiting the resident's feedback likewise.
    index('case_open_received_idx')
      .on(t.tenantId, t.receivedAt, t.id)
      .where(sql`${t.status} in ('received', 'triaged', 'in-progress')`),
    index('case_first_responder_received_idx')
      .on(t.tenantId, t.firstResponderId, t.receivedAt, t.id)
      .where(sql`${t.status} in ('received', 'triaged', 'in-progress', 'resolved')`),
    index('case_resolved_received_idx')
      .on(t.tenantId, t.receivedAt, t.id)
      .where(sql`${t.status} = 'resolved'`),
    index('case_open_due_idx')
      .on(t.tenantId, t.dueOn, t.id)
      .where(
        sql`${t.status} in ('received', 'triaged', 'in-progress') and ${t.pausedSince} is null and ${t.dueOn} is not null`,
      ),
    // Tenant first (btree_gin): a search reads its own district's matches, not every district's.
    index('case_description_trgm_idx').using('gin', t.tenantId, t.description.op('gin_trgm_ops')),
    // Part of a number (the last digits, the year and sequence), the same way.
    index('case_number_trgm_idx').using('gin', t.tenantId, t.number.op('gin_trgm_ops')),
    // Words of the description (Chinese text search), tenant first like the trigram indexes.
    index('case_search_terms_idx').using('gin', t.tenantId, t.searchTerms),
    // Cases not yet given their words (written by the previous release): a search reads them too.
    index('case_search_terms_missing_idx')
      .on(t.tenantId, t.receivedAt, t.id)
      .where(sql`${t.searchTerms} is null`),
    check('case_limit_positive', sql`${t.limitWorkingDays} > 0`),
    check(
      'case_reason_when_ended',
      sql`${t.status} not in ('withdrawn', 'rejected') or ${t.statusReason} is not null`,
    ),
    tenantIsolation('case'),
  ],
).enableRLS();

/** Everyone who has been assigned the case: the basis of the conflict check. */
export const caseHandler = pgTable(
  'case_handler',
  {
    tenantId: tenantId(),
    caseId: uuid('case_id').notNull(),
    staffMemberId: uuid('staff_member_id').notNull(),
    since: timestamp('since', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.caseId, t.staffMemberId] }),
    foreignKey({ columns: [t.tenantId, t.caseId], foreignColumns: [legalCase.tenantId, legalCase.id] }),
    foreignKey({
      columns: [t.tenantId, t.staffMemberId],
      foreignColumns: [staffMember.tenantId, staffMember.id],
    }),
    index('case_handler_staff_idx').on(t.tenantId, t.staffMemberId),
    tenantIsolation('case_handler'),
  ],
).enableRLS();

/** The case's timeline: append-only (the app role may insert and read, never change or delete). */
export const caseEvent = pgTable(
  'case_event',
  {
    tenantId: tenantId(),
    caseId: uuid('case_id').notNull(),
    seq: integer('seq').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    kind: text('kind', { enum: CASE_EVENT_KINDS }).notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    /** Free text of a note, a reason, a summary. */
    text: text('text'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.caseId, t.seq] }),
    foreignKey({ columns: [t.tenantId, t.caseId], foreignColumns: [legalCase.tenantId, legalCase.id] }),
    tenantIsolation('case_event'),
  ],
).enableRLS();

/**
 * People and organisations on the case besides the resident, above all the adverse parties the
 * conflict check looks for. `identityKey` is the blind index of a person's ID number, else
 * `code:<统一社会信用代码>` for an organisation with one, else `name:<name>`. ID number, phone and
 * address are sealed, with masked forms for pages; the credit code is a public registration.
 */
export const caseParty = pgTable(
  'case_party',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    caseId: uuid('case_id').notNull(),
    role: text('role', { enum: PARTY_ROLES }).notNull(),
    kind: text('kind', { enum: PARTY_KINDS }).notNull().default('person'),
    name: text('name').notNull(),
    idNumberEncrypted: text('id_number_encrypted'),
    idNumberMasked: text('id_number_masked'),
    creditCode: text('credit_code'),
    identityKey: text('identity_key').notNull(),
    phoneEncrypted: text('phone_encrypted'),
    phoneMasked: text('phone_masked'),
    addressEncrypted: text('address_encrypted'),
    addressMasked: text('address_masked'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.caseId], foreignColumns: [legalCase.tenantId, legalCase.id] }),
    index('case_party_case_idx').on(t.tenantId, t.caseId),
    index('case_party_identity_idx').on(t.tenantId, t.identityKey),
    check(
      'case_party_role_known',
      sql`${t.role} in ('adverse', 'co-applicant', 'third-party', 'agent', 'other')`,
    ),
    check('case_party_kind_known', sql`${t.kind} in ('person', 'organisation')`),
    // A person has an ID number, an organisation a credit code; never the other's.
    check(
      'case_party_identity_of_kind',
      sql`(${t.kind} = 'person' and ${t.creditCode} is null) or (${t.kind} = 'organisation' and ${t.idNumberEncrypted} is null)`,
    ),
    tenantIsolation('case_party'),
  ],
).enableRLS();

/** A link of a chain (链条式): `from` led to `to`. The chain is the connected component. */
export const caseLink = pgTable(
  'case_link',
  {
    tenantId: tenantId(),
    fromCaseId: uuid('from_case_id').notNull(),
    toCaseId: uuid('to_case_id').notNull(),
    kind: text('kind', { enum: CASE_LINK_KINDS }).notNull(),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.fromCaseId, t.toCaseId] }),
    foreignKey({
      columns: [t.tenantId, t.fromCaseId],
      foreignColumns: [legalCase.tenantId, legalCase.id],
    }),
    foreignKey({ columns: [t.tenantId, t.toCaseId], foreignColumns: [legalCase.tenantId, legalCase.id] }),
    index('case_link_to_idx').on(t.tenantId, t.toCaseId),
    check('case_link_not_self', sql`${t.fromCaseId} <> ${t.toCaseId}`),
    tenantIsolation('case_link'),
  ],
).enableRLS();

/** 联合咨询: a case conference bringing several services together on one case. */
export const jointConsultation = pgTable(
  'joint_consultation',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    caseId: uuid('case_id').notNull(),
    heldAt: timestamp('held_at', { withTimezone: true }).notNull(),
    services: text('services').array().notNull(),
    notes: text('notes').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.caseId], foreignColumns: [legalCase.tenantId, legalCase.id] }),
    index('joint_consultation_case_idx').on(t.tenantId, t.caseId),
    tenantIsolation('joint_consultation'),
  ],
).enableRLS();

/** Who attended: a staff member of the tenant, or someone from outside known by name. */
export const jointConsultationAttendee = pgTable(
  'joint_consultation_attendee',
  {
    tenantId: tenantId(),
    consultationId: uuid('consultation_id').notNull(),
    position: smallint('position').notNull(),
    staffMemberId: uuid('staff_member_id'),
    name: text('name').notNull(),
    capacity: text('capacity'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.consultationId, t.position] }),
    foreignKey({
      columns: [t.tenantId, t.consultationId],
      foreignColumns: [jointConsultation.tenantId, jointConsultation.id],
    }),
    foreignKey({
      columns: [t.tenantId, t.staffMemberId],
      foreignColumns: [staffMember.tenantId, staffMember.id],
    }),
    tenantIsolation('joint_consultation_attendee'),
  ],
).enableRLS();

/** A file attached to a case; the bytes live in the file store under `storageKey`. */
export const caseDocument = pgTable(
  'case_document',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    caseId: uuid('case_id').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    uploadedBy: uuid('uploaded_by'),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.caseId], foreignColumns: [legalCase.tenantId, legalCase.id] }),
    index('case_document_case_idx').on(t.tenantId, t.caseId),
    check('case_document_size', sql`${t.sizeBytes} > 0`),
    tenantIsolation('case_document'),
  ],
).enableRLS();

/** 信息反馈: how and when the resident was told the result. */
export const residentFeedback = pgTable(
  'resident_feedback',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    caseId: uuid('case_id').notNull(),
    method: text('method', { enum: CONTACT_PREFERENCES }).notNull(),
    toldAt: timestamp('told_at', { withTimezone: true }).notNull(),
    summary: text('summary').notNull(),
    recordedBy: uuid('recorded_by'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.caseId], foreignColumns: [legalCase.tenantId, legalCase.id] }),
    index('resident_feedback_case_idx').on(t.tenantId, t.caseId),
    tenantIsolation('resident_feedback'),
  ],
).enableRLS();

/** 满意度测评: one rating per case, 1–5 with a comment, entered by staff or by the resident. */
export const satisfaction = pgTable(
  'satisfaction',
  {
    tenantId: tenantId(),
    caseId: uuid('case_id').notNull(),
    score: smallint('score').notNull(),
    comment: text('comment'),
    source: text('source', { enum: ['staff', 'resident-code'] }).notNull(),
    recordedBy: uuid('recorded_by'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.caseId] }),
    foreignKey({ columns: [t.tenantId, t.caseId], foreignColumns: [legalCase.tenantId, legalCase.id] }),
    check('satisfaction_score_range', sql`${t.score} between 1 and 5`),
    tenantIsolation('satisfaction'),
  ],
).enableRLS();
