import { randomUUID } from 'node:crypto';
import { scopesFor } from '@linju/auth';
import { and, asc, desc, eq, schema, sql, type TenantTx } from '@linju/db';
import type { z } from 'zod';
import { type Actor, auditActor, requirePermission } from '../actor.ts';
import { appendAudit } from '../audit/append-audit.ts';
import { DomainError } from '../errors.ts';
import { getOrganisation } from '../organisations/organisation-service.ts';
import {
  storedQuestions,
  ZCreateQuestionnaireRequest,
  ZQuestionnaireIdRequest,
  ZUpdateQuestionnaireRequest,
} from './questionnaire-schemas.ts';

/** The questionnaire with its unit's tree path (for permissions); locked when `forUpdate`. */
export async function loadQuestionnaire(tx: TenantTx, id: string, forUpdate = false) {
  const query = tx
    .select({ row: schema.questionnaire, path: schema.organisation.path })
    .from(schema.questionnaire)
    .innerJoin(
      schema.organisation,
      and(
        eq(schema.organisation.tenantId, schema.questionnaire.tenantId),
        eq(schema.organisation.id, schema.questionnaire.organisationId),
      ),
    )
    .where(eq(schema.questionnaire.id, id));
  const [found] = forUpdate ? await query.for('update', { of: schema.questionnaire }) : await query;
  if (!found) throw new DomainError('not-found', 'questionnaire.not_found', { field: 'id' });
  return found;
}

/** Defines a questionnaire of a unit, as a draft whose questions can change until it is sent. */
export async function createQuestionnaire(
  tx: TenantTx,
  actor: Actor,
  request: z.input<typeof ZCreateQuestionnaireRequest>,
) {
  const input = ZCreateQuestionnaireRequest.parse(request);
  const org = await getOrganisation(tx, input.organisationId);
  requirePermission(actor, 'questionnaire.manage', org.path);
  const id = randomUUID();
  const questions = storedQuestions(input.questions);
  await tx.insert(schema.questionnaire).values({
    tenantId: actor.tenantId,
    id,
    organisationId: org.id,
    title: input.title,
    intro: input.intro,
    questions,
    createdBy: actor.id,
  });
  await appendAudit(tx, {
    ...auditActor(actor),
    action: 'questionnaire.created',
    objectType: 'questionnaire',
    objectId: id,
    after: { title: input.title, organisationId: org.id, questions: questions.length },
  });
  return { id, version: 1 };
}

/**
 * Changes a draft's title, intro and questions. Once a round has been sent the questionnaire is
 * frozen: residents answered exactly these questions, so a change must be a new version.
 */
export async function updateQuestionnaire(
  tx: TenantTx,
  actor: Actor,
  request: z.input<typeof ZUpdateQuestionnaireRequest>,
) {
  const input = ZUpdateQuestionnaireRequest.parse(request);
  const { row, path } = await loadQuestionnaire(tx, input.id, true);
  requirePermission(actor, 'questionnaire.manage', path);
  if (row.frozenAt) {
    throw new DomainError('conflict', 'questionnaire.frozen', {
      field: 'id',
      params: { version: row.version },
    });
  }
  const questions = storedQuestions(input.data.questions);
  await tx
    .update(schema.questionnaire)
    .set({ title: input.data.title, intro: input.data.intro, questions, updatedAt: new Date() })
    .where(eq(schema.questionnaire.id, row.id));
  await appendAudit(tx, {
    ...auditActor(actor),
    action: 'questionnaire.updated',
    objectType: 'questionnaire',
    objectId: row.id,
    before: { title: row.title, questions: row.questions.length },
    after: { title: input.data.title, questions: questions.length },
  });
  return { id: row.id };
}

