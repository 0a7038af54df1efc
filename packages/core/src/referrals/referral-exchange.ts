import type { SecretBox } from '@linju/auth';
import {
  and,
  eq,
  inArray,
  isNull,
  type Queryable,
  type schema as Schema,
  schema,
  sealedColumns,
  sql,
  type TenantTx,
} from '@linju/db';
import {
  parseAddress,
  REFERRAL_EVENT_TYPES,
  REFERRALS_PATH,
  type ReferralCreate,
  type ReferralEvent as ReferralEventMessage,
  type ReferralView,
  referralEventsPath,
} from '@linju/federation';
import type { ReferralOutcome } from '@linju/federation/referral-states';
import { caseSettings } from '../cases/case-clock.ts';
import { enqueueExchangeMessage, exchangeMessageKey } from '../federation/outbox.ts';
import { outcomeDocumentsMessage, takeInAttachments } from './referral-attachments.ts';
import type { ReferralEventEffect } from './referral-effects.ts';
import type { ReferralSubject } from './referral-subject.ts';
import { endOfLocalDay } from './referral-subject.ts';

type ReferralRow = typeof Schema.referral.$inferSelect;
export type RouteDirection = 'outgoing' | 'incoming';

/**
 * The address of a district on a node is its tenant slug; one of its partner inboxes is
 * `<slug>.<organisationId>`. The bare slug reaches the district's centre.
 */
export function splitLocalOrgId(orgId: string): { slug: string; organisationId: string | null } {
  const dot = orgId.indexOf('.');
  return dot < 0
    ? { slug: orgId, organisationId: null }
    : { slug: orgId.slice(0, dot), organisationId: orgId.slice(dot + 1) };
}

/** Records which tenant holds an exchanged referral (see `federation_route`); idempotent. */
export async function routeReferral(
  tx: Queryable,
  route: {
    peerNode: string;
    referralRef: string;
    direction: RouteDirection;
    tenantId: string;
    referralId: string;
  },
): Promise<void> {
  await tx.insert(schema.federationRoute).values(route).onConflictDoNothing();
}

/** The tenant and local referral a message from `peerNode` about `referralRef` concerns, if any. */
export async function findRoute(
  db: Queryable,
  peerNode: string,
  referralRef: string,
  direction: RouteDirection,
) {
  const [route] = await db
    .select({ tenantId: schema.federationRoute.tenantId, referralId: schema.federationRoute.referralId })
    .from(schema.federationRoute)
    .where(
      and(
        eq(schema.federationRoute.peerNode, peerNode),
        eq(schema.federationRoute.referralRef, referralRef),
        eq(schema.federationRoute.direction, direction),
      ),
    );
  return route;
}

/** This district's own address on this node (`<slug>@<nodeId>`). */
export async function districtAddress(tx: TenantTx, tenantId: string, nodeId: string): Promise<string> {
  const [tenant] = await tx
    .select({ slug: schema.tenant.slug })
    .from(schema.tenant)
    .where(eq(schema.tenant.id, tenantId));
  if (!tenant) throw new Error(`tenant ${tenantId} not found`);
  return `${tenant.slug}@${nodeId}`;
}

/**
 * The create message of an outgoing exchanged referral, queued in the creating transaction under
 * the key of the workflow's first effect; the workflow delivers it. Also routes the referral, so
 * the receiver's later events find it.
 */
export async function queueReferralCreate(
  tx: TenantTx,
  box: SecretBox,
  row: ReferralRow,
  input: {
    subject: ReferralSubject;
    requestedBy: { name: string; role: string };
    dueOn: string;
    /** The documents that go with it, in the spec's form (see `attachCaseDocuments`). */
    attachments?: ReferralCreate['attachments'];
  },
): Promise<void> {
  const to = row.toAddress ? parseAddress(row.toAddress) : null;
  if (!to || !row.fromAddress) throw new Error(`referral ${row.id} has no exchange addresses`);
  const message: ReferralCreate = {
    id: row.id,
    from: row.fromAddress,
    to: row.toAddress as string,
    kind: row.kind,
    subject: {
      displayName: input.subject.displayName,
      ...(input.subject.phone ? { phone: input.subject.phone } : {}),
      ...(input.subject.idNumber ? { idNumber: input.subject.idNumber } : {}),
      groups: input.subject.groups ?? [],
    },
    summary: row.summary,
    ...(row.details ? { details: row.details } : {}),
    attachments: input.attachments ?? [],
    requestedBy: input.requestedBy,
    dueBy: input.dueOn,
    createdAt: row.createdAt.toISOString(),
  };
  await enqueueExchangeMessage(tx, box, {
    tenantId: row.tenantId,
    key: exchangeMessageKey(row.id, 1),
    referralId: row.id,
    peerNode: to.nodeId,
    method: 'POST',
    path: REFERRALS_PATH,
    body: message,
  });
  await routeReferral(tx, {
    peerNode: to.nodeId,
    referralRef: row.id,
    direction: 'outgoing',
    tenantId: row.tenantId,
    referralId: row.id,
  });
}

