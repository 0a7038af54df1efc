import { ACTIVITY_MEASURES } from '@linju/vocabulary';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { bytea } from './bytea.ts';
import { tenantId, tenantIsolation } from './tenancy.ts';

/**
 * What one case currently counts for in the roll-ups: its months and units per measure. A case
 * change is applied as the difference between this row and the case's new state, so the roll-ups
 * stay right without ever rescanning the cases (see `packages/core/src/statistics/README.md`).
 */
export const caseTally = pgTable(
  'case_tally',
  {
    tenantId: tenantId(),
    caseId: uuid('case_id').notNull(),
    /** Counted where the matter was received (the front desk's workload)… */
    receivedOrganisationId: uuid('received_organisation_id').notNull(),
    /** …and its outcomes where it is held (the unit that resolves it). */
    outcomeOrganisationId: uuid('outcome_organisation_id').notNull(),
    serviceType: text('service_type').notNull(),
    channel: text('channel').notNull(),
    /** '' while triage has not set one. */
    category: text('category').notNull(),
    keyGroups: text('key_groups').array().notNull(),
    receivedMonth: date('received_month').notNull(),
    resolvedMonth: date('resolved_month'),
    resolutionSeconds: bigint('resolution_seconds', { mode: 'number' }),
    onTime: boolean('on_time'),
    closedMonth: date('closed_month'),
    endedMonth: date('ended_month'),
    feedbackMonth: date('feedback_month'),
    ratedMonth: date('rated_month'),
    score: smallint('score'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.caseId] }), tenantIsolation('case_tally')],
).enableRLS();

/** Roll-up rows of the whole district carry this instead of an organisation id. */
export const DISTRICT_WIDE = '00000000-0000-0000-0000-000000000000';
/** Roll-up rows over every service carry this as their service. */
export const ALL_SERVICES = '*';
/** `service` rows exist under `ALL_SERVICES` only: the per-service figures of a unit, in one range. */
export const ROLLUP_DIMENSIONS = ['all', 'channel', 'category', 'key-group', 'service'] as const;
export type RollupDimension = (typeof ROLLUP_DIMENSIONS)[number];

/** A roll-up row's key and measures: the folded rows' and the pending changes' alike. */
const rollupKeyAndMeasures = () => ({
  /** An organisation of the tree, or `DISTRICT_WIDE`: no foreign key, figures outlive units. */
  organisationId: uuid('organisation_id').notNull(),
  serviceType: text('service_type').notNull(),
  month: date('month').notNull(),
  dimension: text('dimension', { enum: ROLLUP_DIMENSIONS }).notNull(),
  /** The channel, `service:category`, key group or service; '' for `all`. */
  value: text('value').notNull(),
  received: integer('received').notNull().default(0),
  resolved: integer('resolved').notNull().default(0),
  resolvedOnTime: integer('resolved_on_time').notNull().default(0),
  resolutionSeconds: bigint('resolution_seconds', { mode: 'number' }).notNull().default(0),
  closed: integer('closed').notNull().default(0),
  ended: integer('ended').notNull().default(0),
  feedback: integer('feedback').notNull().default(0),
  rated: integer('rated').notNull().default(0),
  scoreSum: integer('score_sum').notNull().default(0),
  satisfied: integer('satisfied').notNull().default(0),
});

/**
 * Case figures per month, unit (or the whole district) and service (or every service), broken
 * down along one dimension at a time. The case changes append theirs to `case_rollup_pending`, which
 * the worker folds in here.
 */
export const caseRollup = pgTable(
  'case_rollup',
  {
    tenantId: tenantId(),
    ...rollupKeyAndMeasures(),
  },
  (t) => [
    primaryKey({
      // Dimension before month: a breakdown over a period is one contiguous index range per unit.
      columns: [t.tenantId, t.organisationId, t.serviceType, t.dimension, t.month, t.value],
    }),
    tenantIsolation('case_rollup'),
  ],
).enableRLS();

/**
 * Roll-up changes not folded into `case_rollup` yet: a case change appends its rows here (never
 * two writers on one row, so intakes of a district do not queue on its busy roll-up rows), and the
 * worker folds them in as they commit (`foldCaseRollups`). A reader adds what is here to what is
 * folded, in the same statement: the figures are exact whenever the worker last ran.
 */
export const caseRollupPending = pgTable(
  'case_rollup_pending',
  {
    tenantId: tenantId(),
    /** A row's own key (the table is distributed by district like every other, `(tenant_id, id)`). */
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity(),
    ...rollupKeyAndMeasures(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    // The readers' ranges, as `case_rollup`'s key (a queue table: rows live for a moment).
    index('case_rollup_pending_range_idx').on(
      t.tenantId,
      t.organisationId,
      t.serviceType,
      t.dimension,
      t.month,
    ),
    tenantIsolation('case_rollup_pending'),
  ],
).enableRLS();

// What the service counts besides cases: the vocabulary's measures.
export { ACTIVITY_MEASURES, type ActivityMeasure } from '@linju/vocabulary';

/**
 * Roll-ups of the service's other work per month and unit (or `DISTRICT_WIDE`), kept by the
 * changes themselves in their transaction, like `case_rollup`: never a scan to read a figure.
 */
export const activityRollup = pgTable(
  'activity_rollup',
  {
    tenantId: tenantId(),
    organisationId: uuid('organisation_id').notNull(),
    measure: text('measure', { enum: ACTIVITY_MEASURES }).notNull(),
    month: date('month').notNull(),
    /** The partner kind, consultation channel or event type. */
    value: text('value').notNull(),
    count: integer('count').notNull().default(0),
    /** Seconds of turnaround, minutes of consultation, people attending. */
    amount: bigint('amount', { mode: 'number' }).notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.organisationId, t.measure, t.month, t.value] }),
    tenantIsolation('activity_rollup'),
  ],
).enableRLS();

