import { randomUUID } from 'node:crypto';
import { eq, schema, type TenantTx } from '@linju/db';
import { boundedMoment } from '@linju/plugin-sdk';
import { z } from 'zod';
import type { Actor } from '../actor.ts';
import { DomainError } from '../errors.ts';
import { loadCase, recordCaseEvent, requireOnCase } from './case-access.ts';
import { caseSummary } from './case-service.ts';
import { requireTransition } from './case-status.ts';
import { issueRatingCode } from './rating-code.ts';
import { hasConsent } from './resident-consent.ts';
import { getResident } from './resident-service.ts';

export const ZFeedbackRequest = z.object({
  caseId: z.uuid(),
  /** How the resident was told; defaults to their contact preference. */
  method: z.enum(schema.CONTACT_PREFERENCES).optional(),
  toldAt: boundedMoment({ back: 731, ahead: 0 }).optional(),
  summary: z.string().trim().min(1, { message: 'validation.required' }).max(2000),
  /** Needed when the resident was told another way than they asked to be. */
  methodReason: z.string().trim().max(300).nullish(),
});

/**
 * 信息反馈: records how and when the resident heard the result; the case moves from resolved to
 * feedback-given, which ends the first responder's accountability.
 */
export async function recordResidentFeedback(
  tx: TenantTx,
  actor: Actor,
  request: z.input<typeof ZFeedbackRequest>,
) {
  const input = ZFeedbackRequest.parse(request);
  const c = await loadCase(tx, input.caseId, true);
  requireOnCase(actor, 'case.handle', c);
  requireTransition(c.row.status, 'feedback-given');
  const resident = await getResident(tx, c.row.residentId);
  const method = input.method ?? resident.contactPreference;
  if (method !== resident.contactPreference && !input.methodReason) {
    throw new DomainError('bad-request', 'case.feedback_method_differs', {
      field: 'methodReason',
      params: { preference: resident.contactPreference },
    });
  }
  const toldAt = input.toldAt ?? new Date();
  if (toldAt.getTime() > Date.now() + 60_000) {
    throw new DomainError('bad-request', 'case.feedback_in_future', { field: 'toldAt' });
  }
  const id = randomUUID();
  await tx.insert(schema.residentFeedback).values({
    tenantId: actor.tenantId,
    id,
    caseId: c.row.id,
    method,
    toldAt,
    summary: input.summary,
    recordedBy: actor.id,
  });
  const [row] = await tx
    .update(schema.legalCase)
    .set({ status: 'feedback-given', feedbackAt: toldAt, updatedAt: new Date() })
    .where(eq(schema.legalCase.id, c.row.id))
    .returning();
  if (!row) throw new Error('case update returned no row');
  await recordCaseEvent(tx, actor, row, {
    kind: 'feedback',
    action: 'case.feedback_given',
    text: input.summary,
    data: {
      feedbackId: id,
      method,
      toldAt: toldAt.toISOString(),
      methodReason: input.methodReason ?? null,
      from: c.row.status,
      to: row.status,
    },
  });
  // The resident may rate the case themselves: a one-time code, shown once to the staff member to
  // pass on, when the resident agreed to be contacted for feedback.
  const ratingCode = (await hasConsent(tx, row.residentId, 'feedback-contact'))
    ? await issueRatingCode(tx, actor, { caseId: row.id })
    : null;
  return { ...caseSummary(row), ratingCode };
}

export const ZSatisfactionRequest = z.object({
  caseId: z.uuid(),
  score: z.number().int().min(1, { message: 'case.score_range' }).max(5, { message: 'case.score_range' }),
  comment: z.string().trim().max(1000).nullish(),
});

/** 满意度测评, entered by staff from what the resident said: once per case, after feedback. */
export async function recordSatisfaction(
  tx: TenantTx,
  actor: Actor,
  request: z.input<typeof ZSatisfactionRequest>,
) {
  const input = ZSatisfactionRequest.parse(request);
  const c = await loadCase(tx, input.caseId, true);
  requireOnCase(actor, 'case.handle', c);
  if (c.row.status !== 'feedback-given' && c.row.status !== 'closed') {
    throw new DomainError('conflict', 'case.satisfaction_before_feedback', {
      field: 'caseId',
      params: { status: c.row.status },
    });
  }
  const inserted = await tx
    .insert(schema.satisfaction)
    .values({
      tenantId: actor.tenantId,
      caseId: c.row.id,
      score: input.score,
      comment: input.comment ?? null,
      source: 'staff',
      recordedBy: actor.id,
    })
    .onConflictDoNothing()
    .returning();
  if (inserted.length === 0)
    throw new DomainError('conflict', 'case.satisfaction_recorded', { field: 'score' });
  await recordCaseEvent(tx, actor, c.row, {
    kind: 'satisfaction',
    action: 'case.satisfaction_recorded',
    text: input.comment ?? null,
    data: { score: input.score, source: 'staff' },
  });
  return { caseId: c.row.id, score: input.score, comment: input.comment ?? null };
}