/** Whether an exchanged referral's event is this side's to report to the other side. */
const ownSide = (row: ReferralRow, party: string | undefined) =>
  row.remoteNode !== null &&
  ((row.direction === 'outgoing' && party === 'sender') ||
    (row.direction === 'incoming' && party === 'receiver'));

/**
 * Queues the event message of one applied change of an exchanged referral, when the change is
 * this side's (the sender cancels; the receiver accepts, rejects, starts, completes, fails), in the
 * transaction that applied it. Events that came from the other side are not echoed back.
 */
export async function queueReferralEvent(
  tx: TenantTx,
  box: SecretBox | undefined,
  row: ReferralRow,
  effect: {
    sequence: number;
    type: string;
    from: string | null;
    at: string;
    by: { party: string; name: string; role: string } | null;
    reason?: string;
    outcome?: ReferralOutcome;
  },
): Promise<string | undefined> {
  if (effect.from === null || !effect.by || !ownSide(row, effect.by.party)) return undefined;
  if (!box)
    throw new Error(`referral ${row.id} is exchanged: its effects need the data key to queue messages`);
  if (row.direction === 'outgoing') {
    // The receiver refused the create for good: it holds nothing to tell (a cancel would be a 404).
    const [create] = await tx
      .select({ status: schema.federationOutbox.status })
      .from(schema.federationOutbox)
      .where(eq(schema.federationOutbox.id, exchangeMessageKey(row.id, 1)));
    if (create?.status === 'failed') return undefined;
  }
  const remoteNode = row.remoteNode as string;
  const senderScopedId = row.direction === 'outgoing' ? row.id : (row.remoteReferralId as string);
  const message: ReferralEventMessage = {
    type: effect.type as ReferralEventMessage['type'],
    at: effect.at,
    by: { name: effect.by.name, role: effect.by.role },
    ...(effect.reason === undefined ? {} : { reason: effect.reason }),
    ...(effect.outcome === undefined ? {} : { outcome: outcomeMessage(senderScopedId, effect.outcome) }),
  };
  const key = exchangeMessageKey(row.id, effect.sequence);
  await enqueueExchangeMessage(tx, box, {
    tenantId: row.tenantId,
    key,
    referralId: row.id,
    peerNode: remoteNode,
    method: 'POST',
    path: referralEventsPath(senderScopedId),
    body: message,
  });
  return key;
}

/**
 * The outcome as the event message carries it: its documents named by the attachments path on
 * this node, where the other side fetches them (signed; see the endpoint).
 */
const outcomeMessage = (senderScopedId: string, outcome: ReferralOutcome) => ({
  code: outcome.code,
  text: outcome.text,
  ...(outcome.documents?.length
    ? { documents: outcomeDocumentsMessage(senderScopedId, outcome.documents) }
    : {}),
});

/** Where an inbound create lands: the named partner inbox of the district, or its centre. */
async function receivingOrganisation(tx: TenantTx, organisationId: string | null) {
  const rows = await tx
    .select()
    .from(schema.organisation)
    .where(
      organisationId === null
        ? and(isNull(schema.organisation.parentId), eq(schema.organisation.kind, 'centre'))
        : sql`${schema.organisation.id}::text = ${organisationId}`,
    )
    .limit(1);
  const org = rows[0];
  if (!org || org.closedAt || org.remoteAddress) return undefined;
  return org;
}

/**
 * Turns a received create into a referral of this district's partner inbox (spec: the receiver's
 * side starts at `received`), once: its id is the receipt, its first event `received` is written
 * under the key of the receiving workflow's first effect. Answers undefined when the addressed
 * organisation is not one that takes referrals (the endpoint answers 403).
 */
