import { randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import type { SecretBox } from '@linju/auth';
import { and, type Database, desc, eq, gt, inArray, isNull, lt, schema, sql, withTenant } from '@linju/db';
import { z } from 'zod';
import { auditActor, systemActor } from '../actor.ts';
import { appendAudit } from '../audit/append-audit.ts';
import { DomainError } from '../errors.ts';
import { enqueueMessage } from '../messages/enqueue-message.ts';
import { maskPhone, ZPhone } from '../personal-data/personal-data.ts';
import { RESIDENT_CODE_KEPT_MS, requireCodeAllowed } from './resident-code-limits.ts';
import { openResidentSession } from './resident-session.ts';

/** A code works for 10 minutes… */
export const RESIDENT_CODE_TTL_MS = 10 * 60_000;
/** …and dies at its fifth wrong try: 5 guesses in a million per code. */
export const RESIDENT_CODE_MAX_FAILURES = 5;

/** Who acts for a resident on the public site: the audit log names it, the phone is masked. */
export const residentSiteActor = (tenantId: string, requestId?: string) => ({
  ...systemActor(tenantId, 'resident site'),
  requestId: requestId ?? null,
});

export const ZRequestResidentCode = z.object({
  phone: ZPhone.refine((v) => /^1[3-9][0-9]{9}$/.test(v), { message: 'publicResident.mobile_needed' }),
  /** The honeypot: a field people never see. Filled, the request is refused quietly. */
  website: z.string().optional(),
});

export const ZVerifyResidentCode = z.object({
  phone: ZPhone,
  code: z
    .string()
    .trim()
    .regex(/^[0-9]{6}$/, { message: 'publicResident.code_shape' }),
});

const t = schema.residentCode;

/** The code's keyed hash, bound to its row: the same code in two rows hashes apart. */
const codeHash = (box: SecretBox, tenantId: string, id: string, code: string) =>
  box.blindIndex(`resident-code:${id}:${code}`, tenantId);

const addressIndex = (box: SecretBox, tenantId: string, ip: string) =>
  box.blindIndex(`resident-code-address:${ip}`, tenantId);

/**
 * Sends a 6-digit code by SMS to a mobile number, for the resident to prove it is theirs. Refused
 * over the limits with when to try again; the honeypot filled, it answers as if sent and does
 * nothing. Earlier unused codes of the phone stop working. Only the code's keyed hash is kept;
 * the audit entry has the phone masked, never the code.
 */
export async function requestResidentCode(
  db: Database,
  box: SecretBox,
  request: { tenantId: string; ip: string; requestId?: string },
  input: z.input<typeof ZRequestResidentCode>,
  now = new Date(),
): Promise<{ phoneMasked: string; expiresAt: Date }> {
  const { phone, website } = ZRequestResidentCode.parse(input);
  const expiresAt = new Date(now.getTime() + RESIDENT_CODE_TTL_MS);
  if (website) return { phoneMasked: maskPhone(phone), expiresAt };
  const { tenantId } = request;
  return withTenant(db, tenantId, async (tx) => {
    // One request of the district at a time: the limits count what the ones before wrote.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`resident-code:${tenantId}`}, 0))`);
    const phoneIndex = box.blindIndex(phone, tenantId);
    const ipIndex = addressIndex(box, tenantId, request.ip);
    await requireCodeAllowed(tx, { phoneIndex, ipIndex }, now);
    await tx.delete(t).where(lt(t.createdAt, new Date(now.getTime() - RESIDENT_CODE_KEPT_MS)));
    await tx
      .update(t)
      .set({ expiresAt: now })
      .where(
        and(inArray(t.phoneIndex, box.blindIndexes(phone, tenantId)), isNull(t.usedAt), gt(t.expiresAt, now)),
      );
    const id = randomUUID();
    const code = String(randomInt(1_000_000)).padStart(6, '0');
    await tx.insert(t).values({
      tenantId,
      id,
      phoneIndex,
      ipIndex,
      codeHash: codeHash(box, tenantId, id, code),
      expiresAt,
      createdAt: now,
    });
    const actor = residentSiteActor(tenantId, request.requestId);
    await enqueueMessage(tx, actor, box, {
      channel: 'sms',
      templateKey: 'verification-code',
      recipient: phone,
      params: { code },
    });
    await appendAudit(tx, {
      ...auditActor(actor),
      action: 'resident.code_requested',
      objectType: 'resident_session',
      objectId: id,
      after: { phone: maskPhone(phone), expiresAt: expiresAt.toISOString() },
    });
    return { phoneMasked: maskPhone(phone), expiresAt };
  });
}

type Outcome =
  | { ok: true; token: string; sessionId: string; cookieExpiresAt: Date }
  | { ok: false; error: DomainError };

/**
 * A session for the phone when `code` is its live code. A wrong code counts against it (its fifth
 * wrong try kills it) — counted in a transaction of its own that commits, then refused.
 */
export async function verifyResidentCode(
  db: Database,
  box: SecretBox,
  request: { tenantId: string; requestId?: string },
  input: z.input<typeof ZVerifyResidentCode>,
  now = new Date(),
) {
  const { phone, code } = ZVerifyResidentCode.parse(input);
  const { tenantId } = request;
  const outcome = await withTenant(db, tenantId, async (tx): Promise<Outcome> => {
    const [live] = await tx
      .select()
      .from(t)
      .where(
        and(
          inArray(t.phoneIndex, box.blindIndexes(phone, tenantId)),
          isNull(t.usedAt),
          gt(t.expiresAt, now),
          lt(t.failures, RESIDENT_CODE_MAX_FAILURES),
        ),
      )
      .orderBy(desc(t.createdAt))
      .limit(1)
      .for('update');
    if (!live) {
      return {
        ok: false,
        error: new DomainError('bad-request', 'publicResident.code_expired', { field: 'code' }),
      };
    }
    const given = Buffer.from(codeHash(box, tenantId, live.id, code));
    const kept = Buffer.from(live.codeHash);
    if (given.length !== kept.length || !timingSafeEqual(given, kept)) {
      const failures = live.failures + 1;
      await tx.update(t).set({ failures }).where(eq(t.id, live.id));
      const left = RESIDENT_CODE_MAX_FAILURES - failures;
      return {
        ok: false,
        error:
          left > 0
            ? new DomainError('bad-request', 'publicResident.code_wrong', { field: 'code', params: { left } })
            : new DomainError('bad-request', 'publicResident.code_dead', { field: 'code' }),
      };
    }
    await tx.update(t).set({ usedAt: now }).where(eq(t.id, live.id));
    const session = await openResidentSession(tx, box, tenantId, phone, now);
    const actor = residentSiteActor(tenantId, request.requestId);
    await appendAudit(tx, {
      ...auditActor(actor),
      action: 'resident.phone_verified',
      objectType: 'resident_session',
      objectId: session.sessionId,
      after: { phone: maskPhone(phone), codeId: live.id },
    });
    return { ok: true, ...session };
  });
  if (!outcome.ok) throw outcome.error;
  const { ok: _, ...session } = outcome;
  return session;
}
