import type { SecretBox } from '@linju/auth';
import { and, eq, inArray, lte, schema, sealedColumns, type TenantTx } from '@linju/db';
import type { MessageChannel, MessageTemplateKey } from '@linju/vocabulary';
import { auditActor, systemActor } from '../actor.ts';
import { appendAudit } from '../audit/append-audit.ts';
import type { MessageParams } from './enqueue-message.ts';

/** How long a claimed message may stay `sending` before the claim is taken as lost (a crash). */
export const SENDING_LEASE_MS = 5 * 60_000;
/** After this many attempts a message that still fails for a passing reason fails for good. */
export const MAX_MESSAGE_ATTEMPTS = 6;

/** 30 s, 2 min, 8 min, 32 min, then hourly: a throttled provider is given room, a resident not forgotten. */
export const retryDelayMs = (attempts: number) =>
  Math.min(30_000 * 4 ** Math.max(0, attempts - 1), 3_600_000);

const m = schema.outboundMessage;
const worker = (tenantId: string) => auditActor(systemActor(tenantId, 'message delivery'));

export type ClaimedMessage = {
  id: string;
  tenantId: string;
  channel: MessageChannel;
  templateKey: MessageTemplateKey;
  recipient: string;
  params: MessageParams;
  /** This attempt's number: the outcome is recorded against it. */
  attempt: number;
};

/**
 * Takes the district's due messages on the given channels for sending, in their own transaction:
 * each becomes `sending` with its attempt counted (audited) until its lease ends. A message still
 * `sending` past its lease was claimed by a worker that died between sending and recording: whether
 * the provider sent it is unknown, and none of the SMS APIs deduplicates a repeated request (their
 * out-ids only label receipts), so it is failed, never sent a second time; staff see why.
 */
export async function claimDueMessages(
  tx: TenantTx,
  box: SecretBox,
  options: { tenantId: string; channels: readonly MessageChannel[]; now: Date; limit?: number },
): Promise<ClaimedMessage[]> {
  if (options.channels.length === 0) return [];
  const due = await tx
    .select()
    .from(m)
    .where(
      and(
        inArray(m.status, ['queued', 'sending']),
        inArray(m.channel, [...options.channels]),
        lte(m.nextAttemptAt, options.now),
      ),
    )
    .orderBy(m.nextAttemptAt)
    .limit(options.limit ?? 50)
    .for('update', { skipLocked: true });
  const claimed: ClaimedMessage[] = [];
  for (const row of due) {
    if (row.status === 'sending') {
      await tx
        .update(m)
        .set({ status: 'failed', lastError: 'outcome-unknown' })
        .where(and(eq(m.tenantId, row.tenantId), eq(m.id, row.id)));
      await appendAudit(tx, {
        ...worker(row.tenantId),
        action: 'message.failed',
        objectType: 'message',
        objectId: row.id,
        after: { attempts: row.attempts, error: 'outcome-unknown' },
      });
      continue;
    }
    const attempt = row.attempts + 1;
    await tx
      .update(m)
      .set({
        status: 'sending',
        attempts: attempt,
        nextAttemptAt: new Date(options.now.getTime() + SENDING_LEASE_MS),
      })
      .where(and(eq(m.tenantId, row.tenantId), eq(m.id, row.id)));
    await appendAudit(tx, {
      ...worker(row.tenantId),
      action: 'message.sending',
      objectType: 'message',
      objectId: row.id,
      after: { attempt },
    });
    claimed.push({
      id: row.id,
      tenantId: row.tenantId,
      channel: row.channel,
      templateKey: row.templateKey as MessageTemplateKey,
      recipient: box.decrypt(row.recipientSealed, row.tenantId, sealedColumns.messageRecipient),
      params: JSON.parse(box.decrypt(row.paramsSealed, row.tenantId, sealedColumns.messageParams)),
      attempt,
    });
  }
  return claimed;
}

