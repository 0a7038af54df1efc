import { type Database, withTenant } from '@linju/db';
import { type DeliveringNode, deliverToPeer } from '../federation/peer-delivery.ts';
import { citySendOf, citySendRequest, recordCitySendAttempt } from './city-sending.ts';

export type CityDelivery =
  | { outcome: 'delivered'; status: number; receipt: Record<string, unknown> }
  | { outcome: 'refused'; status: number; message: string }
  | { outcome: 'retry'; status: number | null; message: string; retryAfterMs?: number };

/**
 * One attempt at delivering a sending to the city's node, recorded on the sending: one signed
 * delivery of the exchange (`deliverToPeer`: fresh `created` and nonce, the sending's idempotency
 * key), to the pinned peer or to this node's own public URL when the city is a tenant here. A 2xx
 * is kept with its receipt; a final 4xx is a refusal; anything else is for the caller to retry. A
 * sending already finished answers what it ended with, without sending.
 */
export async function deliverCitySend(
  db: Database,
  node: DeliveringNode,
  input: { tenantId: string; sendId: string },
): Promise<CityDelivery> {
  const send = await withTenant(db, input.tenantId, (tx) => citySendOf(tx, input.sendId));
  // The workflow waits for a “send now” sending to commit before delivering; a missing one is retried.
  if (!send) return { outcome: 'retry', status: null, message: `sending ${input.sendId} not visible (yet)` };
  if (send.status === 'delivered')
    return { outcome: 'delivered', status: send.lastStatus ?? 202, receipt: send.receipt ?? {} };
  if (send.status !== 'pending')
    return { outcome: 'refused', status: send.lastStatus ?? 0, message: send.lastError ?? send.status };

  const result = await deliverToPeer(db, node, {
    peerNode: send.cityNodeId,
    peer: `${send.cityTenant}@${send.cityNodeId}`,
    method: 'POST',
    ...citySendRequest(send),
  });
  const delivery: CityDelivery =
    result.outcome === 'delivered'
      ? { outcome: 'delivered', status: result.status, receipt: result.answer }
      : result;
  await withTenant(db, input.tenantId, (tx) =>
    recordCitySendAttempt(
      tx,
      send.id,
      delivery.outcome === 'delivered'
        ? delivery
        : { outcome: delivery.outcome, status: delivery.status, error: delivery.message },
    ),
  );
  return delivery;
}

/** Marks a sending given up on (its retries ran out), so the screen says so. */
export async function abandonCitySend(
  db: Database,
  input: { tenantId: string; sendId: string; error: string },
) {
  await withTenant(db, input.tenantId, (tx) =>
    recordCitySendAttempt(tx, input.sendId, { outcome: 'failed', error: input.error }),
  );
}
