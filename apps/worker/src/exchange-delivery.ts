import type { SecretBox } from '@linju/auth';
import {
  type DeliveringNode,
  type DocumentStore,
  deliverToPeer,
  loadExchangeMessage,
  recordDeliveryAttempt,
} from '@linju/core';
import { type Database, withTenant } from '@linju/db';
import {
  type DeliverExchangeMessageInput,
  EXCHANGE_REFUSED_FAILURE,
  type ExchangeDelivery,
} from '@linju/workflows';
import { ApplicationFailure } from '@temporalio/client';
import { deliveryFailure } from './delivery-failure.ts';

/** What delivering needs: the data key (bodies are sealed) and this node's identity and key. */
export type ExchangeDeps = {
  box: SecretBox;
  node: DeliveringNode;
  /** The node's file store (the server's): documents a partner returns with its outcome land there. */
  files?: DocumentStore;
};

const FAILURE_TYPES = { refused: EXCHANGE_REFUSED_FAILURE, unavailable: 'ExchangeUnavailable' };

/**
 * Sends one outbox message through the exchange's one signed delivery (`deliverToPeer`) and
 * records how the attempt ended on its row. A 2xx is kept (a later call answers it again without
 * sending); a final 4xx fails the activity for good; anything else (unreachable, an unpinned
 * peer, a 5xx, 408/425/429, a redirect, a private address, an answer over the bound) is retried
 * by Temporal with back-off (a `Retry-After` is honoured). Over loopback (the peer is this node)
 * the message goes to this node's own public URL, through the same endpoint and checks as any other.
 */
export function createExchangeDelivery(db: Database, deps: ExchangeDeps) {
  return async function deliver(input: DeliverExchangeMessageInput): Promise<ExchangeDelivery> {
    const loaded = await withTenant(db, input.tenantId, (tx) => loadExchangeMessage(tx, deps.box, input.key));
    if (!loaded) {
      throw ApplicationFailure.nonRetryable(
        `outbox message ${input.key} not found`,
        EXCHANGE_REFUSED_FAILURE,
      );
    }
    const { row, body } = loaded;
    if (row.status === 'delivered') return { status: row.lastStatus ?? 200, response: row.response ?? {} };
    if (row.status === 'failed') {
      throw ApplicationFailure.nonRetryable(
        `outbox message ${row.id} was refused with ${row.lastStatus}: ${row.lastError}`,
        EXCHANGE_REFUSED_FAILURE,
      );
    }
    const result = await deliverToPeer(db, deps.node, {
      peerNode: row.peerNode,
      method: row.method,
      path: row.path,
      ...(body === undefined ? {} : { body }),
      idempotencyKey: row.id,
    });
    await withTenant(db, input.tenantId, (tx) =>
      recordDeliveryAttempt(
        tx,
        row.id,
        result.outcome === 'delivered'
          ? { outcome: 'delivered', status: result.status, response: result.answer }
          : {
              outcome: result.outcome === 'refused' ? 'failed' : 'retry',
              status: result.status,
              error: result.message,
            },
      ),
    );
    if (result.outcome === 'delivered') return { status: result.status, response: result.answer };
    throw deliveryFailure(result, FAILURE_TYPES);
  };
}
