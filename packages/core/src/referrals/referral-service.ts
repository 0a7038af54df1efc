import { randomUUID } from 'node:crypto';
import { grantsAllow, type SecretBox, scopesFor } from '@linju/auth';
import {
  and,
  desc,
  eq,
  inArray,
  isNull,
  like,
  or,
  type SQL,
  schema,
  sealedColumns,
  type TenantTx,
} from '@linju/db';
import { parseAddress } from '@linju/federation';
import {
  isTerminalReferralState,
  type ReferralActor,
  referralStates,
} from '@linju/federation/referral-states';
import { DEFAULT_DUE_WORKING_DAYS } from '@linju/vocabulary';
import type { Actor } from '../actor.ts';
import { loadCalendar } from '../calendar/national-calendar.ts';
import { addWorkingDays } from '../calendar/working-days.ts';
import { loadCase, recordCaseEvent, requireOnCase } from '../cases/case-access.ts';
import { caseSettings, todayIn } from '../cases/case-clock.ts';
import { casePartiesToDisclose } from '../cases/case-parties.ts';
import { OPEN_STATUSES } from '../cases/case-status.ts';
import { getResident } from '../cases/resident-service.ts';
import { DomainError } from '../errors.ts';
import { isPartnerKind } from '../organisations/organisation-service.ts';
import { attachCaseDocuments } from './referral-attachments.ts';
import { recordReferralEvent } from './referral-effects.ts';
import { districtAddress, queueReferralCreate } from './referral-exchange.ts';
import {
  type CreateReferralRequest,
  type ListReferralsRequest,
  type RecordConsentRequest,
  type RerouteRequest,
  ZCreateReferralRequest,
  ZListReferralsRequest,
  ZRecordConsentRequest,
  ZRerouteRequest,
} from './referral-schemas.ts';
import { ACKNOWLEDGE_WORKING_DAYS, endOfLocalDay, subjectFor } from './referral-subject.ts';

export type ReferralRow = typeof schema.referral.$inferSelect;

/** A referral as the sender's lists show it: the subject's name and which fields went, no values. */
export const referralSummary = (r: ReferralRow) => ({
  id: r.id,
  caseId: r.caseId,
  fromOrganisationId: r.fromOrganisationId,
  toOrganisationId: r.toOrganisationId,
  kind: r.kind,
  status: r.status,
  summary: r.summary,
  subjectName: r.subjectName,
  subjectFields: r.subjectFields,
  acknowledgeBy: r.acknowledgeBy,
  dueBy: r.dueBy,
  createdBy: r.createdBy,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
  outcomeCode: r.outcomeCode,
  outcomeText: r.outcomeText,
  reason: r.reason,
  direction: r.direction,
  toAddress: r.toAddress,
  reroutedFrom: r.reroutedFrom,
});
export type ReferralSummary = ReturnType<typeof referralSummary>;

const partnerRowOf = async (tx: TenantTx, id: string) =>
  (await tx.select().from(schema.organisation).where(eq(schema.organisation.id, id)))[0];

/** The organisation a referral goes to: it must exist, be a partner, and be open. */
function checkedPartner(org: typeof schema.organisation.$inferSelect | undefined, field: string) {
  if (!org) throw new DomainError('not-found', 'organisation.not_found', { field });
  if (!isPartnerKind(org.kind)) throw new DomainError('bad-request', 'referral.partner_required', { field });
  if (org.closedAt) throw new DomainError('bad-request', 'referral.partner_closed', { field });
  return org;
}

async function partnerOf(tx: TenantTx, id: string, field: string) {
  return checkedPartner(await partnerRowOf(tx, id), field);
}

/** A consent to share with the partner that stands (not withdrawn). */
const standingConsentTo = (partnerId: string) =>
  and(
    eq(schema.residentConsent.purpose, 'share-with-partner'),
    eq(schema.residentConsent.partnerOrganisationId, partnerId),
    isNull(schema.residentConsent.withdrawnOn),
  );

const activeConsent = (residentId: string, partnerId: string) =>
  and(eq(schema.residentConsent.residentId, residentId), standingConsentTo(partnerId));

