import { createHash, randomBytes } from 'node:crypto';
import { claimAttempt, forgiveAttempt, roleAllows, type SecretBox } from '@linju/auth';
import {
  and,
  type Database,
  eq,
  inArray,
  isNull,
  schema,
  sealedColumns,
  type TenantTx,
  withTenant,
} from '@linju/db';
import type { ReferralActor } from '@linju/federation/referral-states';
import { z } from 'zod';
import type { Actor } from '../actor.ts';
import { appendAudit } from '../audit/append-audit.ts';
import { loadCase, recordCaseEvent } from '../cases/case-access.ts';
import { DomainError } from '../errors.ts';
import { enqueueMessage } from '../messages/enqueue-message.ts';
import { notifyContact } from '../notifications/notification-channel.ts';
import { isMobileNumber } from '../personal-data/personal-data.ts';
import { attachmentSummary, referralAttachments, ZOutcomeDocuments } from './referral-attachments.ts';
import { RECEIVER_ACTIONS } from './referral-schemas.ts';
import type { ReferralSubject } from './referral-subject.ts';

type ReferralRow = typeof schema.referral.$inferSelect;

/** The admin app's public page of a link: `/p/<token>`. */
export const partnerLinkPath = (token: string) => `/p/${token}`;

/** A link works until this many days after the referral's completion deadline (or after issue). */
export const PARTNER_LINK_GRACE_DAYS = 14;

/**
 * Once opened, a link works only this long: whoever holds it (a forwarded SMS, a shared screen,
 * a browser history) reads the resident's data for half an hour, not for weeks. The district
 * issues a new link when the partner needs more time. (`partner_link.window_over` says "half an hour".)
 */
export const PARTNER_LINK_OPEN_MINUTES = 30;

/** States after which nothing can be answered: the link is closed with the state as its reason. */
const ENDED = ['completed', 'failed', 'rejected', 'cancelled'] as const;
type Ended = (typeof ENDED)[number];
const isEnded = (status: string): status is Ended => (ENDED as readonly string[]).includes(status);

/** 256 random bits, URL-safe: unguessable, so the link itself is the signature. */
export const newPartnerLinkToken = () => randomBytes(32).toString('base64url');

/** Only this is stored: a token is random and long, so an unsalted SHA-256 suffices. */
export const partnerLinkHash = (token: string) => createHash('sha256').update(token.trim()).digest('hex');

/**
 * Whether a partner answers through a one-time link: a partner of this district (no remote
 * address: a peer node answers through the exchange) where nobody enabled may answer the inbox.
 */
export async function partnerNeedsLink(tx: TenantTx, organisationId: string): Promise<boolean> {
  const [org] = await tx
    .select({ remoteAddress: schema.organisation.remoteAddress })
    .from(schema.organisation)
    .where(eq(schema.organisation.id, organisationId));
  if (!org || org.remoteAddress) return false;
  const grants = await tx
    .select({ role: schema.roleGrant.role })
    .from(schema.roleGrant)
    .innerJoin(schema.staffMember, eq(schema.staffMember.id, schema.roleGrant.staffMemberId))
    .where(and(eq(schema.roleGrant.organisationId, organisationId), isNull(schema.staffMember.disabledAt)));
  return !grants.some((g) => roleAllows(g.role, 'referral.respond'));
}

/** Closes the referral's open links (a newer one replaces them, or the referral ended). */
export async function closePartnerLinks(
  tx: TenantTx,
  tenantId: string,
  referralId: string,
  reason: (typeof schema.PARTNER_LINK_CLOSE_REASONS)[number],
  now = new Date(),
): Promise<number> {
  const closed = await tx
    .update(schema.partnerLink)
    .set({ closedAt: now, closedReason: reason })
    .where(
      and(
        eq(schema.partnerLink.tenantId, tenantId),
        eq(schema.partnerLink.referralId, referralId),
        isNull(schema.partnerLink.closedAt),
      ),
    )
    .returning({ tokenHash: schema.partnerLink.tokenHash });
  return closed.length;
}

/** Closes a referral's links when it reaches an end (called with every recorded effect). */
export async function closePartnerLinksIfEnded(tx: TenantTx, row: ReferralRow, status: string) {
  if (isEnded(status)) await closePartnerLinks(tx, row.tenantId, row.id, status);
}

