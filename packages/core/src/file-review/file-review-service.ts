import { randomBytes, randomUUID } from 'node:crypto';
import { scopesFor } from '@linju/auth';
import { and, asc, desc, eq, like, or, schema, sql, type TenantTx } from '@linju/db';
import { z } from 'zod';
import { type Actor, auditActor, requirePermission } from '../actor.ts';
import { appendAudit } from '../audit/append-audit.ts';
import { DomainError } from '../errors.ts';
import { getOrganisation, isPartnerKind } from '../organisations/organisation-service.ts';
import { districtToday } from '../providers/provider-records.ts';
import { pickSample } from './random-sample.ts';

export const ZDrawSampleRequest = z.object({
  organisationId: z.uuid(),
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'validation.invalid_format' }),
  size: z
    .number()
    .int()
    .min(1, { message: 'file_review.size_invalid' })
    .max(200, { message: 'file_review.size_invalid' }),
  /** Given to redraw a sample elsewhere; a fresh random one otherwise. */
  seed: z
    .string()
    .regex(/^[0-9a-f]{16,64}$/, { message: 'file_review.seed_invalid' })
    .nullish(),
});

export const ZRecordReviewRequest = z.object({
  reviewId: z.uuid(),
  grade: z.enum(schema.FILE_REVIEW_GRADES),
  findings: z.string().trim().min(2, { message: 'file_review.findings_required' }).max(4000),
});

async function reviewedUnit(tx: TenantTx, actor: Actor, organisationId: string) {
  const unit = await getOrganisation(tx, organisationId);
  if (isPartnerKind(unit.kind))
    throw new DomainError('bad-request', 'file_review.partner_has_no_cases', { field: 'organisationId' });
  requirePermission(actor, 'file-review.conduct', unit.path);
  return unit;
}

/**
 * The closed cases of a unit and the units below it, closed in `month` (district time): what a
 * sample is drawn from. Withdrawn and rejected matters are not files to review.
 */
async function closedCasesOf(tx: TenantTx, tenantId: string, unitPath: string, month: string) {
  const [tenant] = await tx
    .select({ timeZone: schema.tenant.timeZone })
    .from(schema.tenant)
    .where(eq(schema.tenant.id, tenantId));
  const rows = await tx
    .select({ id: schema.legalCase.id })
    .from(schema.legalCase)
    .innerJoin(schema.organisation, eq(schema.organisation.id, schema.legalCase.currentOrganisationId))
    .where(
      and(
        eq(schema.legalCase.status, 'closed'),
        like(schema.organisation.path, `${unitPath}%`),
        sql`to_char(${schema.legalCase.closedAt} at time zone ${tenant?.timeZone ?? 'Asia/Shanghai'}, 'YYYY-MM') = ${month}`,
      ),
    );
  return rows.map((r) => r.id);
}

/**
 * 案卷评查: a supervisor draws a random sample of a unit's cases closed in a month, one sample per
 * unit and month. The seed is stored with it, so the draw can be checked later.
 */
export async function drawFileReviewSample(
  tx: TenantTx,
  actor: Actor,
  request: z.input<typeof ZDrawSampleRequest>,
) {
  const input = ZDrawSampleRequest.parse(request);
  const unit = await reviewedUnit(tx, actor, input.organisationId);
  if (input.month >= (await districtToday(tx, actor.tenantId)).slice(0, 7))
    throw new DomainError('bad-request', 'file_review.month_not_over', { field: 'month' });
  const [existing] = await tx
    .select({ id: schema.fileReviewSample.id })
    .from(schema.fileReviewSample)
    .where(
      and(
        eq(schema.fileReviewSample.organisationId, unit.id),
        eq(schema.fileReviewSample.month, input.month),
      ),
    );
  if (existing) throw new DomainError('conflict', 'file_review.sample_exists', { field: 'month' });
  const candidates = await closedCasesOf(tx, actor.tenantId, unit.path, input.month);
  if (candidates.length === 0)
    throw new DomainError('bad-request', 'file_review.nothing_closed', { field: 'month' });
  const seed = input.seed ?? randomBytes(16).toString('hex');
  const picked = pickSample(seed, candidates, input.size);
  const [sample] = await tx
    .insert(schema.fileReviewSample)
    .values({
      tenantId: actor.tenantId,
      id: randomUUID(),
      organisationId: unit.id,
      month: input.month,
      seed,
      size: picked.length,
      population: candidates.length,
      drawnBy: actor.id,
      drawnByName: actor.name,
    })
    .returning();
  if (!sample) throw new Error('file review sample insert returned no row');
  await tx
    .insert(schema.fileReview)
    .values(
      picked.map((caseId) => ({ tenantId: actor.tenantId, id: randomUUID(), sampleId: sample.id, caseId })),
    );
  await appendAudit(tx, {
    ...auditActor(actor),
    action: 'file_review.sample_drawn',
    objectType: 'file-review-sample',
    objectId: sample.id,
    after: { ...sample, caseIds: picked },
  });
  return sample;
}