/** The case's resident's standing consent for the partner, found from the case (one query). */
async function activeConsentFor(tx: TenantTx, caseId: string, partnerId: string) {
  const [consent] = await tx
    .select({ id: schema.residentConsent.id })
    .from(schema.residentConsent)
    .innerJoin(schema.legalCase, eq(schema.legalCase.residentId, schema.residentConsent.residentId))
    .where(and(eq(schema.legalCase.id, caseId), standingConsentTo(partnerId)));
  return consent;
}

/**
 * Records the resident's consent that the case's data go to one partner (`share-with-partner`),
 * on the case's timeline. Recording it again while it stands changes nothing.
 */
export async function recordPartnerConsent(tx: TenantTx, actor: Actor, request: RecordConsentRequest) {
  const input = ZRecordConsentRequest.parse(request);
  const c = await loadCase(tx, input.caseId, true);
  requireOnCase(actor, 'referral.send', c);
  const partner = await partnerOf(tx, input.partnerOrganisationId, 'partnerOrganisationId');
  const [existing] = await tx
    .select()
    .from(schema.residentConsent)
    .where(activeConsent(c.row.residentId, partner.id));
  if (existing) return { id: existing.id, givenOn: existing.givenOn, created: false };
  const givenOn = input.givenOn ?? todayIn(await caseSettings(tx, actor.tenantId));
  const id = randomUUID();
  await tx.insert(schema.residentConsent).values({
    tenantId: actor.tenantId,
    id,
    residentId: c.row.residentId,
    purpose: 'share-with-partner',
    partnerOrganisationId: partner.id,
    givenOn,
    recordedBy: actor.id,
  });
  await recordCaseEvent(tx, actor, c.row, {
    kind: 'referral',
    action: 'case.consent_recorded',
    data: { consentId: id, purpose: 'share-with-partner', partnerOrganisationId: partner.id, givenOn },
  });
  return { id, givenOn, created: true };
}

const senderActor = (actor: Actor): ReferralActor => ({
  party: 'sender',
  name: actor.name,
  role: actor.grants[0]?.role ?? 'staff',
  staffId: actor.id,
});

const receiverActor = (actor: Actor): ReferralActor => ({
  party: 'receiver',
  name: actor.name,
  role: 'partner-user',
  staffId: actor.id,
});

/** What starts the referral's workflow (the workflows package's `ReferralWorkflowInput`, addresses aside). */
export type ReferralStart = {
  tenantId: string;
  referralId: string;
  fromOrganisationId: string;
  toOrganisationId: string;
  kind: string;
  acknowledgeBy: string;
  dueBy: string;
  requestedBy: { name: string; role: string; staffId: string | null };
  /**
   * Set when the partner is reached through the referral exchange (another node, or another
   * tenant of this one over loopback): the addresses, and the workflow delivers the queued create.
   */
  addresses?: { from: string; to: string };
};

/**
 * 转介: sends a case to a partner organisation of the district. Needs the resident's standing
 * consent for that partner; sends only the resident's fields the kind needs (sealed at rest);
 * the acknowledgement and completion deadlines are working days of the tenant's calendar, to the
 * end of that day. The first event (`requested`) is written here, under the key of the workflow's
 * first effect (`initialEffectKey`); the caller starts the workflow once this transaction has
 * committed (`firstEffectRecorded`: the workflow does not write it again).
 */
