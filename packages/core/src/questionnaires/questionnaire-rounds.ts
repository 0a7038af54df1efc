import { randomUUID } from 'node:crypto';
import { eq, schema, sql, type TenantTx } from '@linju/db';
import { z } from 'zod';
import { type Actor, auditActor, requirePermission } from '../actor.ts';
import { appendAudit } from '../audit/append-audit.ts';
import { caseSettings } from '../cases/case-clock.ts';
import { newRatingCode, ratingCodeHash } from '../cases/rating-code.ts';
import { DomainError } from '../errors.ts';
import { getOrganisation } from '../organisations/organisation-service.ts';
import { loadQuestionnaire } from './questionnaire-service.ts';

const ZDay = z.iso.date({ message: 'validation.date_invalid' });

export const ZOpenRoundRequest = z
  .object({
    questionnaireId: z.uuid(),
    opensOn: ZDay,
    closesOn: ZDay,
    /** Invite, each with a one-time code, the residents of the cases closed at this unit in this month. */
    audience: z
      .object({
        organisationId: z.uuid(),
        month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'questionnaire.month_invalid' }),
      })
      .nullish(),
    /** Also (or only) an anonymous public link, reusable and rate-limited per address. */
    publicLink: z.boolean().default(false),
  })
  .refine((r) => r.closesOn >= r.opensOn, {
    message: 'questionnaire.closes_before_opens',
    path: ['closesOn'],
  })
  .refine((r) => Boolean(r.audience) || r.publicLink, {
    message: 'questionnaire.round_needs_audience',
    path: ['publicLink'],
  });

export const ZRoundIdRequest = z.object({ id: z.uuid() });

/** The round with its questionnaire and the questionnaire's unit path; locked when `forUpdate`. */
export async function loadRound(tx: TenantTx, id: string, forUpdate = false) {
  const query = tx.select().from(schema.questionnaireRound).where(eq(schema.questionnaireRound.id, id));
  const [round] = forUpdate ? await query.for('update') : await query;
  if (!round) throw new DomainError('not-found', 'questionnaire.round_not_found', { field: 'id' });
  const { row, path } = await loadQuestionnaire(tx, round.questionnaireId);
  return { round, questionnaire: row, path };
}

/**
 * The residents to invite: of every case closed in `month` (district time) at the unit or below,
 * whose resident stands by their consent to be contacted for feedback, each resident once.
 */
async function audienceOf(tx: TenantTx, tenantId: string, unitPath: string, month: string) {
  const { timeZone } = await caseSettings(tx, tenantId);
  return tx.execute<{ case_id: string; number: string; resident_id: string }>(sql`
    select distinct on (c.resident_id) c.id as case_id, c.number, c.resident_id
    from "case" c
    join organisation o on o.tenant_id = c.tenant_id and o.id = c.current_organisation_id
    where c.status = 'closed'
      and o.path like ${`${unitPath}%`}
      and to_char(c.closed_at at time zone ${timeZone}, 'YYYY-MM') = ${month}
      and exists (
        select 1 from resident_consent rc
        where rc.tenant_id = c.tenant_id and rc.resident_id = c.resident_id
          and rc.purpose = 'feedback-contact' and rc.withdrawn_on is null
      )
    order by c.resident_id, c.closed_at desc`);
}

/**
 * Sends a questionnaire: a round open between two district days, to the invited residents (one
 * one-time code each, the same codes as the satisfaction rating's) and/or by a public link.
 * Sending freezes the questionnaire. The codes are returned once, for staff to pass on (SMS,
 * phone); only their hashes are kept, and nothing ties a code to the answers given with it.
 */
export async function openRound(
  tx: TenantTx,
  actor: Actor,
  request: z.input<typeof ZOpenRoundRequest>,
  now = new Date(),
) {
  const input = ZOpenRoundRequest.parse(request);
  const { row: q, path } = await loadQuestionnaire(tx, input.questionnaireId, true);
  requirePermission(actor, 'questionnaire.manage', path);
  const [newer] = await tx
    .select({ id: schema.questionnaire.id })
    .from(schema.questionnaire)
    .where(eq(schema.questionnaire.previousId, q.id));
  if (newer) {
    throw new DomainError('conflict', 'questionnaire.superseded', {
      field: 'questionnaireId',
      params: { id: newer.id },
    });
  }
  const audienceUnit = input.audience ? await getOrganisation(tx, input.audience.organisationId) : null;
  if (audienceUnit) requirePermission(actor, 'questionnaire.manage', audienceUnit.path);

  const id = randomUUID();
  const publicToken = input.publicLink ? newRatingCode() : null;
  await tx.insert(schema.questionnaireRound).values({
    tenantId: actor.tenantId,
    id,
    questionnaireId: q.id,
    opensOn: input.opensOn,
    closesOn: input.closesOn,
    audienceOrganisationId: audienceUnit?.id ?? null,
    audienceMonth: input.audience?.month ?? null,
    publicToken,
    createdBy: actor.id,
  });
  if (!q.frozenAt) {
    await tx.update(schema.questionnaire).set({ frozenAt: now }).where(eq(schema.questionnaire.id, q.id));
  }
  const codes: { caseNumber: string; code: string }[] = [];
  if (audienceUnit && input.audience) {
    const residents = await audienceOf(tx, actor.tenantId, audienceUnit.path, input.audience.month);
    for (const r of residents) {
      const code = newRatingCode();
      codes.push({ caseNumber: r.number, code });
      await tx.insert(schema.questionnaireInvitation).values({
        tenantId: actor.tenantId,
        roundId: id,
        residentId: r.resident_id,
        caseId: r.case_id,
      });
      await tx.insert(schema.questionnaireAccess).values({
        codeHash: ratingCodeHash(code),
        tenantId: actor.tenantId,
        roundId: id,
        kind: 'code',
        issuedAt: now,
      });
    }
    await tx
      .update(schema.questionnaireRound)
      .set({ invited: codes.length })
      .where(eq(schema.questionnaireRound.id, id));
  }
  if (publicToken) {
    await tx.insert(schema.questionnaireAccess).values({
      codeHash: ratingCodeHash(publicToken),
      tenantId: actor.tenantId,
      roundId: id,
      kind: 'link',
      issuedAt: now,
    });
  }
  await appendAudit(tx, {
    ...auditActor(actor),
    action: 'questionnaire.round_opened',
    objectType: 'questionnaire',
    objectId: q.id,
    after: {
      roundId: id,
      opensOn: input.opensOn,
      closesOn: input.closesOn,
      audience: input.audience ?? null,
      invited: codes.length,
      publicLink: Boolean(publicToken),
    },
  });
  return { id, invited: codes.length, codes, publicToken };
}

/** Closes a round before its last day: no more answers, by code or by link. */
export async function closeRound(
  tx: TenantTx,
  actor: Actor,
  request: z.input<typeof ZRoundIdRequest>,
  now = new Date(),
) {
  const input = ZRoundIdRequest.parse(request);
  const { round, path } = await loadRound(tx, input.id, true);
  requirePermission(actor, 'questionnaire.manage', path);
  if (round.closedAt) throw new DomainError('conflict', 'questionnaire.round_closed', { field: 'id' });
  await tx
    .update(schema.questionnaireRound)
    .set({ closedAt: now })
    .where(eq(schema.questionnaireRound.id, round.id));
  await appendAudit(tx, {
    ...auditActor(actor),
    action: 'questionnaire.round_closed',
    objectType: 'questionnaire',
    objectId: round.questionnaireId,
    after: { roundId: round.id },
  });
  return { id: round.id, closedAt: now };
}
