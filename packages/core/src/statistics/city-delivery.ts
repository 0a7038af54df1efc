import { type Database, withTenant } from '@linju/db';
import { isFinalRefusal, type NodeKey, retryAfterMs, signedFetch } from '@linju/federation';
import { peerTarget } from '../federation/peer-target.ts';
import { citySendOf, citySendRequest, recordCitySendAttempt } from './city-sending.ts';

/** This node as a sender: its id and public URL (a same-node city is reached there) and its key. */
export type DeliveringNode = {
  nodeId: string;
  publicUrl: string;
  key: Pick<NodeKey, 'kid' | 'privateKey'>;
};

export type CityDelivery =
  | { outcome: 'delivered'; status: number; receipt: Record<string, unknown> }
  | { outcome: 'refused'; status: number; message: string }
  | { outcome: 'retry'; status: number | null; message: string; retryAfterMs?: number };

/**
 * One attempt at delivering a sending to the city's node, recorded on the sending: signed like a
 * referral-exchange request (fresh `created` and nonce, the sending's idempotency key), to the
 * pinned peer's base URL, or to this node's own public URL when the city is a tenant here — the
 * same endpoint and checks either way. A 2xx is kept with its receipt; a final 4xx is a refusal;
 * a network error, a 5xx, 408/425/429 or an unpinned node is for the caller to retry. A sending
 * already finished answers what it ended with, without sending.
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
  const record = (attempt: Parameters<typeof recordCitySendAttempt>[2]) =>
    withTenant(db, input.tenantId, (tx) => recordCitySendAttempt(tx, send.id, attempt));

  const target = await peerTarget(db, node, send.cityNodeId);
  if (!target) {
    const message = `node ${send.cityNodeId} is not in the pinned peer directory`;
    await record({ outcome: 'retry', status: null, error: message });
    return { outcome: 'retry', status: null, message };
  }
  const request = citySendRequest(send);
  let response: Response;
  try {
    response = await signedFetch({
      ...target,
      method: 'POST',
      ...request,
      key: node.key.privateKey,
      kid: node.key.kid,
    });
  } catch (error) {
    const message = `${send.cityNodeId} unreachable: ${error instanceof Error ? error.message : String(error)}`;
    await record({ outcome: 'retry', status: null, error: message });
    return { outcome: 'retry', status: null, message };
  }
  const text = await response.text();
  if (response.ok) {
    let receipt: Record<string, unknown> = {};
    try {
      const parsed: unknown = text ? JSON.parse(text) : {};
      if (parsed && typeof parsed === 'object') receipt = parsed as Record<string, unknown>;
    } catch {
      // A 2xx is an answer whatever its body; the receipt is then simply not known.
    }
    await record({ outcome: 'delivered', status: response.status, receipt });
    return { outcome: 'delivered', status: response.status, receipt };
  }
  const message = `${send.cityTenant}@${send.cityNodeId} answered ${response.status}: ${text.slice(0, 500)}`;
  if (isFinalRefusal(response.status)) {
    await record({ outcome: 'refused', status: response.status, error: message });
    return { outcome: 'refused', status: response.status, message };
  }
  await record({ outcome: 'retry', status: response.status, error: message });
  const after = retryAfterMs(response);
  return {
    outcome: 'retry',
    status: response.status,
    message,
    ...(after === undefined ? {} : { retryAfterMs: after }),
  };
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