export async function createReferral(
  tx: TenantTx,
  actor: Actor,
  box: SecretBox,
  request: CreateReferralRequest,
  options: {
    initialEffectKey: (referralId: string) => string;
    now?: Date;
    /** This node's id in the referral exchange; needed to send to a partner with a remote address. */
    nodeId?: string;
    /** The referral this one re-routes (kept on the new row). */
    reroutedFrom?: string;
  },
) {
  const input = ZCreateReferralRequest.parse(request);
  // Reads that do not depend on each other go out together: one round trip on the transaction's
  // connection instead of one each (a district's sends queue on its audit chain meanwhile).
  // Their refusals are still checked in order: the case first, so a station cannot probe
  // another's case ids through the partner's errors.
  const [c, partnerRow, settings, consent] = await Promise.all([
    loadCase(tx, input.caseId, true).catch((error: unknown) => error as Error),
    partnerRowOf(tx, input.toOrganisationId),
    caseSettings(tx, actor.tenantId),
    activeConsentFor(tx, input.caseId, input.toOrganisationId),
  ]);
  if (c instanceof Error) throw c;
  requireOnCase(actor, 'referral.send', c);
  if (!OPEN_STATUSES.includes(c.row.status)) {
    throw new DomainError('conflict', 'referral.case_not_open', {
      field: 'caseId',
      params: { status: c.row.status },
    });
  }
  const partner = checkedPartner(partnerRow, 'toOrganisationId');
  const remote = partner.remoteAddress ? parseAddress(partner.remoteAddress) : null;
  if (partner.remoteAddress && (!remote || !options.nodeId)) {
    throw new DomainError('bad-request', 'referral.exchange_unavailable', { field: 'toOrganisationId' });
  }
  if (!consent)
    throw new DomainError('bad-request', 'referral.consent_required', { field: 'toOrganisationId' });
  // A send repeated while the first is open — a client whose answer was lost (the proxy's 502 when
  // a server died after the commit; nginx never re-sends a POST) — answers that referral rather than
  // a second one to the same partner. The case row is locked above, so racing sends are one too.
  const [open] = await tx
    .select()
    .from(schema.referral)
    .where(
      and(
        eq(schema.referral.caseId, c.row.id),
        eq(schema.referral.toOrganisationId, partner.id),
        eq(schema.referral.kind, input.kind),
        inArray(schema.referral.status, OPEN_REFERRAL_STATES),
      ),
    );
  if (open) {
    // Its start again is a no-op for a running workflow, and starts one whose start was lost.
    const start = referralStart(open, c.row.currentOrganisationId, senderActor(actor), actor.id);
    return { referral: referralSummary(open), row: open, start, repeated: true };
  }

  const now = options.now ?? new Date();
  const today = todayIn(settings, now);
  const [resident, calendar, fromAddress, parties] = await Promise.all([
    getResident(tx, c.row.residentId),
    loadCalendar(tx, today),
    remote && options.nodeId ? districtAddress(tx, actor.tenantId, options.nodeId) : undefined,
    // The exchange's v1 `subject` has no place for other parties: a partner reached through it
    // gets the resident only, and the referral records no more than was sent.
    remote ? [] : casePartiesToDisclose(tx, box, c.row.id),
  ]);
  const { subject, fields } = subjectFor(
    input.kind,
    {
      name: resident.name,
      phone: resident.phoneEncrypted
        ? box.decrypt(resident.phoneEncrypted, resident.tenantId, sealedColumns.residentPhone)
        : null,
      idNumber: resident.idNumberEncrypted
        ? box.decrypt(resident.idNumberEncrypted, resident.tenantId, sealedColumns.residentIdNumber)
        : null,
      keyGroups: resident.keyGroups,
    },
    parties,
  );
  const acknowledgeBy = endOfLocalDay(
    addWorkingDays(today, ACKNOWLEDGE_WORKING_DAYS, calendar),
    settings.timeZone,
  );
  const dueDays = input.dueInWorkingDays ?? DEFAULT_DUE_WORKING_DAYS[input.kind];
  const dueOn = addWorkingDays(today, Math.max(dueDays, ACKNOWLEDGE_WORKING_DAYS), calendar);
  const dueBy = endOfLocalDay(dueOn, settings.timeZone);
  const exchange = fromAddress ? { from: fromAddress, to: partner.remoteAddress as string } : undefined;

  const id = randomUUID();
  const [row] = await tx
    .insert(schema.referral)
    .values({
      tenantId: actor.tenantId,
      id,
      caseId: c.row.id,
      fromOrganisationId: c.row.currentOrganisationId,
      toOrganisationId: partner.id,
      kind: input.kind,
      summary: input.summary,
      details: input.details ?? null,
      subjectName: subject.displayName,
      subjectFields: fields,
      subjectSealed: box.encrypt(JSON.stringify(subject), actor.tenantId, sealedColumns.referralSubject),
      acknowledgeBy,
      dueBy,
      createdBy: actor.id,
      createdAt: now,
      updatedAt: now,
      fromAddress: exchange?.from ?? null,
      toAddress: exchange?.to ?? null,
      remoteNode: remote?.nodeId ?? null,
      reroutedFrom: options.reroutedFrom ?? null,
    })
    .returning();
  if (!row) throw new Error('referral insert returned no row');
  const by = senderActor(actor);
  // The case documents chosen to go with it (spec: attachments, fetched by the receiver).
  const attachments = await attachCaseDocuments(tx, row, input.documentIds ?? []);
  if (exchange) {
    await queueReferralCreate(tx, box, row, {
      subject,
      requestedBy: { name: by.name, role: by.role },
      dueOn,
      attachments,
    });
  }
  // Last: its audit entry takes the district's audit chain, held until the commit, so the district's
  // other sends wait only for this tail of the transaction.
  await recordReferralEvent(
    tx,
    {
      tenantId: actor.tenantId,
      referralId: id,
      sequence: 1,
      type: 'requested',
      from: null,
      to: 'requested',
      at: now.toISOString(),
      by,
      idempotencyKey: options.initialEffectKey(id),
    },
    { created: row },
  );
  const start = referralStart(row, c.row.currentOrganisationId, by, actor.id);
  return { referral: referralSummary(row), row, start, repeated: false };
}