export const REPORT_PERIODS = ['month', 'quarter', 'year'] as const;
export type ReportPeriod = (typeof REPORT_PERIODS)[number];
export const REPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;

/** A monthly/quarterly/yearly statistics report, generated in the background. */
export const statisticsReport = pgTable(
  'statistics_report',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    period: text('period', { enum: REPORT_PERIODS }).notNull(),
    /** First day of the period. */
    startsOn: date('starts_on').notNull(),
    /** The unit whose subtree it covers; null for the whole district. */
    organisationId: uuid('organisation_id'),
    status: text('status', { enum: REPORT_STATUSES }).notNull().default('queued'),
    /** 0–100. */
    progress: smallint('progress').notNull().default(0),
    error: text('error'),
    fileName: text('file_name'),
    /** The workbook (XLSX). */
    content: bytea('content'),
    /** The same figures as a printable PDF with charts (`file_name` with `.pdf`). */
    pdfContent: bytea('pdf_content'),
    requestedBy: uuid('requested_by'),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('statistics_report_requested_idx').on(t.tenantId, t.requestedAt),
    check('statistics_report_progress', sql`${t.progress} between 0 and 100`),
    tenantIsolation('statistics_report'),
  ],
).enableRLS();

/**
 * A district's monthly statistics as a city bureau received them: a signed statistics message
 * from a pinned peer, verified, kept as it came (figures only, no personal data).
 */
export const districtStatistics = pgTable(
  'district_statistics',
  {
    tenantId: tenantId(),
    /** The sending district's GB/T 2260 division code. */
    divisionCode: text('division_code').notNull(),
    month: date('month').notNull(),
    districtName: text('district_name').notNull(),
    /** The node that signed it (the peer's node id) and its key id. */
    nodeId: text('node_id').notNull(),
    keyId: text('key_id').notNull(),
    figures: jsonb('figures').$type<Record<string, unknown>>().notNull(),
    digest: text('digest').notNull(),
    /**
     * The district's revision of this month (message version 2; 0 for a version-1 message): a
     * higher revision replaces the figures, a lower one is refused as stale.
     */
    revision: integer('revision').notNull().default(0),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.divisionCode, t.month] }),
    tenantIsolation('district_statistics'),
  ],
).enableRLS();

/**
 * Which city bureau a district reports its monthly statistics to: an address `<slug>@<nodeId>` of
 * the referral exchange (this node's id for a city tenant on the same deployment). One row per
 * district; no row, no sending.
 */
export const cityStatisticsSetting = pgTable(
  'city_statistics_setting',
  {
    tenantId: tenantId(),
    cityNodeId: text('city_node_id').notNull(),
    /** The city bureau tenant on that node (its slug). */
    cityTenant: text('city_tenant').notNull(),
    /** Day of the month (local time) on which last month is sent. */
    sendDay: smallint('send_day').notNull().default(3),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId] }),
    check('city_statistics_setting_send_day', sql`${t.sendDay} between 1 and 28`),
    tenantIsolation('city_statistics_setting'),
  ],
).enableRLS();

export const CITY_SEND_STATUSES = ['pending', 'delivered', 'refused', 'failed'] as const;
export type CitySendStatus = (typeof CITY_SEND_STATUSES)[number];

/**
 * One sending of a month's statistics to the city: the message exactly as signed (counts only),
 * its revision (1, 2… per month: a re-send is a new revision), where it went and how it ended.
 * Retries of one sending keep its idempotency key and body.
 */
export const cityStatisticsSend = pgTable(
  'city_statistics_send',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    month: date('month').notNull(),
    revision: integer('revision').notNull(),
    /** `<division>:<month>:<revision>`, the request's `Linju-Idempotency-Key`. */
    idempotencyKey: text('idempotency_key').notNull(),
    cityNodeId: text('city_node_id').notNull(),
    cityTenant: text('city_tenant').notNull(),
    message: jsonb('message').$type<Record<string, unknown>>().notNull(),
    trigger: text('trigger', { enum: ['schedule', 'manual'] }).notNull(),
    /** What started it: the schedule's workflow id, or the request; one sending per request. */
    requestKey: text('request_key').notNull(),
    status: text('status', { enum: CITY_SEND_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastStatus: integer('last_status'),
    lastError: text('last_error'),
    /** The city's 2xx answer (its receipt). */
    receipt: jsonb('receipt').$type<Record<string, unknown>>(),
    requestedBy: uuid('requested_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('city_statistics_send_revision_idx').on(t.tenantId, t.month, t.revision),
    uniqueIndex('city_statistics_send_request_idx').on(t.tenantId, t.requestKey),
    index('city_statistics_send_created_idx').on(t.tenantId, t.createdAt),
    tenantIsolation('city_statistics_send'),
  ],
).enableRLS();
