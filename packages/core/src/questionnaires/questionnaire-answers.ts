import { randomUUID } from 'node:crypto';
import { claimAttempt, forgiveAttempt } from '@linju/auth';
import { and, type Database, eq, isNull, schema, type TenantTx, withTenant } from '@linju/db';
import { z } from 'zod';
import { caseSettings, todayIn } from '../cases/case-clock.ts';
import { ratingCodeHash } from '../cases/rating-code.ts';
import { DomainError } from '../errors.ts';
import { isChoice } from './questionnaire-schemas.ts';

const ZCode = z.string().trim().min(1, { message: 'validation.required' }).max(40);

export const ZAnswer = z.object({
  questionId: z.string().max(40),
  options: z.array(z.number().int().min(0)).max(20).optional(),
  scale: z.number().int().optional(),
  text: z.string().trim().max(2000, { message: 'validation.too_long' }).optional(),
});

export const ZSubmitAnswersRequest = z.object({
  code: ZCode,
  answers: z.array(ZAnswer).max(100),
});

/** Unknown codes, per address: 30 in a quarter hour, as for the rating codes. */
const codeThrottleKey = (ip: string) => `questionnaire-code:ip:${ip}`;
/** Submissions through a public link, per round and address: 5 in a quarter hour. */
const linkThrottleKey = (roundId: string, ip: string) => `questionnaire-link:${roundId}:ip:${ip}`;

async function findAccess(db: Database, code: string, ip: string) {
  // Counted before the lookup (parallel guesses cannot all go first), taken back for a known code.
  if ((await claimAttempt(db, 'ip', codeThrottleKey(ip))) > 0) {
    throw new DomainError('throttled', 'questionnaire.too_many_attempts');
  }
  const [row] = await db
    .select()
    .from(schema.questionnaireAccess)
    .where(eq(schema.questionnaireAccess.codeHash, ratingCodeHash(code)));
  if (!row) throw new DomainError('not-found', 'questionnaire.code_invalid', { field: 'code' });
  await forgiveAttempt(db, 'ip', codeThrottleKey(ip));
  if (row.kind === 'code' && row.usedAt) {
    throw new DomainError('conflict', 'questionnaire.code_used', { field: 'code' });
  }
  return row;
}

/** The round the code opens, refused outside its dates (district days) or once closed. */
async function openRoundOf(tx: TenantTx, tenantId: string, roundId: string, now: Date) {
  const [round] = await tx
    .select()
    .from(schema.questionnaireRound)
    .where(eq(schema.questionnaireRound.id, roundId));
  if (!round) throw new DomainError('not-found', 'questionnaire.code_invalid', { field: 'code' });
  const today = todayIn(await caseSettings(tx, tenantId), now);
  if (round.closedAt || today > round.closesOn) {
    throw new DomainError('conflict', 'questionnaire.round_closed', {
      field: 'code',
      params: { closesOn: round.closesOn },
    });
  }
  if (today < round.opensOn) {
    throw new DomainError('conflict', 'questionnaire.round_not_open', {
      field: 'code',
      params: { opensOn: round.opensOn },
    });
  }
  const [q] = await tx
    .select()
    .from(schema.questionnaire)
    .where(eq(schema.questionnaire.id, round.questionnaireId));
  if (!q) throw new DomainError('not-found', 'questionnaire.not_found');
  const [tenant] = await tx
    .select({ nameZh: schema.tenant.nameZh, nameEn: schema.tenant.nameEn, status: schema.tenant.status })
    .from(schema.tenant)
    .where(eq(schema.tenant.id, tenantId));
  if (tenant?.status !== 'active') {
    throw new DomainError('not-found', 'questionnaire.code_invalid', { field: 'code' });
  }
  return { round, questionnaire: q, tenant };
}

/** For the public page: the questionnaire a code or link opens, without signing in. */
export async function openQuestionnaireForAnswers(db: Database, code: string, ip: string, now = new Date()) {
  const access = await findAccess(db, ZCode.parse(code), ip);
  return withTenant(db, access.tenantId, async (tx) => {
    const { round, questionnaire, tenant } = await openRoundOf(tx, access.tenantId, access.roundId, now);
    return {
      tenantNameZh: tenant.nameZh,
      tenantNameEn: tenant.nameEn,
      title: questionnaire.title,
      intro: questionnaire.intro,
      questions: questionnaire.questions,
      closesOn: round.closesOn,
      via: access.kind,
    };
  });
}