export type SendOutcome =
  | { outcome: 'sent'; providerMessageId: string | null; delivered?: boolean }
  | { outcome: 'retry' | 'failed'; error: string };

/**
 * Records how an attempt ended (audited): sent (or delivered, when the provider knows at once), a
 * passing failure queued again after its back-off (failed for good after `MAX_MESSAGE_ATTEMPTS`),
 * or a permanent one. Only the claim that made the attempt may record it: a lease that lapsed
 * meanwhile has already failed the message, and that stands.
 */
export async function recordSendOutcome(
  tx: TenantTx,
  input: { tenantId: string; id: string; attempt: number; provider: string; now: Date; result: SendOutcome },
): Promise<{ status: string } | null> {
  const { result, now } = input;
  const gaveUp = result.outcome === 'retry' && input.attempt >= MAX_MESSAGE_ATTEMPTS;
  const set =
    result.outcome === 'sent'
      ? {
          status: result.delivered ? ('delivered' as const) : ('sent' as const),
          providerMessageId: result.providerMessageId,
          sentAt: now,
          deliveredAt: result.delivered ? now : null,
          lastError: null,
        }
      : result.outcome === 'retry' && !gaveUp
        ? {
            status: 'queued' as const,
            nextAttemptAt: new Date(now.getTime() + retryDelayMs(input.attempt)),
            lastError: result.error,
          }
        : { status: 'failed' as const, lastError: result.error };
  const [row] = await tx
    .update(m)
    .set({ ...set, provider: input.provider })
    .where(
      and(
        eq(m.tenantId, input.tenantId),
        eq(m.id, input.id),
        eq(m.status, 'sending'),
        eq(m.attempts, input.attempt),
      ),
    )
    .returning({ status: m.status, nextAttemptAt: m.nextAttemptAt });
  if (!row) return null;
  const action =
    row.status === 'queued'
      ? 'message.retry_scheduled'
      : row.status === 'failed'
        ? 'message.failed'
        : 'message.sent';
  const after =
    result.outcome === 'sent'
      ? { provider: input.provider, providerMessageId: result.providerMessageId }
      : {
          provider: input.provider,
          attempt: input.attempt,
          error: result.error,
          nextAttemptAt: row.status === 'queued' ? row.nextAttemptAt : null,
        };
  await appendAudit(tx, {
    ...worker(input.tenantId),
    action,
    objectType: 'message',
    objectId: input.id,
    after,
  });
  if (row.status === 'delivered') await auditDelivered(tx, input.tenantId, input.id);
  return { status: row.status };
}

const auditDelivered = (tx: TenantTx, tenantId: string, id: string) =>
  appendAudit(tx, { ...worker(tenantId), action: 'message.delivered', objectType: 'message', objectId: id });

/**
 * A provider's delivery report (its receipt for the message id it gave): a sent message becomes
 * delivered, or failed with the provider's reason. A report for a message not `sent` changes nothing.
 */
export async function recordDeliveryReport(
  tx: TenantTx,
  input: {
    tenantId: string;
    provider: string;
    providerMessageId: string;
    delivered: boolean;
    error?: string;
    at: Date;
  },
): Promise<boolean> {
  const [row] = await tx
    .update(m)
    .set(
      input.delivered
        ? { status: 'delivered', deliveredAt: input.at }
        : { status: 'failed', lastError: input.error ?? 'undelivered' },
    )
    .where(
      and(
        eq(m.tenantId, input.tenantId),
        eq(m.provider, input.provider),
        eq(m.providerMessageId, input.providerMessageId),
        eq(m.status, 'sent'),
      ),
    )
    .returning({ id: m.id });
  if (!row) return false;
  if (input.delivered) await auditDelivered(tx, input.tenantId, row.id);
  else
    await appendAudit(tx, {
      ...worker(input.tenantId),
      action: 'message.failed',
      objectType: 'message',
      objectId: row.id,
      after: { error: input.error ?? 'undelivered' },
    });
  return true;
}