const OPEN_REFERRAL_STATES = referralStates.filter((state) => !isTerminalReferralState(state));

/** What the workflow of a sent referral starts with (the exchange's addresses when it has them). */
const referralStart = (
  row: ReferralRow,
  fromOrganisationId: string,
  by: ReferralActor,
  staffId: string | null,
): ReferralStart => ({
  tenantId: row.tenantId,
  referralId: row.id,
  fromOrganisationId,
  toOrganisationId: row.toOrganisationId,
  kind: row.kind,
  acknowledgeBy: row.acknowledgeBy.toISOString(),
  dueBy: row.dueBy.toISOString(),
  requestedBy: { name: by.name, role: by.role, staffId },
  ...(row.fromAddress && row.toAddress ? { addresses: { from: row.fromAddress, to: row.toAddress } } : {}),
});

/**
 * Outgoing referrals: those sent from the subtrees where the actor may read referrals now. Having
 * sent one is no right to it: whoever loses the role loses the referral with it.
 */
export async function listOutgoingReferrals(tx: TenantTx, actor: Actor, request: ListReferralsRequest = {}) {
  const input = ZListReferralsRequest.parse(request);
  const scopes = scopesFor(actor.grants, 'referral.read').map((s) => like(schema.organisation.path, `${s}%`));
  if (scopes.length === 0) return [];
  const filters: SQL[] = [or(...scopes) as SQL];
  if (input.caseId) filters.push(eq(schema.referral.caseId, input.caseId));
  if (input.status) filters.push(eq(schema.referral.status, input.status));
  const rows = await tx
    .select({ referral: schema.referral })
    .from(schema.referral)
    .innerJoin(schema.organisation, eq(schema.organisation.id, schema.referral.fromOrganisationId))
    .where(and(...filters))
    .orderBy(desc(schema.referral.createdAt), desc(schema.referral.id))
    .limit(input.limit);
  return rows.map((r) => referralSummary(r.referral));
}

const notFound = () => new DomainError('not-found', 'referral.not_found', { field: 'referralId' });

async function loadWithPaths(tx: TenantTx, id: string) {
  const [row] = await tx.select().from(schema.referral).where(eq(schema.referral.id, id));
  if (!row) throw notFound();
  const orgs = await tx
    .select({ id: schema.organisation.id, path: schema.organisation.path })
    .from(schema.organisation)
    .where(
      inArray(
        schema.organisation.id,
        [row.fromOrganisationId, row.toOrganisationId].filter((o): o is string => o !== null),
      ),
    );
  const pathOf = (orgId: string | null) => orgs.find((o) => o.id === orgId)?.path ?? '\u0000';
  return { row, fromPath: pathOf(row.fromOrganisationId), toPath: pathOf(row.toOrganisationId) };
}

/**
 * The referral a partner user may answer, and the actor they answer as. Anything not addressed to
 * their organisation is `not-found`, so ids cannot be probed.
 */