/**
 * Checks the answers against the questions, in the questions' order: every required question
 * answered, a single choice one option, a multiple choice distinct options, a scale 1–5, only
 * known questions. Unanswered optional questions are left out. Pure.
 */
export function validateAnswers(
  questions: readonly schema.Question[],
  answers: readonly z.output<typeof ZAnswer>[],
): schema.Answer[] {
  const byId = new Map(answers.map((a) => [a.questionId, a]));
  for (const a of answers) {
    if (!questions.some((q) => q.id === a.questionId)) {
      throw new DomainError('bad-request', 'questionnaire.answer_invalid', {
        field: `answers.${a.questionId}`,
      });
    }
  }
  const out: schema.Answer[] = [];
  questions.forEach((q, i) => {
    const a = byId.get(q.id);
    const invalid = () =>
      new DomainError('bad-request', 'questionnaire.answer_invalid', {
        field: `answers.${q.id}`,
        params: { number: i + 1 },
      });
    const options = a?.options ?? [];
    const text = a?.text ?? '';
    const given = isChoice(q.kind) ? options.length > 0 : q.kind === 'scale' ? a?.scale != null : text !== '';
    if (!given) {
      if (q.required) {
        throw new DomainError('bad-request', 'questionnaire.answer_required', {
          field: `answers.${q.id}`,
          params: { number: i + 1 },
        });
      }
      return;
    }
    if (isChoice(q.kind)) {
      const count = q.options?.length ?? 0;
      if (options.some((o) => o >= count) || new Set(options).size !== options.length) throw invalid();
      if (q.kind === 'single' && options.length !== 1) throw invalid();
      out.push({ questionId: q.id, options: [...options].sort((x, y) => x - y) });
    } else if (q.kind === 'scale') {
      const scale = a?.scale ?? 0;
      if (scale < 1 || scale > 5) throw invalid();
      out.push({ questionId: q.id, scale });
    } else {
      out.push({ questionId: q.id, text });
    }
  });
  return out;
}

/**
 * A resident's answers, without signing in: the district and round come from the code. A
 * one-time code is spent in the same transaction (two submissions race to one winner); a public
 * link takes at most 5 submissions per address per quarter hour. The response keeps no trace of
 * the code, so answers stay anonymous; it is never changed afterwards.
 */
export async function submitAnswers(
  db: Database,
  request: z.input<typeof ZSubmitAnswersRequest>,
  ip: string,
  now = new Date(),
) {
  const input = ZSubmitAnswersRequest.parse(request);
  const access = await findAccess(db, input.code, ip);
  return withTenant(db, access.tenantId, async (tx) => {
    // Counted in this transaction: a submission that fails takes its count back, and parallel
    // ones wait on the count's row, so they cannot all be under the limit.
    const linkKey = linkThrottleKey(access.roundId, ip);
    if (access.kind === 'link' && (await claimAttempt(tx, 'account', linkKey, now)) > 0) {
      throw new DomainError('throttled', 'questionnaire.too_many_attempts');
    }
    const { round, questionnaire } = await openRoundOf(tx, access.tenantId, access.roundId, now);
    const answers = validateAnswers(questionnaire.questions, input.answers);
    if (access.kind === 'code') {
      const [spent] = await tx
        .update(schema.questionnaireAccess)
        .set({ usedAt: now })
        .where(
          and(
            eq(schema.questionnaireAccess.codeHash, access.codeHash),
            isNull(schema.questionnaireAccess.usedAt),
          ),
        )
        .returning({ codeHash: schema.questionnaireAccess.codeHash });
      if (!spent) throw new DomainError('conflict', 'questionnaire.code_used', { field: 'code' });
    }
    await tx.insert(schema.questionnaireResponse).values({
      tenantId: access.tenantId,
      id: randomUUID(),
      roundId: round.id,
      via: access.kind,
      answers,
      submittedAt: now,
    });
    return { submitted: true as const };
  });
}