export type IssuedPartnerLink = {
  referralId: string;
  /** Shown once to the sending staff; nothing keeps it. */
  token: string;
  path: string;
  expiresAt: Date;
  /** The partner's contact the link is meant for. */
  contact: { name: string; phone: string | null };
  /** Channels that took the link to the contact; empty when none is installed (pass it on by hand). */
  sentVia: string[];
};

/**
 * Issues the referral's one-time link (closing any earlier one), records the issue on the case
 * timeline and in the audit log (without the token), and hands the link to every contact channel
 * for the partner's phone. The caller has checked that the actor may act for the sender.
 */
async function issue(
  tx: TenantTx,
  actor: Actor,
  box: SecretBox,
  row: ReferralRow,
  now: Date,
): Promise<IssuedPartnerLink> {
  const [partner] = await tx
    .select()
    .from(schema.organisation)
    .where(eq(schema.organisation.id, row.toOrganisationId));
  if (!partner) throw new DomainError('not-found', 'organisation.not_found', { field: 'toOrganisationId' });
  const rotated = await closePartnerLinks(tx, row.tenantId, row.id, 'rotated', now);
  const token = newPartnerLinkToken();
  const floor = Math.max(now.getTime(), row.dueBy.getTime());
  const expiresAt = new Date(floor + PARTNER_LINK_GRACE_DAYS * 86_400_000);
  await tx.insert(schema.partnerLink).values({
    tokenHash: partnerLinkHash(token),
    tenantId: row.tenantId,
    referralId: row.id,
    issuedBy: actor.id,
    issuedAt: now,
    expiresAt,
  });
  const contact = { name: partner.nameZh, phone: partner.phone };
  const path = partnerLinkPath(token);
  const sentVia = await notifyContact(tx, {
    tenantId: row.tenantId,
    contact,
    messageKey: 'partnerLink.contact_message',
    params: { partner: partner.nameZh, dueBy: row.dueBy.toISOString().slice(0, 10) },
    linkPath: path,
  });
  const c = row.caseId ? await loadCase(tx, row.caseId, true) : null;
  // The partner's mobile phone gets the link by SMS from the outbox, with this change's commit.
  if (partner.phone && isMobileNumber(partner.phone)) {
    await enqueueMessage(tx, actor, box, {
      channel: 'sms',
      templateKey: 'partner-link',
      recipient: partner.phone,
      params: { number: c?.row.number ?? row.id.slice(0, 8), link: path },
      caseId: row.caseId,
    });
    sentVia.push('sms');
  }
  const record = {
    referralId: row.id,
    partnerOrganisationId: partner.id,
    event: 'partner-link',
    expiresAt: expiresAt.toISOString(),
    rotated: rotated > 0,
    sentVia,
  };
  if (c) {
    await recordCaseEvent(tx, actor, c.row, {
      kind: 'referral',
      action: 'referral.partner_link_issued',
      data: record,
    });
  } else {
    await appendAudit(tx, {
      actorId: actor.id,
      actorName: actor.name,
      action: 'referral.partner_link_issued',
      objectType: 'referral',
      objectId: row.id,
      after: record,
    });
  }
  return { referralId: row.id, token, path, expiresAt, contact, sentVia };
}

/**
 * At send: a referral to a partner that answers through a link gets its first link. Answers
 * undefined for partners with accounts or a system of their own.
 */
export async function issuePartnerLinkOnSend(
  tx: TenantTx,
  actor: Actor,
  box: SecretBox,
  row: ReferralRow,
  now = new Date(),
): Promise<IssuedPartnerLink | undefined> {
  if (row.direction !== 'outgoing' || row.remoteNode !== null) return undefined;
  if (!(await partnerNeedsLink(tx, row.toOrganisationId))) return undefined;
  return issue(tx, actor, box, row, now);
}

/**
 * A new link for a referral still open (the old one lost, or expired): the old stops working.
 * `referral` is the row the sender side may act on (see `referralForSender`).
 */
export async function reissuePartnerLink(
  tx: TenantTx,
  actor: Actor,
  box: SecretBox,
  referral: ReferralRow,
  now = new Date(),
) {
  if (referral.direction !== 'outgoing' || referral.remoteNode !== null) {
    throw new DomainError('bad-request', 'partner_link.not_needed', { field: 'referralId' });
  }
  if (isEnded(referral.status)) {
    throw new DomainError('conflict', 'partner_link.referral_ended', {
      field: 'referralId',
      params: { currentState: referral.status },
    });
  }
  if (!(await partnerNeedsLink(tx, referral.toOrganisationId))) {
    throw new DomainError('bad-request', 'partner_link.not_needed', { field: 'referralId' });
  }
  return issue(tx, actor, box, referral, now);
}

