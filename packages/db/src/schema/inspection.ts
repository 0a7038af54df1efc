import { sql } from 'drizzle-orm';
import {
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisation } from './organisation.ts';
import { staffMember } from './staff.ts';
import { tenantId, tenantIsolation } from './tenancy.ts';

/** One scored line of an inspection checklist; `id` is stable within a version. */
export type ChecklistItem = { id: string; text: string; maxScore: number };
export type ChecklistSection = { title: string; items: ChecklistItem[] };

/**
 * 检查组评议: one version of the district's inspection checklist. Versions are never changed:
 * editing the checklist adds a version, and an inspection keeps the version it was scored on.
 */
export const inspectionChecklist = pgTable(
  'inspection_checklist',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    /** 1, 2, 3… per district; the highest is the one new inspections use. */
    version: integer('version').notNull(),
    title: text('title').notNull(),
    sections: jsonb('sections').$type<ChecklistSection[]>().notNull(),
    /** The sum of the items' maximum scores. */
    maxScore: numeric('max_score', { precision: 7, scale: 1, mode: 'number' }).notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('inspection_checklist_version').on(t.tenantId, t.version),
    check('inspection_checklist_version_positive', sql`${t.version} > 0`),
    tenantIsolation('inspection_checklist'),
  ],
).enableRLS();

/** An inspection team's visit to a service point, scored on one checklist version. */
export const inspection = pgTable(
  'inspection',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    checklistId: uuid('checklist_id').notNull(),
    inspectedOn: date('inspected_on').notNull(),
    /** `YYYY-Qn` of `inspectedOn`: lists and scorecards are per quarter. */
    quarter: text('quarter').notNull(),
    /** Staff members with the inspector role who made up the team. */
    inspectorIds: uuid('inspector_ids').array().notNull(),
    findings: text('findings').notNull().default(''),
    totalScore: numeric('total_score', { precision: 7, scale: 1, mode: 'number' }).notNull(),
    maxScore: numeric('max_score', { precision: 7, scale: 1, mode: 'number' }).notNull(),
    recordedBy: uuid('recorded_by'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.organisationId],
      foreignColumns: [organisation.tenantId, organisation.id],
    }),
    foreignKey({
      columns: [t.tenantId, t.checklistId],
      foreignColumns: [inspectionChecklist.tenantId, inspectionChecklist.id],
    }),
    index('inspection_quarter_idx').on(t.tenantId, t.quarter, t.organisationId),
    index('inspection_unit_idx').on(t.tenantId, t.organisationId, t.inspectedOn),
    /** The list pages by (day, id), newest first. */
    index('inspection_day_idx').on(t.tenantId, t.inspectedOn, t.id),
    check('inspection_score_bounds', sql`${t.totalScore} >= 0 and ${t.totalScore} <= ${t.maxScore}`),
    tenantIsolation('inspection'),
  ],
).enableRLS();

/** The score an inspection gave one checklist item, with the inspectors' remark. */
export const inspectionScore = pgTable(
  'inspection_score',
  {
    tenantId: tenantId(),
    inspectionId: uuid('inspection_id').notNull(),
    itemId: text('item_id').notNull(),
    score: numeric('score', { precision: 6, scale: 1, mode: 'number' }).notNull(),
    maxScore: numeric('max_score', { precision: 6, scale: 1, mode: 'number' }).notNull(),
    remark: text('remark').notNull().default(''),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.inspectionId, t.itemId] }),
    foreignKey({
      columns: [t.tenantId, t.inspectionId],
      foreignColumns: [inspection.tenantId, inspection.id],
    }),
    check('inspection_score_item_bounds', sql`${t.score} >= 0 and ${t.score} <= ${t.maxScore}`),
    tenantIsolation('inspection_score'),
  ],
).enableRLS();