async function loadSample(tx: TenantTx, actor: Actor, id: string) {
  const [sample] = await tx.select().from(schema.fileReviewSample).where(eq(schema.fileReviewSample.id, id));
  if (!sample) throw new DomainError('not-found', 'file_review.sample_not_found', { field: 'id' });
  const unit = await reviewedUnit(tx, actor, sample.organisationId);
  return { sample, unit };
}

/** A sample with its cases (number, service, closing date) and each review. */
export async function getFileReviewSample(tx: TenantTx, actor: Actor, input: { id: string }) {
  const { sample, unit } = await loadSample(tx, actor, z.uuid().parse(input.id));
  const reviews = await tx
    .select({
      review: schema.fileReview,
      number: schema.legalCase.number,
      serviceType: schema.legalCase.serviceType,
      closedAt: schema.legalCase.closedAt,
      assigneeId: schema.legalCase.assigneeId,
    })
    .from(schema.fileReview)
    .innerJoin(schema.legalCase, eq(schema.legalCase.id, schema.fileReview.caseId))
    .where(eq(schema.fileReview.sampleId, sample.id))
    .orderBy(asc(schema.legalCase.number));
  return {
    sample: { ...sample, organisationNameZh: unit.nameZh, organisationNameEn: unit.nameEn },
    reviews: reviews.map((r) => ({
      ...r.review,
      number: r.number,
      serviceType: r.serviceType,
      closedAt: r.closedAt,
      assigneeId: r.assigneeId,
    })),
  };
}

/** Records (or corrects) the findings and grade of one sampled case. */
export async function recordFileReview(
  tx: TenantTx,
  actor: Actor,
  request: z.input<typeof ZRecordReviewRequest>,
) {
  const input = ZRecordReviewRequest.parse(request);
  const [before] = await tx.select().from(schema.fileReview).where(eq(schema.fileReview.id, input.reviewId));
  if (!before) throw new DomainError('not-found', 'file_review.review_not_found', { field: 'reviewId' });
  await loadSample(tx, actor, before.sampleId);
  const [after] = await tx
    .update(schema.fileReview)
    .set({
      grade: input.grade,
      findings: input.findings,
      reviewedBy: actor.id,
      reviewedByName: actor.name,
      reviewedAt: new Date(),
    })
    .where(eq(schema.fileReview.id, before.id))
    .returning();
  await appendAudit(tx, {
    ...auditActor(actor),
    action: 'file_review.reviewed',
    objectType: 'file-review-sample',
    objectId: before.sampleId,
    before,
    after,
  });
  return after;
}

/** The samples of the actor's units, newest month first, with how many are reviewed and failed. */
export async function listFileReviewSamples(tx: TenantTx, actor: Actor) {
  const scopes = scopesFor(actor.grants, 'file-review.conduct');
  if (scopes.length === 0)
    throw new DomainError('forbidden', 'auth.forbidden', { params: { permission: 'file-review.conduct' } });
  const rows = await tx
    .select({
      sample: schema.fileReviewSample,
      organisationNameZh: schema.organisation.nameZh,
      organisationNameEn: schema.organisation.nameEn,
      reviewed: sql<number>`(select count(*)::int from ${schema.fileReview} r where r.sample_id = ${schema.fileReviewSample.id} and r.grade is not null)`,
      failed: sql<number>`(select count(*)::int from ${schema.fileReview} r where r.sample_id = ${schema.fileReviewSample.id} and r.grade = 'fail')`,
    })
    .from(schema.fileReviewSample)
    .innerJoin(schema.organisation, eq(schema.organisation.id, schema.fileReviewSample.organisationId))
    .where(or(...scopes.map((path) => like(schema.organisation.path, `${path}%`))))
    .orderBy(desc(schema.fileReviewSample.month), asc(schema.organisation.path))
    .limit(500);
  return rows.map((r) => ({
    ...r.sample,
    organisationNameZh: r.organisationNameZh,
    organisationNameEn: r.organisationNameEn,
    reviewed: r.reviewed,
    failed: r.failed,
  }));
}