/** Which of the listed referrals of the tenant are answered through a link (for the sender's lists). */
export async function referralsWithLinks(
  tx: TenantTx,
  tenantId: string,
  referralIds: readonly string[],
): Promise<Set<string>> {
  if (referralIds.length === 0) return new Set();
  // A platform table (no row security): the tenant is named explicitly.
  const rows = await tx
    .selectDistinct({ referralId: schema.partnerLink.referralId })
    .from(schema.partnerLink)
    .where(
      and(
        eq(schema.partnerLink.tenantId, tenantId),
        inArray(schema.partnerLink.referralId, [...referralIds]),
      ),
    );
  return new Set(rows.map((r) => r.referralId));
}

const ZToken = z.string().trim().min(20, { message: 'partner_link.invalid' }).max(100);
export const ZPartnerLinkRequest = z.object({ token: ZToken });

/** What the partner may do through the link: the inbox's answers, in the partner's name. */
export const ZPartnerLinkAnswerRequest = z.object({
  token: ZToken,
  type: z.enum(RECEIVER_ACTIONS),
  reason: z.string().trim().max(1000).optional(),
  outcome: z
    .object({
      code: z.string().trim().min(1, { message: 'validation.required' }).max(64),
      text: z.string().trim().min(1, { message: 'validation.required' }).max(4000),
      documents: ZOutcomeDocuments.optional(),
    })
    .optional(),
  /** Who answers, as they name themselves (e.g. 张法官); the partner's name when omitted. */
  answeredBy: z.string().trim().max(100).optional(),
});
export type PartnerLinkAnswerRequest = z.input<typeof ZPartnerLinkAnswerRequest>;

/** A progress note through the link (spec: `note`), in the partner's name. */
export const ZPartnerLinkNoteRequest = z.object({
  token: ZToken,
  text: z.string().trim().min(1, { message: 'validation.required' }).max(2000),
  answeredBy: z.string().trim().max(100).optional(),
});
export type PartnerLinkNoteRequest = z.input<typeof ZPartnerLinkNoteRequest>;

const throttleKey = (ip: string) => `partner-link:ip:${ip}`;

/**
 * The link's row if it can be used now; otherwise its own refusal: unknown (counted against the
 * address: 30 per quarter hour), used (replaced, or its referral ended), opened more than
 * {@link PARTNER_LINK_OPEN_MINUTES} ago, expired. The first use starts that window; the row's
 * `expiresAt` is answered as the earlier of the two ends.
 */
export async function usablePartnerLink(db: Database, token: string, ip: string, now = new Date()) {
  // Counted before the lookup (parallel guesses cannot all go first), taken back for a known link.
  if ((await claimAttempt(db, 'ip', throttleKey(ip), now)) > 0) {
    throw new DomainError('throttled', 'partner_link.too_many_attempts');
  }
  const [row] = await db
    .select()
    .from(schema.partnerLink)
    .where(eq(schema.partnerLink.tokenHash, partnerLinkHash(token)));
  const [tenant] = row
    ? await db
        .select({ status: schema.tenant.status })
        .from(schema.tenant)
        .where(eq(schema.tenant.id, row.tenantId))
    : [];
  if (!row || tenant?.status !== 'active') {
    throw new DomainError('not-found', 'partner_link.invalid', { field: 'token' });
  }
  await forgiveAttempt(db, 'ip', throttleKey(ip));
  if (row.closedAt) {
    throw new DomainError('conflict', 'partner_link.used', {
      field: 'token',
      params: { reason: row.closedReason ?? 'rotated' },
    });
  }
  const opened = row.firstOpenedAt ?? (await markFirstOpened(db, row.tokenHash, now));
  const windowEnd = new Date(opened.getTime() + PARTNER_LINK_OPEN_MINUTES * 60_000);
  if (windowEnd <= now && windowEnd < row.expiresAt) {
    throw new DomainError('conflict', 'partner_link.window_over', { field: 'token' });
  }
  if (row.expiresAt <= now) throw new DomainError('conflict', 'partner_link.expired', { field: 'token' });
  // What the page says: the earlier of the two ends.
  return { ...row, firstOpenedAt: opened, expiresAt: windowEnd < row.expiresAt ? windowEnd : row.expiresAt };
}

