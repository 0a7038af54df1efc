import type { SecretBox } from '@linju/auth';
import { and, eq, schema, sql, type TenantTx } from '@linju/db';
import {
  nextReferralState,
  type ReferralActor,
  type ReferralOutcome,
  type ReferralState,
} from '@linju/federation/referral-states';
import { appendAudit } from '../audit/append-audit.ts';
import { insertCaseEvent, loadCase } from '../cases/case-access.ts';
import { DomainError } from '../errors.ts';
import { notify } from '../notifications/notification-service.ts';
import { stationHeadsOver } from '../staff/role-holders.ts';
import { countReferralCompletion } from '../statistics/activity-rollups.ts';
import { closePartnerLinksIfEnded } from './partner-link.ts';
import { carriesOutcomeDocuments, keepOutcomeDocuments } from './referral-attachments.ts';
import { queueReferralEvent } from './referral-exchange.ts';

type ReferralRow = typeof schema.referral.$inferSelect;

/** Workflows act in the platform's name when no person does (as `systemActor`). */
const SYSTEM_NAME = 'system';

/**
 * One applied event as the workflow recorded it (structurally the workflows package's
 * `ReferralEventRecord`): `idempotencyKey` is `workflowId#sequence`, the same on every retry.
 */
export type ReferralEventEffect = {
  tenantId: string;
  referralId: string;
  sequence: number;
  /** A state's event, or `note` (no move: `from` = `to`, the text in `reason`). */
  type: ReferralState | 'note';
  from: ReferralState | null;
  to: ReferralState;
  at: string;
  by: ReferralActor | null;
  reason?: string;
  outcome?: ReferralOutcome;
  idempotencyKey: string;
  /** An event from the other side of the exchange: `<node> <Linju-Idempotency-Key>`, kept in the log. */
  messageKey?: string;
  /** The receiver's receipt, on the `received` that its answer to the create brought. */
  receipt?: string;
};

/** A missed deadline as the workflow raised it (the workflows package's `ReferralEscalationRecord`). */
export type ReferralEscalationEffect = {
  tenantId: string;
  referralId: string;
  sequence: number;
  /** A missed deadline, or (`delivery`) the receiver refused a message for good. */
  kind: 'acknowledge' | 'complete' | 'delivery';
  deadline: string;
  state: ReferralState;
  at: string;
  idempotencyKey: string;
};

export type EffectResult = 'applied' | 'duplicate' | 'audited-only';

/**
 * Takes the effect's key: a per-key advisory lock makes "look, then write" safe against a timed-out
 * attempt still running (and makes an activity wait for the transaction that created the referral
 * and wrote its first event). Answers false when the effect is already recorded.
 */
