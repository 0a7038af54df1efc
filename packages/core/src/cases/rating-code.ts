import { createHash, randomInt } from 'node:crypto';
import { claimAttempt, forgiveAttempt } from '@linju/auth';
import { and, type Database, eq, gt, isNull, schema, type TenantTx, withTenant } from '@linju/db';
import { z } from 'zod';
import type { Actor } from '../actor.ts';
import { DomainError } from '../errors.ts';
import { loadCase, recordCaseEvent, requireOnCase } from './case-access.ts';
import { requireConsent } from './resident-consent.ts';

/**
 * Letters and digits that cannot be mistaken for one another when read aloud or typed from an
 * SMS: no 0/O, 1/I/L, 5/S, 2/Z, 8/B. 25 symbols; 10 of them make ~46 bits, against a guesser
 * held to 30 tries per quarter hour per address.
 */
const ALPHABET = '34679ACDEFGHJKMNPQRTUVWXY';
const LENGTH = 10;
/** How long a code may be used: 30 days from issue. */
export const RATING_CODE_DAYS = 30;

/** `ABCDE-FGHJK`, the form shown to staff and typed by the resident. */
export function newRatingCode(): string {
  const chars = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

/** What the resident typed, in its canonical form: case, spaces and hyphens do not matter. */
export const normaliseRatingCode = (code: string) => code.toUpperCase().replace(/[\s-]/g, '');

/** Only this is stored: a code is single-use and short-lived, so an unsalted SHA-256 suffices. */
export const ratingCodeHash = (code: string) =>
  createHash('sha256').update(normaliseRatingCode(code)).digest('hex');

export const ZIssueRatingCodeRequest = z.object({ caseId: z.uuid() });

/**
 * Issues a one-time code with which the resident rates the case themselves (满意度回访). Needs the
 * feedback given and no rating yet, and the resident's consent to be contacted for feedback. Any
 * earlier unused code of the case stops working. The code is returned once, to be shown to staff;
 * neither the timeline nor the audit log ever holds it.
 */
export async function issueRatingCode(
  tx: TenantTx,
  actor: Actor,
  request: z.input<typeof ZIssueRatingCodeRequest>,
  now = new Date(),
) {
  const input = ZIssueRatingCodeRequest.parse(request);
  const c = await loadCase(tx, input.caseId, true);
  requireOnCase(actor, 'case.handle', c);
  if (c.row.status !== 'feedback-given' && c.row.status !== 'closed') {
    throw new DomainError('conflict', 'case.satisfaction_before_feedback', {
      field: 'caseId',
      params: { status: c.row.status },
    });
  }
  const [rated] = await tx
    .select({ score: schema.satisfaction.score })
    .from(schema.satisfaction)
    .where(eq(schema.satisfaction.caseId, c.row.id));
  if (rated) throw new DomainError('conflict', 'case.satisfaction_recorded', { field: 'caseId' });
  await requireConsent(tx, c.row.residentId, 'feedback-contact');
  await tx
    .update(schema.ratingCode)
    .set({ expiresAt: now })
    .where(
      and(
        eq(schema.ratingCode.tenantId, actor.tenantId),
        eq(schema.ratingCode.caseId, c.row.id),
        isNull(schema.ratingCode.usedAt),
        gt(schema.ratingCode.expiresAt, now),
      ),
    );
  const code = newRatingCode();
  const expiresAt = new Date(now.getTime() + RATING_CODE_DAYS * 86_400_000);
  await tx.insert(schema.ratingCode).values({
    codeHash: ratingCodeHash(code),
    tenantId: actor.tenantId,
    caseId: c.row.id,
    issuedBy: actor.id,
    issuedAt: now,
    expiresAt,
  });
  await recordCaseEvent(tx, actor, c.row, {
    kind: 'satisfaction',
    action: 'case.rating_code_issued',
    data: { expiresAt: expiresAt.toISOString() },
  });
  return { code, expiresAt };
}

export const ZRateWithCodeRequest = z.object({
  code: z.string().trim().min(1, { message: 'validation.required' }).max(40),
  score: z.number().int().min(1, { message: 'case.score_range' }).max(5, { message: 'case.score_range' }),
  comment: z.string().trim().max(1000).nullish(),
});

const throttleKey = (ip: string) => `rating-code:ip:${ip}`;

/** A code that does not exist, was used or expired: each with its own clear refusal. */
async function findUsableCode(db: Database, code: string, ip: string, now: Date) {
  // Counted before the lookup (parallel guesses cannot all go first), taken back for a known code.
  if ((await claimAttempt(db, 'ip', throttleKey(ip), now)) > 0) {
    throw new DomainError('throttled', 'rating.too_many_attempts');
  }
  const [row] = await db
    .select()
    .from(schema.ratingCode)
    .where(eq(schema.ratingCode.codeHash, ratingCodeHash(code)));
  if (!row) throw new DomainError('not-found', 'rating.code_invalid', { field: 'code' });
  await forgiveAttempt(db, 'ip', throttleKey(ip));
  if (row.usedAt) throw new DomainError('conflict', 'rating.code_used', { field: 'code' });
  if (row.expiresAt <= now) throw new DomainError('conflict', 'rating.code_expired', { field: 'code' });
  return row;
}

/** For the public page before the form: whether the code works, and for which district. */
export async function checkRatingCode(db: Database, code: string, ip: string, now = new Date()) {
  const row = await findUsableCode(db, code, ip, now);
  const [tenant] = await db
    .select({ nameZh: schema.tenant.nameZh, nameEn: schema.tenant.nameEn, status: schema.tenant.status })
    .from(schema.tenant)
    .where(eq(schema.tenant.id, row.tenantId));
  if (tenant?.status !== 'active')
    throw new DomainError('not-found', 'rating.code_invalid', { field: 'code' });
  return { tenantNameZh: tenant.nameZh, tenantNameEn: tenant.nameEn, expiresAt: row.expiresAt };
}

/**
 * The resident rates the case with their code, without signing in: the district comes from the
 * code. The rating lands in the case's one `satisfaction` record (source `resident-code`), with
 * its timeline and audit entries, and the code is spent, all in one transaction. Unknown codes
 * count against the address's attempts (30 per quarter hour).
 */
export async function rateWithCode(
  db: Database,
  request: z.input<typeof ZRateWithCodeRequest>,
  ip: string,
  now = new Date(),
) {
  const input = ZRateWithCodeRequest.parse(request);
  const found = await findUsableCode(db, input.code, ip, now);
  return withTenant(db, found.tenantId, async (tx) => {
    // The row lock makes two submissions of one code race to a single winner.
    const [code] = await tx
      .select()
      .from(schema.ratingCode)
      .where(and(eq(schema.ratingCode.codeHash, found.codeHash), isNull(schema.ratingCode.usedAt)))
      .for('update');
    if (!code) throw new DomainError('conflict', 'rating.code_used', { field: 'code' });
    const c = await loadCase(tx, code.caseId, true);
    const inserted = await tx
      .insert(schema.satisfaction)
      .values({
        tenantId: code.tenantId,
        caseId: code.caseId,
        score: input.score,
        comment: input.comment ?? null,
        source: 'resident-code',
        recordedBy: null,
      })
      .onConflictDoNothing()
      .returning();
    if (inserted.length === 0) throw new DomainError('conflict', 'rating.already_rated', { field: 'code' });
    await tx
      .update(schema.ratingCode)
      .set({ usedAt: now })
      .where(eq(schema.ratingCode.codeHash, code.codeHash));
    const resident: Actor = {
      id: null,
      // Shown as who acted on the case's timeline, in the language of the district's records.
      name: '当事人（评价码自评）',
      tenantId: code.tenantId,
      grants: [],
    };
    await recordCaseEvent(tx, resident, c.row, {
      kind: 'satisfaction',
      action: 'case.satisfaction_recorded',
      text: input.comment ?? null,
      data: { score: input.score, source: 'resident-code' },
    });
    return { score: input.score };
  });
}
