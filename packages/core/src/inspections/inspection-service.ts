import { randomUUID } from 'node:crypto';
import { scopesFor } from '@linju/auth';
import { and, asc, desc, eq, inArray, isNull, like, or, schema, sql, type TenantTx } from '@linju/db';
import { boundedDay } from '@linju/plugin-sdk';
import { z } from 'zod';
import { type Actor, auditActor, requirePermission } from '../actor.ts';
import { appendAudit } from '../audit/append-audit.ts';
import { DomainError } from '../errors.ts';
import { getOrganisation, isPartnerKind } from '../organisations/organisation-service.ts';
import { getInspectionChecklist, hasOneDecimal, sumScores } from './inspection-checklist.ts';

/** A quarter as it reads in a URL: `2026-Q1`. */
export const ZQuarter = z.string().regex(/^\d{4}-Q[1-4]$/, { message: 'inspection.quarter_invalid' });

/** The quarter (`YYYY-Qn`) a calendar day falls in. */
export const quarterOf = (day: string) => `${day.slice(0, 4)}-Q${Math.ceil(Number(day.slice(5, 7)) / 3)}`;

export const ZRecordInspectionRequest = z
  .object({
    organisationId: z.uuid(),
    /** The checklist version the form was filled in on (the current one when the form was shown). */
    checklistId: z.uuid(),
    /** An inspection made, recorded within two years: not ahead, not in 1900. */
    inspectedOn: boundedDay({ back: 731, ahead: 0 }),
    inspectorIds: z
      .array(z.uuid())
      .min(1, { message: 'inspection.inspectors_required' })
      .max(20)
      .refine((ids) => new Set(ids).size === ids.length, { message: 'inspection.inspector_twice' }),
    scores: z
      .array(
        z.object({
          itemId: z.string().min(1).max(20),
          score: z
            .number({ message: 'inspection.score_invalid' })
            .min(0, { message: 'inspection.score_out_of_bounds' })
            .refine(hasOneDecimal, { message: 'inspection.score_precision' }),
          remark: z.string().trim().max(500).default(''),
        }),
      )
      .max(1000),
    findings: z.string().trim().max(4000).default(''),
    rectifications: z
      .array(
        z.object({
          description: z.string().trim().min(1, { message: 'validation.required' }).max(500),
          dueOn: boundedDay({ back: 731, ahead: 731 }),
        }),
      )
      .max(30)
      .default([]),
  })
  .refine((input) => input.rectifications.every((r) => r.dueOn >= input.inspectedOn), {
    message: 'inspection.due_before_inspection',
    path: ['rectifications'],
  });
export type RecordInspectionRequest = z.input<typeof ZRecordInspectionRequest>;

/** A unit of the service network (not a partner), for which inspections are kept. */
async function serviceUnit(tx: TenantTx, organisationId: string) {
  const unit = await getOrganisation(tx, organisationId).catch(() => {
    throw new DomainError('not-found', 'organisation.not_found', { field: 'organisationId' });
  });
  if (isPartnerKind(unit.kind))
    throw new DomainError('bad-request', 'inspection.partner_not_inspected', { field: 'organisationId' });
  return unit;
}

/** The team must be staff members of the district holding the inspector role (and not disabled). */
async function requireInspectors(tx: TenantTx, ids: readonly string[]) {
  const rows = await tx
    .selectDistinct({ id: schema.staffMember.id })
    .from(schema.staffMember)
    .innerJoin(schema.roleGrant, eq(schema.roleGrant.staffMemberId, schema.staffMember.id))
    .where(
      and(
        inArray(schema.staffMember.id, [...ids]),
        eq(schema.roleGrant.role, 'inspector'),
        isNull(schema.staffMember.disabledAt),
      ),
    );
  if (rows.length !== ids.length)
    throw new DomainError('bad-request', 'inspection.not_an_inspector', { field: 'inspectorIds' });
}

/**
 * 检查组评议: records an inspection team's visit to a service point — a score for every item of
 * the checklist version (within the item's maximum), remarks, findings and rectification items.
 * The scores are final once recorded; only rectification items are ticked off later.
 */
