import { randomUUID } from 'node:crypto';
import { desc, eq, isUniqueViolation, schema, type TenantTx } from '@linju/db';
import { z } from 'zod';
import { type Actor, auditActor, requireTenantWide } from '../actor.ts';
import { appendAudit } from '../audit/append-audit.ts';
import { DomainError } from '../errors.ts';

/** Scores are kept to one decimal place (half points are common on inspection sheets). */
export const hasOneDecimal = (n: number) => Math.abs(Math.round(n * 10) - n * 10) < 1e-9;

const ZMaxScore = z
  .number({ message: 'inspection.max_score_invalid' })
  .gt(0, { message: 'inspection.max_score_invalid' })
  .max(100, { message: 'inspection.max_score_invalid' })
  .refine(hasOneDecimal, { message: 'inspection.score_precision' });

export const ZSaveChecklistRequest = z.object({
  title: z.string().trim().min(1, { message: 'validation.required' }).max(80),
  sections: z
    .array(
      z.object({
        title: z.string().trim().min(1, { message: 'validation.required' }).max(80),
        items: z
          .array(
            z.object({
              text: z.string().trim().min(1, { message: 'validation.required' }).max(300),
              maxScore: ZMaxScore,
            }),
          )
          .min(1, { message: 'inspection.section_empty' })
          .max(50),
      }),
    )
    .min(1, { message: 'inspection.checklist_empty' })
    .max(20),
});
export type SaveChecklistRequest = z.input<typeof ZSaveChecklistRequest>;

export type InspectionChecklist = typeof schema.inspectionChecklist.$inferSelect;

/** The sum of scores with one decimal, free of binary fractions (0.1 + 0.2). */
export const sumScores = (scores: readonly number[]) =>
  Math.round(scores.reduce((sum, s) => sum + Math.round(s * 10), 0)) / 10;

/**
 * 检查组评议: saves the district's inspection checklist as a new version. Versions are never
 * changed, so every inspection keeps the checklist it was scored on. Item ids are their place
 * (`2.3` = third item of the second section): stable within a version, which is all they need.
 */
export async function saveInspectionChecklist(tx: TenantTx, actor: Actor, request: SaveChecklistRequest) {
  requireTenantWide(actor, 'inspection.checklist.manage');
  const input = ZSaveChecklistRequest.parse(request);
  const sections = input.sections.map((section, s) => ({
    title: section.title,
    items: section.items.map((item, i) => ({
      id: `${s + 1}.${i + 1}`,
      text: item.text,
      maxScore: item.maxScore,
    })),
  }));
  const maxScore = sumScores(sections.flatMap((section) => section.items.map((item) => item.maxScore)));
  const latest = await currentChecklist(tx);
  const [created] = await tx
    .insert(schema.inspectionChecklist)
    .values({
      tenantId: actor.tenantId,
      id: randomUUID(),
      version: (latest?.version ?? 0) + 1,
      title: input.title,
      sections,
      maxScore,
      createdBy: actor.id,
    })
    .returning()
    .catch((error: unknown) => {
      // Someone saved a version at the same moment: theirs stands, this editor must look again.
      if (isUniqueViolation(error, 'inspection_checklist_version'))
        throw new DomainError('conflict', 'inspection.checklist_changed');
      throw error;
    });
  if (!created) throw new Error('checklist insert returned no row');
  await appendAudit(tx, {
    ...auditActor(actor),
    action: 'inspection.checklist_saved',
    objectType: 'inspection_checklist',
    objectId: created.id,
    before: latest ?? null,
    after: created,
  });
  return created;
}

/** The version new inspections use (the latest), or null before the first is saved. */
export async function currentChecklist(tx: TenantTx): Promise<InspectionChecklist | null> {
  const [row] = await tx
    .select()
    .from(schema.inspectionChecklist)
    .orderBy(desc(schema.inspectionChecklist.version))
    .limit(1);
  return row ?? null;
}

export async function getInspectionChecklist(tx: TenantTx, id: string): Promise<InspectionChecklist> {
  const checklistId = z.uuid({ message: 'inspection.checklist_not_found' }).parse(id);
  const [row] = await tx
    .select()
    .from(schema.inspectionChecklist)
    .where(eq(schema.inspectionChecklist.id, checklistId));
  if (!row) throw new DomainError('not-found', 'inspection.checklist_not_found', { field: 'checklistId' });
  return row;
}

/** Every version, newest first, without their items (for the editor's history). */
export async function listChecklistVersions(tx: TenantTx) {
  return tx
    .select({
      id: schema.inspectionChecklist.id,
      version: schema.inspectionChecklist.version,
      title: schema.inspectionChecklist.title,
      maxScore: schema.inspectionChecklist.maxScore,
      createdAt: schema.inspectionChecklist.createdAt,
    })
    .from(schema.inspectionChecklist)
    .orderBy(desc(schema.inspectionChecklist.version));
}