/** 整改: a rectification item an inspection set the service point, due by a date. */
export const inspectionRectification = pgTable(
  'inspection_rectification',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    inspectionId: uuid('inspection_id').notNull(),
    description: text('description').notNull(),
    dueOn: date('due_on').notNull(),
    doneAt: timestamp('done_at', { withTimezone: true }),
    doneBy: uuid('done_by'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.inspectionId],
      foreignColumns: [inspection.tenantId, inspection.id],
    }),
    foreignKey({
      columns: [t.tenantId, t.doneBy],
      foreignColumns: [staffMember.tenantId, staffMember.id],
    }),
    index('inspection_rectification_inspection_idx').on(t.tenantId, t.inspectionId),
    tenantIsolation('inspection_rectification'),
  ],
).enableRLS();

/**
 * The district's scorecard weights (basic duties, outcomes, satisfaction), in points out of 100,
 * and its satisfaction grading: the satisfied share (per cent) from which grades A, B and C are
 * reached, and the points each grade earns (D is below C). One row per district; without one the
 * defaults of `packages/core/src/inspections` apply.
 */
export const scorecardSetting = pgTable(
  'scorecard_setting',
  {
    tenantId: tenantId(),
    basicWeight: integer('basic_weight').notNull(),
    outcomeWeight: integer('outcome_weight').notNull(),
    satisfactionWeight: integer('satisfaction_weight').notNull(),
    gradeAFrom: numeric('grade_a_from', { precision: 4, scale: 1, mode: 'number' }).notNull(),
    gradeAPoints: numeric('grade_a_points', { precision: 5, scale: 2, mode: 'number' }).notNull(),
    gradeBFrom: numeric('grade_b_from', { precision: 4, scale: 1, mode: 'number' }).notNull(),
    gradeBPoints: numeric('grade_b_points', { precision: 5, scale: 2, mode: 'number' }).notNull(),
    gradeCFrom: numeric('grade_c_from', { precision: 4, scale: 1, mode: 'number' }).notNull(),
    gradeCPoints: numeric('grade_c_points', { precision: 5, scale: 2, mode: 'number' }).notNull(),
    gradeDPoints: numeric('grade_d_points', { precision: 5, scale: 2, mode: 'number' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId] }),
    check(
      'scorecard_setting_weights',
      sql`${t.basicWeight} >= 0 and ${t.outcomeWeight} >= 0 and ${t.satisfactionWeight} >= 0 and ${t.basicWeight} + ${t.outcomeWeight} + ${t.satisfactionWeight} = 100`,
    ),
    check(
      'scorecard_setting_grade_thresholds',
      sql`0 < ${t.gradeCFrom} and ${t.gradeCFrom} < ${t.gradeBFrom} and ${t.gradeBFrom} < ${t.gradeAFrom} and ${t.gradeAFrom} <= 100`,
    ),
    check(
      'scorecard_setting_grade_points',
      sql`0 <= ${t.gradeDPoints} and ${t.gradeDPoints} <= ${t.gradeCPoints} and ${t.gradeCPoints} <= ${t.gradeBPoints} and ${t.gradeBPoints} <= ${t.gradeAPoints} and ${t.gradeAPoints} <= ${t.satisfactionWeight}`,
    ),
    tenantIsolation('scorecard_setting'),
  ],
).enableRLS();

/**
 * A published station scorecard of a quarter: the computed figures as they were published, so
 * they never move when later data arrives. One per quarter; published once.
 */
export const scorecard = pgTable(
  'scorecard',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    quarter: text('quarter').notNull(),
    weights: jsonb('weights').$type<{ basic: number; outcome: number; satisfaction: number }>().notNull(),
    /** The satisfaction grading the rows were computed with (`SatisfactionGrading` of the core). */
    grading: jsonb('grading')
      .$type<{
        A: { from: number; points: number };
        B: { from: number; points: number };
        C: { from: number; points: number };
        D: { points: number };
      }>()
      .notNull(),
    /** The ranked rows exactly as computed at publication. */
    rows: jsonb('rows').$type<unknown[]>().notNull(),
    publishedBy: uuid('published_by'),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('scorecard_quarter').on(t.tenantId, t.quarter),
    tenantIsolation('scorecard'),
  ],
).enableRLS();