export async function takeInReferral(
  tx: TenantTx,
  box: SecretBox,
  input: {
    tenantId: string;
    receipt: string;
    senderNode: string;
    message: ReferralCreate;
    initialEffectKey: string;
    /** Records the first event (`received`) of the row just inserted (`created`). */
    recordFirst: (tx: TenantTx, effect: ReferralEventEffect, created: ReferralRow) => Promise<unknown>;
  },
): Promise<ReferralRow | undefined> {
  const to = parseAddress(input.message.to);
  // Together: one round trip.
  const [[existing], org, settings] = await Promise.all([
    tx.select().from(schema.referral).where(eq(schema.referral.id, input.receipt)),
    to ? receivingOrganisation(tx, splitLocalOrgId(to.orgId).organisationId) : undefined,
    caseSettings(tx, input.tenantId),
  ]);
  if (existing) return existing;
  if (!org) return undefined;
  const dueBy = endOfLocalDay(input.message.dueBy, settings.timeZone);
  const subject: ReferralSubject = { ...input.message.subject };
  const now = new Date();
  const [row] = await tx
    .insert(schema.referral)
    .values({
      tenantId: input.tenantId,
      id: input.receipt,
      direction: 'incoming',
      caseId: null,
      fromOrganisationId: null,
      toOrganisationId: org.id,
      kind: input.message.kind as Schema.ReferralKind,
      status: 'received',
      summary: input.message.summary,
      details: input.message.details ?? null,
      subjectName: subject.displayName,
      subjectFields: Object.keys(subject),
      subjectSealed: box.encrypt(JSON.stringify(subject), input.tenantId, sealedColumns.referralSubject),
      // The sender watches the deadlines (spec, "Delivery"); the receiver only shows them.
      acknowledgeBy: dueBy,
      dueBy,
      createdAt: now,
      updatedAt: now,
      fromAddress: input.message.from,
      toAddress: input.message.to,
      remoteNode: input.senderNode,
      remoteReferralId: input.message.id,
    })
    .returning();
  if (!row) throw new Error('referral insert returned no row');
  // Its documents: named now, their bodies fetched from the sender when first read.
  await takeInAttachments(tx, row, input.message.attachments);
  await routeReferral(tx, {
    peerNode: input.senderNode,
    referralRef: input.message.id,
    direction: 'incoming',
    tenantId: input.tenantId,
    referralId: row.id,
  });
  await input.recordFirst(
    tx,
    {
      tenantId: input.tenantId,
      referralId: row.id,
      sequence: 1,
      type: 'received',
      from: null,
      to: 'received',
      at: now.toISOString(),
      by: null,
      idempotencyKey: input.initialEffectKey,
    },
    row,
  );
  return row;
}

/** Whether an event message from the other side was already applied (its key is in the log). */
export async function messageApplied(tx: TenantTx, referralId: string, messageKey: string): Promise<boolean> {
  const rows = await tx
    .select({ seq: schema.referralEvent.seq })
    .from(schema.referralEvent)
    .where(
      and(
        eq(schema.referralEvent.referralId, referralId),
        sql`${schema.referralEvent.data}->>'messageKey' = ${messageKey}`,
      ),
    )
    .limit(1);
  return rows.length > 0;
}

/** The events the view lists: those of the spec's event message. */
const VIEW_EVENTS: ReadonlySet<string> = new Set(REFERRAL_EVENT_TYPES);

/** `GET /federation/v1/referrals/{id}`: the receiver's current view, status and events. */
export async function receiverView(tx: TenantTx, referralId: string): Promise<ReferralView | undefined> {
  const [row] = await tx.select().from(schema.referral).where(eq(schema.referral.id, referralId));
  if (row?.direction !== 'incoming') return undefined;
  const events = await tx
    .select()
    .from(schema.referralEvent)
    .where(eq(schema.referralEvent.referralId, referralId))
    .orderBy(schema.referralEvent.seq);
  return {
    id: row.remoteReferralId as string,
    status: row.status,
    events: events
      .filter((e) => VIEW_EVENTS.has(e.type))
      .map((e) => ({
        type: e.type as ReferralEventMessage['type'],
        at: e.at.toISOString(),
        by: { name: e.actorName, role: e.actorRole ?? e.actorParty },
        ...(e.reason ? { reason: e.reason } : {}),
        ...(e.outcome ? { outcome: outcomeMessage(row.remoteReferralId as string, e.outcome) } : {}),
      })),
  };
}

/**
 * The notes of the given referrals (both sides', spec: `note`), oldest first: who wrote each, on
 * which side, when, and its text. For the partner's inbox (the sender's own notes reach it there).
 */
export async function referralNotes(tx: TenantTx, referralIds: readonly string[]) {
  if (referralIds.length === 0) return [];
  const rows = await tx
    .select()
    .from(schema.referralEvent)
    .where(
      and(inArray(schema.referralEvent.referralId, [...referralIds]), eq(schema.referralEvent.type, 'note')),
    )
    .orderBy(schema.referralEvent.referralId, schema.referralEvent.seq);
  return rows.map((e) => ({
    referralId: e.referralId,
    at: e.at,
    by: e.actorName,
    party: e.actorParty,
    text: e.reason ?? '',
  }));
}