/** Stamps the first opening once (two first openings at once agree on the earlier stamp). */
async function markFirstOpened(db: Database, tokenHash: string, now: Date): Promise<Date> {
  const [stamped] = await db
    .update(schema.partnerLink)
    .set({ firstOpenedAt: now })
    .where(and(eq(schema.partnerLink.tokenHash, tokenHash), isNull(schema.partnerLink.firstOpenedAt)))
    .returning({ firstOpenedAt: schema.partnerLink.firstOpenedAt });
  if (stamped?.firstOpenedAt) return stamped.firstOpenedAt;
  const [row] = await db
    .select({ firstOpenedAt: schema.partnerLink.firstOpenedAt })
    .from(schema.partnerLink)
    .where(eq(schema.partnerLink.tokenHash, tokenHash));
  return row?.firstOpenedAt ?? now;
}

/** The partner's name in the answers it gives through the link (`role` says how it answered). */
export const partnerLinkActor = (partnerName: string, answeredBy?: string): ReferralActor => ({
  party: 'receiver',
  name: answeredBy ? `${answeredBy}（${partnerName}）` : partnerName,
  role: 'one-time-link',
  staffId: null,
});

/**
 * What the link's page shows: exactly that referral, with only the subject's fields its kind
 * shares (as sent), who sent it and when it is due, and its answers so far. No case, no other data.
 * Every showing is audited (the resident's data was read): which link (a prefix of its hash,
 * never the token), the referral, and the address it was read from.
 */
export async function partnerLinkView(
  db: Database,
  box: SecretBox,
  token: string,
  ip: string,
  now = new Date(),
) {
  const link = await usablePartnerLink(db, token, ip, now);
  return withTenant(db, link.tenantId, async (tx) => {
    const [row] = await tx.select().from(schema.referral).where(eq(schema.referral.id, link.referralId));
    if (!row) throw new DomainError('not-found', 'partner_link.invalid', { field: 'token' });
    const orgs = await tx
      .select({
        id: schema.organisation.id,
        nameZh: schema.organisation.nameZh,
        nameEn: schema.organisation.nameEn,
      })
      .from(schema.organisation)
      .where(
        inArray(schema.organisation.id, [
          row.toOrganisationId,
          ...(row.fromOrganisationId ? [row.fromOrganisationId] : []),
        ]),
      );
    const [tenant] = await tx
      .select({ nameZh: schema.tenant.nameZh, nameEn: schema.tenant.nameEn })
      .from(schema.tenant)
      .where(eq(schema.tenant.id, link.tenantId));
    const events = await tx
      .select()
      .from(schema.referralEvent)
      .where(eq(schema.referralEvent.referralId, row.id))
      .orderBy(schema.referralEvent.seq);
    const attachments = (await referralAttachments(tx, [row.id])).map(attachmentSummary);
    const partner = orgs.find((o) => o.id === row.toOrganisationId);
    await appendAudit(tx, {
      actorId: null,
      actorName: partnerLinkActor(partner?.nameZh ?? '').name,
      action: 'referral.partner_link_viewed',
      objectType: 'referral',
      objectId: row.id,
      after: { link: link.tokenHash.slice(0, 16), ip, firstOpenedAt: link.firstOpenedAt.toISOString() },
    });
    const from = orgs.find((o) => o.id === row.fromOrganisationId);
    return {
      link: { tenantId: link.tenantId, referralId: link.referralId, expiresAt: link.expiresAt },
      referral: {
        kind: row.kind,
        status: row.status,
        summary: row.summary,
        details: row.details,
        subject: JSON.parse(
          box.decrypt(row.subjectSealed, row.tenantId, sealedColumns.referralSubject),
        ) as ReferralSubject,
        acknowledgeBy: row.acknowledgeBy,
        dueBy: row.dueBy,
        createdAt: row.createdAt,
        reason: row.reason,
        outcomeCode: row.outcomeCode,
        outcomeText: row.outcomeText,
      },
      district: { nameZh: tenant?.nameZh ?? '', nameEn: tenant?.nameEn ?? '' },
      partner: { nameZh: partner?.nameZh ?? '', nameEn: partner?.nameEn ?? '' },
      from: from ? { nameZh: from.nameZh, nameEn: from.nameEn } : null,
      attachments,
      events: events
        .filter((e) => e.type !== 'escalated')
        .map((e) => ({ type: e.type, at: e.at, by: e.actorName, reason: e.reason, outcome: e.outcome })),
    };
  });
}