export async function recordInspection(tx: TenantTx, actor: Actor, request: RecordInspectionRequest) {
  const input = ZRecordInspectionRequest.parse(request);
  const unit = await serviceUnit(tx, input.organisationId);
  requirePermission(actor, 'inspection.record', unit.path);
  const checklist = await getInspectionChecklist(tx, input.checklistId);
  await requireInspectors(tx, input.inspectorIds);

  const items = checklist.sections.flatMap((section) => section.items);
  const given = new Map(input.scores.map((s) => [s.itemId, s]));
  if (given.size !== input.scores.length)
    throw new DomainError('bad-request', 'inspection.item_scored_twice', { field: 'scores' });
  for (const itemId of given.keys())
    if (!items.some((item) => item.id === itemId))
      throw new DomainError('bad-request', 'inspection.item_unknown', {
        field: 'scores',
        params: { item: itemId },
      });
  const scores = items.map((item) => {
    const entry = given.get(item.id);
    if (!entry)
      throw new DomainError('bad-request', 'inspection.item_unscored', {
        field: `scores.${item.id}`,
        params: { item: item.id },
      });
    if (entry.score > item.maxScore)
      throw new DomainError('bad-request', 'inspection.score_out_of_bounds', {
        field: `scores.${item.id}`,
        params: { item: item.id, max: item.maxScore },
      });
    return { itemId: item.id, score: entry.score, maxScore: item.maxScore, remark: entry.remark };
  });

  const id = randomUUID();
  const [created] = await tx
    .insert(schema.inspection)
    .values({
      tenantId: actor.tenantId,
      id,
      organisationId: unit.id,
      checklistId: checklist.id,
      inspectedOn: input.inspectedOn,
      quarter: quarterOf(input.inspectedOn),
      inspectorIds: input.inspectorIds,
      findings: input.findings,
      totalScore: sumScores(scores.map((s) => s.score)),
      maxScore: checklist.maxScore,
      recordedBy: actor.id,
    })
    .returning();
  if (!created) throw new Error('inspection insert returned no row');
  await tx
    .insert(schema.inspectionScore)
    .values(scores.map((s) => ({ tenantId: actor.tenantId, inspectionId: id, ...s })));
  const rectifications =
    input.rectifications.length > 0
      ? await tx
          .insert(schema.inspectionRectification)
          .values(
            input.rectifications.map((r) => ({
              tenantId: actor.tenantId,
              id: randomUUID(),
              inspectionId: id,
              description: r.description,
              dueOn: r.dueOn,
            })),
          )
          .returning()
      : [];
  await appendAudit(tx, {
    ...auditActor(actor),
    action: 'inspection.recorded',
    objectType: 'inspection',
    objectId: id,
    after: { ...created, scores, rectifications },
  });
  return created;
}

/** An inspection with its checklist, scores, team and rectification items, for who may read the unit's. */
export async function getInspection(tx: TenantTx, actor: Actor, input: { id: string }) {
  const id = z.uuid({ message: 'inspection.not_found' }).parse(input.id);
  const [row] = await tx.select().from(schema.inspection).where(eq(schema.inspection.id, id));
  if (!row) throw new DomainError('not-found', 'inspection.not_found', { field: 'id' });
  const unit = await getOrganisation(tx, row.organisationId);
  requirePermission(actor, 'inspection.read', unit.path);
  const [checklist, scores, rectifications, inspectors] = await Promise.all([
    getInspectionChecklist(tx, row.checklistId),
    tx.select().from(schema.inspectionScore).where(eq(schema.inspectionScore.inspectionId, id)),
    tx
      .select()
      .from(schema.inspectionRectification)
      .where(eq(schema.inspectionRectification.inspectionId, id))
      .orderBy(asc(schema.inspectionRectification.dueOn), asc(schema.inspectionRectification.description)),
    tx
      .select({ id: schema.staffMember.id, displayName: schema.staffMember.displayName })
      .from(schema.staffMember)
      .where(inArray(schema.staffMember.id, row.inspectorIds)),
  ]);
  const names = new Map(inspectors.map((p) => [p.id, p.displayName]));
  return {
    ...row,
    organisation: { id: unit.id, nameZh: unit.nameZh, nameEn: unit.nameEn, kind: unit.kind },
    checklist,
    scores,
    rectifications,
    inspectors: row.inspectorIds.map((inspectorId) => ({
      id: inspectorId,
      displayName: names.get(inspectorId) ?? '',
    })),
  };
}
export type InspectionDetail = Awaited<ReturnType<typeof getInspection>>;

/** Where a page of inspections ends: the last row's day and id (`2026-05-12_<uuid>`). */
const ZInspectionCursor = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, {
    message: 'inspection.cursor_invalid',
  });
const cursorOf = (row: { inspectedOn: string; id: string }) => `${row.inspectedOn}_${row.id}`;

export const INSPECTION_PAGE_SIZE = 50;

export const ZListInspectionsRequest = z.object({
  organisationId: z.uuid().nullish(),
  quarter: ZQuarter.nullish(),
  /** `nextCursor` of the page before; none for the first page. */
  cursor: ZInspectionCursor.nullish(),
  limit: z.number().int().min(1).max(200).default(INSPECTION_PAGE_SIZE),
});