export async function referralForReceiver(tx: TenantTx, actor: Actor, referralId: string) {
  const { row, toPath } = await loadWithPaths(tx, referralId);
  // An outgoing exchanged referral is answered on the other side, never in a local inbox.
  if (row.direction === 'outgoing' && row.remoteNode !== null) throw notFound();
  if (!grantsAllow(actor.grants, 'referral.respond', toPath)) throw notFound();
  return { referral: row, by: receiverActor(actor) };
}

/**
 * The referral its sender side may act on (cancel, note, re-route, a new link, fetching outcome
 * documents): `referral.send` held now on the sending unit. Authorship grants nothing, so a
 * revoked or moved sender stops acting on what they sent.
 */
export async function referralForSender(tx: TenantTx, actor: Actor, referralId: string) {
  const { row, fromPath } = await loadWithPaths(tx, referralId);
  if (!grantsAllow(actor.grants, 'referral.read', fromPath)) throw notFound();
  if (!grantsAllow(actor.grants, 'referral.send', fromPath)) {
    throw new DomainError('forbidden', 'auth.forbidden', { params: { permission: 'referral.send' } });
  }
  return { referral: row, by: senderActor(actor) };
}

/** Reads a referral again (after the workflow's activity committed its effect). */
export async function getReferralRow(tx: TenantTx, referralId: string): Promise<ReferralRow> {
  const [row] = await tx.select().from(schema.referral).where(eq(schema.referral.id, referralId));
  if (!row) throw notFound();
  return row;
}

/** The referral's event log, oldest first. */
export async function referralEvents(tx: TenantTx, referralId: string) {
  return tx
    .select()
    .from(schema.referralEvent)
    .where(eq(schema.referralEvent.referralId, referralId))
    .orderBy(schema.referralEvent.seq);
}

/**
 * What re-routing a referral needs to do, checked before anything is written: the referral the
 * sender may act on, whether it must be cancelled first (escalated and still open), and the
 * request for the new one (same case, kind, details; the new partner). Rejected, or escalated
 * (a missed deadline, or a message the partner refused for good) and not yet final, else
 * `referral.reroute_not_allowed`; the same partner again is `referral.reroute_same_partner`.
 */
export async function planReroute(tx: TenantTx, actor: Actor, request: RerouteRequest) {
  const input = ZRerouteRequest.parse(request);
  const { referral, by } = await referralForSender(tx, actor, input.referralId);
  if (referral.direction !== 'outgoing' || referral.caseId === null) throw notFound();
  if (referral.toOrganisationId === input.toOrganisationId) {
    throw new DomainError('bad-request', 'referral.reroute_same_partner', { field: 'toOrganisationId' });
  }
  const [escalation] = await tx
    .select({ seq: schema.referralEvent.seq })
    .from(schema.referralEvent)
    .where(and(eq(schema.referralEvent.referralId, referral.id), eq(schema.referralEvent.type, 'escalated')))
    .limit(1);
  const open = !['completed', 'failed', 'rejected', 'cancelled'].includes(referral.status);
  if (referral.status !== 'rejected' && !(open && escalation)) {
    throw new DomainError('conflict', 'referral.reroute_not_allowed', {
      params: { currentState: referral.status },
    });
  }
  // Checked here, before the old referral is cancelled, so a refusal leaves it as it was.
  const c = await loadCase(tx, referral.caseId);
  if (!OPEN_STATUSES.includes(c.row.status)) {
    throw new DomainError('conflict', 'referral.case_not_open', {
      field: 'caseId',
      params: { status: c.row.status },
    });
  }
  const partner = await partnerOf(tx, input.toOrganisationId, 'toOrganisationId');
  const [consent] = await tx
    .select({ id: schema.residentConsent.id })
    .from(schema.residentConsent)
    .where(activeConsent(c.row.residentId, partner.id));
  if (!consent)
    throw new DomainError('bad-request', 'referral.consent_required', { field: 'toOrganisationId' });
  return {
    referral,
    by,
    cancelFirst: open,
    reason: input.reason,
    create: {
      caseId: referral.caseId,
      toOrganisationId: input.toOrganisationId,
      kind: referral.kind,
      summary: input.summary ?? referral.summary,
      details: referral.details,
    } satisfies CreateReferralRequest,
  };
}
