import type { SecretBox } from '@linju/auth';
import { eq, schema, sealedColumns, sql, type TenantTx } from '@linju/db';
import { referralMessageKey } from '@linju/federation/referral-states';

export type OutboxMessage = typeof schema.federationOutbox.$inferSelect;

/**
 * The key of a referral's `seq`-th effect as a message of the exchange: the outbox row's id and
 * the request's `Linju-Idempotency-Key`, the same on every retry. The referral id is a UUID, so
 * keys of two tenants never meet at a receiver.
 */
export const exchangeMessageKey = referralMessageKey;

/**
 * Puts one message in the outbox, inside the transaction of the referral change it reports, so
 * either both happen or neither. Writing the same key again changes nothing (an activity retried
 * after a lost reply).
 */
export async function enqueueExchangeMessage(
  tx: TenantTx,
  box: SecretBox,
  message: {
    tenantId: string;
    key: string;
    referralId: string;
    peerNode: string;
    method: 'POST' | 'GET';
    path: string;
    body?: unknown;
  },
): Promise<void> {
  await tx
    .insert(schema.federationOutbox)
    .values({
      tenantId: message.tenantId,
      id: message.key,
      referralId: message.referralId,
      peerNode: message.peerNode,
      method: message.method,
      path: message.path,
      bodySealed:
        message.body === undefined
          ? null
          : box.encrypt(JSON.stringify(message.body), message.tenantId, sealedColumns.federationOutboxBody),
    })
    .onConflictDoNothing();
}

/** One outbox message with its body opened, as the delivering activity sends it. */
export async function loadExchangeMessage(tx: TenantTx, box: SecretBox, key: string) {
  const [row] = await tx.select().from(schema.federationOutbox).where(eq(schema.federationOutbox.id, key));
  if (!row) return undefined;
  return {
    row,
    body:
      row.bodySealed === null
        ? undefined
        : box.decrypt(row.bodySealed, row.tenantId, sealedColumns.federationOutboxBody),
  };
}

/** Records how one delivery attempt ended: answered (2xx), refused for good, or to be retried. */
export async function recordDeliveryAttempt(
  tx: TenantTx,
  key: string,
  attempt:
    | { outcome: 'delivered'; status: number; response: Record<string, unknown> }
    | { outcome: 'failed' | 'retry'; status: number | null; error: string },
): Promise<void> {
  const attempts = sql`${schema.federationOutbox.attempts} + 1`;
  await tx
    .update(schema.federationOutbox)
    .set(
      attempt.outcome === 'delivered'
        ? {
            status: 'delivered',
            attempts,
            lastStatus: attempt.status,
            lastError: null,
            response: attempt.response,
            deliveredAt: new Date(),
          }
        : {
            status: attempt.outcome === 'failed' ? 'failed' : 'pending',
            attempts,
            lastStatus: attempt.status,
            lastError: attempt.error.slice(0, 2000),
          },
    )
    .where(eq(schema.federationOutbox.id, key));
}

/** A referral's messages, oldest first (for its page and for tests). */
export const outboxOf = (tx: TenantTx, referralId: string) =>
  tx
    .select()
    .from(schema.federationOutbox)
    .where(eq(schema.federationOutbox.referralId, referralId))
    .orderBy(schema.federationOutbox.createdAt, schema.federationOutbox.id);

/** Whether the outbox holds a message under `key` (the activity answers its key to the workflow). */
export async function outboxHas(tx: TenantTx, key: string): Promise<boolean> {
  const rows = await tx
    .select({ id: schema.federationOutbox.id })
    .from(schema.federationOutbox)
    .where(eq(schema.federationOutbox.id, key));
  return rows.length > 0;
}