/** A new draft version of a frozen questionnaire, starting from its questions; one per version. */
export async function reviseQuestionnaire(
  tx: TenantTx,
  actor: Actor,
  request: z.input<typeof ZQuestionnaireIdRequest>,
) {
  const input = ZQuestionnaireIdRequest.parse(request);
  const { row, path } = await loadQuestionnaire(tx, input.id, true);
  requirePermission(actor, 'questionnaire.manage', path);
  if (!row.frozenAt) throw new DomainError('conflict', 'questionnaire.not_frozen', { field: 'id' });
  const [newer] = await tx
    .select({ id: schema.questionnaire.id })
    .from(schema.questionnaire)
    .where(eq(schema.questionnaire.previousId, row.id));
  if (newer) {
    throw new DomainError('conflict', 'questionnaire.already_revised', {
      field: 'id',
      params: { id: newer.id },
    });
  }
  const id = randomUUID();
  await tx.insert(schema.questionnaire).values({
    tenantId: actor.tenantId,
    id,
    organisationId: row.organisationId,
    title: row.title,
    intro: row.intro,
    questions: row.questions,
    version: row.version + 1,
    previousId: row.id,
    createdBy: actor.id,
  });
  await appendAudit(tx, {
    ...auditActor(actor),
    action: 'questionnaire.revised',
    objectType: 'questionnaire',
    objectId: id,
    after: { previousId: row.id, version: row.version + 1 },
  });
  return { id, version: row.version + 1 };
}

/** The questionnaires of the units the actor may read, newest first, with their rounds and responses. */
export async function listQuestionnaires(tx: TenantTx, actor: Actor) {
  const scopes = scopesFor(actor.grants, 'questionnaire.read');
  if (scopes.length === 0) return [];
  const rows = await tx
    .select({
      id: schema.questionnaire.id,
      title: schema.questionnaire.title,
      version: schema.questionnaire.version,
      frozenAt: schema.questionnaire.frozenAt,
      createdAt: schema.questionnaire.createdAt,
      organisationId: schema.questionnaire.organisationId,
      organisationNameZh: schema.organisation.nameZh,
      organisationNameEn: schema.organisation.nameEn,
      path: schema.organisation.path,
      rounds: sql<number>`(select count(*)::int from questionnaire_round r where r.tenant_id = ${schema.questionnaire.tenantId} and r.questionnaire_id = ${schema.questionnaire.id})`,
      responses: sql<number>`(select count(*)::int from questionnaire_response p join questionnaire_round r on r.tenant_id = p.tenant_id and r.id = p.round_id where r.tenant_id = ${schema.questionnaire.tenantId} and r.questionnaire_id = ${schema.questionnaire.id})`,
    })
    .from(schema.questionnaire)
    .innerJoin(
      schema.organisation,
      and(
        eq(schema.organisation.tenantId, schema.questionnaire.tenantId),
        eq(schema.organisation.id, schema.questionnaire.organisationId),
      ),
    )
    .orderBy(desc(schema.questionnaire.createdAt));
  return rows.filter((r) => scopes.some((s) => r.path.startsWith(s))).map(({ path: _path, ...r }) => r);
}

/** One questionnaire with its questions and its rounds (newest first). */
export async function getQuestionnaire(
  tx: TenantTx,
  actor: Actor,
  request: z.input<typeof ZQuestionnaireIdRequest>,
) {
  const input = ZQuestionnaireIdRequest.parse(request);
  const { row, path } = await loadQuestionnaire(tx, input.id);
  requirePermission(actor, 'questionnaire.read', path);
  const rounds = await tx
    .select({
      id: schema.questionnaireRound.id,
      opensOn: schema.questionnaireRound.opensOn,
      closesOn: schema.questionnaireRound.closesOn,
      audienceOrganisationId: schema.questionnaireRound.audienceOrganisationId,
      audienceMonth: schema.questionnaireRound.audienceMonth,
      invited: schema.questionnaireRound.invited,
      publicToken: schema.questionnaireRound.publicToken,
      closedAt: schema.questionnaireRound.closedAt,
      createdAt: schema.questionnaireRound.createdAt,
      responses: sql<number>`(select count(*)::int from questionnaire_response p where p.tenant_id = ${schema.questionnaireRound.tenantId} and p.round_id = ${schema.questionnaireRound.id})`,
    })
    .from(schema.questionnaireRound)
    .where(eq(schema.questionnaireRound.questionnaireId, row.id))
    .orderBy(desc(schema.questionnaireRound.createdAt), asc(schema.questionnaireRound.id));
  const [newer] = await tx
    .select({ id: schema.questionnaire.id })
    .from(schema.questionnaire)
    .where(eq(schema.questionnaire.previousId, row.id));
  return {
    id: row.id,
    organisationId: row.organisationId,
    title: row.title,
    intro: row.intro,
    questions: row.questions,
    version: row.version,
    previousId: row.previousId,
    nextVersionId: newer?.id ?? null,
    frozenAt: row.frozenAt,
    createdAt: row.createdAt,
    rounds,
  };
}