async function claim(tx: TenantTx, referralId: string, key: string): Promise<boolean> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`referral-effect:${key}`}, 0))`);
  const done = await tx
    .select({ seq: schema.auditEntry.seq })
    .from(schema.auditEntry)
    .where(
      and(
        eq(schema.auditEntry.objectType, 'referral'),
        eq(schema.auditEntry.objectId, referralId),
        eq(schema.auditEntry.requestId, key),
      ),
    )
    .limit(1);
  return done.length === 0;
}

/** Appends a timeline entry to the case, locking it (the referral's audit entry covers the entry). */
async function appendTimeline(
  tx: TenantTx,
  referral: { tenantId: string; caseId: string | null },
  entry: {
    actorId: string | null;
    actorName: string;
    text: string | null;
    data: Record<string, unknown>;
    /** `referral` unless said: a document returned with the outcome is a `document` entry. */
    kind?: 'referral' | 'document';
  },
  options: { caseLocked?: boolean } = {},
) {
  // An incoming referral has no case on this side: its log and the audit entry are its record.
  const { caseId } = referral;
  if (caseId === null) return;
  if (!options.caseLocked) {
    await tx
      .select({ id: schema.legalCase.id })
      .from(schema.legalCase)
      .where(eq(schema.legalCase.id, caseId))
      .for('update');
  }
  await insertCaseEvent(tx, {
    tenantId: referral.tenantId,
    caseId,
    kind: entry.kind ?? 'referral',
    actorId: entry.actorId,
    actorName: entry.actorName,
    text: entry.text,
    data: JSON.parse(JSON.stringify(entry.data)) as Record<string, unknown>,
  });
}

/** The partner's answers (and notes) the sender's side is told about (in the app, through `notify`). */
const TOLD_ANSWERS = new Set(['accepted', 'rejected', 'completed', 'failed', 'note']);

/**
 * Tells the case's first responder, its handler and the referral's author (and, for an escalation, the station
 * heads over the case's unit) what happened to a referral, in the effect's transaction; the
 * effect's key makes a repeat tell nobody twice.
 */
async function tellSender(
  tx: TenantTx,
  row: { tenantId: string; id: string; caseId: string | null; createdBy: string | null },
  input: { kind: string; messageKey: string; key: string; stationHeads: boolean },
) {
  if (row.caseId === null) return;
  const c = await loadCase(tx, row.caseId, false);
  const recipients = [
    ...(c.row.firstResponderId ? [c.row.firstResponderId] : []),
    // Whoever handles the case now must act on the answer.
    ...(c.row.assigneeId ? [c.row.assigneeId] : []),
    ...(row.createdBy ? [row.createdBy] : []),
    ...(input.stationHeads ? await stationHeadsOver(tx, c.organisationPath) : []),
  ];
  await notify(tx, {
    tenantId: row.tenantId,
    recipientIds: recipients,
    kind: input.kind,
    caseId: row.caseId,
    referralId: row.id,
    messageKey: input.messageKey,
    params: { number: c.row.number },
    dedupeKey: `referral:${input.key}`,
  });
}

const lockReferral = async (tx: TenantTx, id: string) =>
  (await tx.select().from(schema.referral).where(eq(schema.referral.id, id)).for('update'))[0];

/**
 * Records one event of a referral's workflow, once per idempotency key: the referral's new status,
 * its event log entry, the case timeline entry (the outcome lands on the case) and the audit
 * entry. The state machine is asked again against the stored status: a projection that disagrees
 * with the workflow is a bug, refused rather than written. A workflow whose referral this database
 * does not hold (started by hand, or a rolled-back send) is only audited. On an exchanged referral
 * a change of this side's is queued in the outbox in the same transaction (`options.box` seals it).
 */
export async function recordReferralEvent(
  tx: TenantTx,
  effect: ReferralEventEffect,
  options: {
    box?: SecretBox;
    /**
     * The outcome's documents fetched from the receiver's node before this transaction (SHA-256 →
     * size; see `fetchOutcomeDocuments`): they become case documents. Others stay unavailable.
     */
    fetchedDocuments?: ReadonlyMap<string, number>;
    /**
     * The referral row this transaction has just inserted, its case locked: the first effect of a
     * send. Nobody else can have recorded its key or hold the row, so neither is looked up.
     */
    created?: ReferralRow;
  } = {},
): Promise<EffectResult> {
  const { created } = options;
  if (!created && !(await claim(tx, effect.referralId, effect.idempotencyKey))) return 'duplicate';
  const row = created ?? (await lockReferral(tx, effect.referralId));
  const by = effect.by;
  let result: EffectResult = 'audited-only';
  if (row) {
    // The first effect (`requested`, or `received` on an incoming referral) was written with the row.
    // A note moves nothing: the workflow took it in a state that is not final, the row stays.
    if (effect.from !== null && effect.type !== 'requested' && effect.type !== 'note') {
      if (!by) throw new Error(`referral event ${effect.idempotencyKey} has no actor`);
      const check = nextReferralState(row.status, {
        type: effect.type,
        by,
        ...(effect.reason === undefined ? {} : { reason: effect.reason }),
        ...(effect.outcome === undefined ? {} : { outcome: effect.outcome }),
      });
      if (!check.ok) {
        throw new DomainError('conflict', 'referral.transition_invalid', {
          params: { currentState: row.status, code: check.error.code },
        });
      }
      await tx
        .update(schema.referral)
        .set({
          status: effect.to,
          updatedAt: new Date(),
          ...(effect.reason === undefined ? {} : { reason: effect.reason }),
          ...(effect.outcome === undefined
            ? {}
            : { outcomeCode: effect.outcome.code, outcomeText: effect.outcome.text }),
          ...(effect.receipt === undefined ? {} : { remoteReferralId: effect.receipt }),
        })
        .where(eq(schema.referral.id, row.id));
      // Referral turnaround in the statistics: counted once, with the completion itself.
      if (effect.to === 'completed') await countReferralCompletion(tx, row, new Date(effect.at));
    }
    await tx.insert(schema.referralEvent).values({
      tenantId: row.tenantId,
      referralId: row.id,
      seq: effect.sequence,
      type: effect.type,
      fromStatus: effect.from,
      toStatus: effect.to,
      at: new Date(effect.at),
      actorId: by?.staffId ?? null,
      actorName: by?.name ?? SYSTEM_NAME,
      actorParty: by?.party ?? 'system',
      actorRole: by?.role ?? null,
      reason: effect.reason ?? null,
      outcome: effect.outcome ?? null,
      data: effect.messageKey === undefined ? {} : { messageKey: effect.messageKey },
      idempotencyKey: effect.idempotencyKey,
    });
    // Documents returned with the outcome (spec: `outcome.documents`): kept with the referral, and
    // documents of the case where it has one here. Uploaded on this side, or fetched just before.
    // A completion's, or a failure's (e.g. the ruling that refused the confirmation).
    const returned = carriesOutcomeDocuments(effect.type) ? (effect.outcome?.documents ?? []) : [];
    const kept =
      returned.length === 0
        ? []
        : await keepOutcomeDocuments(tx, row, returned, {
            stored: new Map([
              ...returned.flatMap((d) =>
                d.url === undefined && d.sizeBytes !== undefined ? [[d.sha256, d.sizeBytes] as const] : [],
              ),
              ...(options.fetchedDocuments ?? new Map<string, number>()),
            ]),
            timeline: ({ kind, data }) =>
              appendTimeline(tx, row, {
                kind,
                actorId: by?.staffId ?? null,
                actorName: by?.name ?? SYSTEM_NAME,
                text: null,
                data,
              }),
          });
    await appendTimeline(
      tx,
      row,
      {
        actorId: by?.staffId ?? null,
        actorName: by?.name ?? SYSTEM_NAME,
        text: effect.reason ?? effect.outcome?.text ?? (effect.type === 'requested' ? row.summary : null),
        data: {
          referralId: row.id,
          referralKind: row.kind,
          partnerOrganisationId: row.toOrganisationId,
          event: effect.type,
          status: effect.to,
          ...(effect.outcome ? { outcome: { code: effect.outcome.code, text: effect.outcome.text } } : {}),
          // The returned documents, by name; `documentId` where it became a document of the case.
          ...(kept.length > 0 ? { documents: kept } : {}),
          // Whose note it is: the partner's (receiver) or this district's own (sender).
          ...(effect.type === 'note' && by ? { party: by.party } : {}),
          // The outcome is back: the first responder owes the resident the answer (信息反馈).
          ...(effect.type === 'completed' || effect.type === 'failed' || effect.type === 'rejected'
            ? { feedbackDue: true }
            : {}),
        },
      },
      { caseLocked: created !== undefined },
    );
    await queueReferralEvent(tx, options.box, row, effect);
    // An ended referral can be answered no more: its one-time links stop working with it.
    await closePartnerLinksIfEnded(tx, row, effect.to);
    if (row.direction === 'outgoing' && by?.party === 'receiver' && TOLD_ANSWERS.has(effect.type)) {
      await tellSender(tx, row, {
        kind: `referral.${effect.type}`,
        messageKey: `notification.referral_${effect.type}`,
        key: effect.idempotencyKey,
        stationHeads: false,
      });
    }
    result = 'applied';
  }
  await appendAudit(tx, {
    actorId: by?.staffId ?? null,
    actorName: by ? by.name : SYSTEM_NAME,
    action: `referral.${effect.type}`,
    objectType: 'referral',
    objectId: effect.referralId,
    before: effect.from === null ? null : { state: effect.from },
    after: {
      state: effect.to,
      at: effect.at,
      by,
      ...(effect.reason === undefined ? {} : { reason: effect.reason }),
      ...(effect.outcome === undefined ? {} : { outcome: effect.outcome }),
    },
    requestId: effect.idempotencyKey,
  });
  return result;
}

/**
 * Records one missed deadline, once per key: an `escalated` entry in the referral's log and on the
 * case timeline (visible to the first responder and the station head on the case), and the audit entry.
 */
export async function recordReferralEscalation(
  tx: TenantTx,
  effect: ReferralEscalationEffect,
): Promise<EffectResult> {
  if (!(await claim(tx, effect.referralId, effect.idempotencyKey))) return 'duplicate';
  const row = await lockReferral(tx, effect.referralId);
  let result: EffectResult = 'audited-only';
  if (row) {
    const data = { deadline: effect.kind, deadlineAt: effect.deadline };
    await tx.insert(schema.referralEvent).values({
      tenantId: row.tenantId,
      referralId: row.id,
      seq: effect.sequence,
      type: 'escalated',
      fromStatus: effect.state,
      toStatus: effect.state,
      at: new Date(effect.at),
      actorName: SYSTEM_NAME,
      actorParty: 'system',
      data,
      idempotencyKey: effect.idempotencyKey,
    });
    await appendTimeline(tx, row, {
      actorId: null,
      actorName: SYSTEM_NAME,
      text: null,
      data: {
        referralId: row.id,
        referralKind: row.kind,
        partnerOrganisationId: row.toOrganisationId,
        event: 'escalated',
        status: effect.state,
        ...data,
      },
    });
    // A missed deadline (or a refused message) on our own referral: the people who must act.
    if (row.direction === 'outgoing') {
      await tellSender(tx, row, {
        kind: 'referral.escalated',
        messageKey: `notification.referral_escalated_${effect.kind}`,
        key: effect.idempotencyKey,
        stationHeads: true,
      });
    }
    result = 'applied';
  }
  await appendAudit(tx, {
    actorId: null,
    actorName: SYSTEM_NAME,
    action: 'referral.escalated',
    objectType: 'referral',
    objectId: effect.referralId,
    after: { deadline: effect.kind, deadlineAt: effect.deadline, state: effect.state, at: effect.at },
    requestId: effect.idempotencyKey,
  });
  return result;
}