/**
 * The inspections of a unit's subtree (or every unit the actor may read), newest first, each with
 * how many of its rectification items are still open — a page at a time. Pages follow the key
 * (day, id) rather than an offset, so an inspection recorded meanwhile neither repeats a row nor
 * skips one; `nextCursor` is null on the last page.
 */
export async function listInspections(
  tx: TenantTx,
  actor: Actor,
  request: z.input<typeof ZListInspectionsRequest>,
) {
  const input = ZListInspectionsRequest.parse(request);
  const scopes = scopesFor(actor.grants, 'inspection.read');
  if (scopes.length === 0)
    throw new DomainError('forbidden', 'auth.forbidden', { params: { permission: 'inspection.read' } });
  let within: string | null = null;
  if (input.organisationId) {
    const unit = await serviceUnit(tx, input.organisationId);
    requirePermission(actor, 'inspection.read', unit.path);
    within = unit.path;
  }
  const [afterDay, afterId] = input.cursor ? input.cursor.split('_') : [];
  const rows = await tx
    .select({
      id: schema.inspection.id,
      organisationId: schema.inspection.organisationId,
      nameZh: schema.organisation.nameZh,
      nameEn: schema.organisation.nameEn,
      inspectedOn: schema.inspection.inspectedOn,
      quarter: schema.inspection.quarter,
      totalScore: schema.inspection.totalScore,
      maxScore: schema.inspection.maxScore,
      openRectifications: sql<number>`(select count(*)::int from inspection_rectification r
        where r.inspection_id = ${schema.inspection.id} and r.done_at is null)`,
    })
    .from(schema.inspection)
    .innerJoin(schema.organisation, eq(schema.organisation.id, schema.inspection.organisationId))
    .where(
      and(
        within ? like(schema.organisation.path, `${within}%`) : undefined,
        input.quarter ? eq(schema.inspection.quarter, input.quarter) : undefined,
        afterDay && afterId
          ? sql`(${schema.inspection.inspectedOn}, ${schema.inspection.id}) < (${afterDay}::date, ${afterId}::uuid)`
          : undefined,
        or(...scopes.map((path) => like(schema.organisation.path, `${path}%`))),
      ),
    )
    .orderBy(desc(schema.inspection.inspectedOn), desc(schema.inspection.id))
    .limit(input.limit + 1);
  const items = rows.slice(0, input.limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > input.limit && last ? cursorOf(last) : null };
}

export const ZSetRectificationDoneRequest = z.object({ id: z.uuid(), done: z.boolean() });

/** Ticks a rectification item off (or back on, when a check finds it was not really done). */
export async function setRectificationDone(
  tx: TenantTx,
  actor: Actor,
  request: z.input<typeof ZSetRectificationDoneRequest>,
) {
  const input = ZSetRectificationDoneRequest.parse(request);
  const [before] = await tx
    .select({ item: schema.inspectionRectification, path: schema.organisation.path })
    .from(schema.inspectionRectification)
    .innerJoin(schema.inspection, eq(schema.inspection.id, schema.inspectionRectification.inspectionId))
    .innerJoin(schema.organisation, eq(schema.organisation.id, schema.inspection.organisationId))
    .where(eq(schema.inspectionRectification.id, input.id));
  if (!before) throw new DomainError('not-found', 'inspection.rectification_not_found', { field: 'id' });
  requirePermission(actor, 'inspection.record', before.path);
  if ((before.item.doneAt !== null) === input.done) return before.item;
  const [after] = await tx
    .update(schema.inspectionRectification)
    .set(input.done ? { doneAt: new Date(), doneBy: actor.id } : { doneAt: null, doneBy: null })
    .where(eq(schema.inspectionRectification.id, input.id))
    .returning();
  if (!after) throw new Error('rectification update returned no row');
  await appendAudit(tx, {
    ...auditActor(actor),
    action: input.done ? 'inspection.rectification_done' : 'inspection.rectification_reopened',
    objectType: 'inspection',
    objectId: before.item.inspectionId,
    before: before.item,
    after,
  });
  return after;
}

/** The district's inspectors (staff holding the inspector role, not disabled), to make up a team. */
export async function listInspectors(tx: TenantTx, actor: Actor) {
  if (scopesFor(actor.grants, 'inspection.record').length === 0)
    throw new DomainError('forbidden', 'auth.forbidden', { params: { permission: 'inspection.record' } });
  return tx
    .selectDistinct({ id: schema.staffMember.id, displayName: schema.staffMember.displayName })
    .from(schema.staffMember)
    .innerJoin(schema.roleGrant, eq(schema.roleGrant.staffMemberId, schema.staffMember.id))
    .where(and(eq(schema.roleGrant.role, 'inspector'), isNull(schema.staffMember.disabledAt)))
    .orderBy(asc(schema.staffMember.displayName));
}
