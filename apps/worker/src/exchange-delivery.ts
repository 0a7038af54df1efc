import type { SecretBox } from '@linju/auth';
import { type DocumentStore, loadExchangeMessage, peerTarget, recordDeliveryAttempt } from '@linju/core';
import { type Database, withTenant } from '@linju/db';
import { isFinalRefusal, type NodeKey, retryAfterMs, signedFetch } from '@linju/federation';
import {
  type DeliverExchangeMessageInput,
  EXCHANGE_REFUSED_FAILURE,
  type ExchangeDelivery,
} from '@linju/workflows';
import { ApplicationFailure } from '@temporalio/client';

/** What delivering needs: the data key (bodies are sealed) and this node's identity and key. */
export type ExchangeDeps = {
  box: SecretBox;
  node: { nodeId: string; publicUrl: string; key: NodeKey };
  /** The node's file store (the server's): documents a partner returns with its outcome land there. */
  files?: DocumentStore;
};

/**
 * Sends one outbox message, signed, and records how the attempt ended on its row. A 2xx is kept
 * (a later call answers it again without sending); a final 4xx fails the activity for good; a
 * network error, a 5xx, 408/425/429, an unpinned peer or a request `signedFetch` refuses (a
 * redirect, a private address, an answer over the bound) throw, and Temporal retries with
 * back-off (a `Retry-After` is honoured). Over loopback (the peer is this node) the message goes to this
 * node's own public URL, through the same endpoint and checks as any other.
 */
export function createExchangeDelivery(db: Database, deps: ExchangeDeps) {
  const attempt = (tenantId: string, key: string, result: Parameters<typeof recordDeliveryAttempt>[2]) =>
    withTenant(db, tenantId, (tx) => recordDeliveryAttempt(tx, key, result));

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
    const target = await peerTarget(db, deps.node, row.peerNode);
    if (!target) {
      const error = `node ${row.peerNode} is not in the pinned peer directory`;
      await attempt(input.tenantId, row.id, { outcome: 'retry', status: null, error });
      throw new Error(error);
    }
    let response: Response;
    try {
      response = await signedFetch({
        ...target,
        method: row.method,
        path: row.path,
        ...(body === undefined ? {} : { body }),
        idempotencyKey: row.id,
        key: deps.node.key.privateKey,
        kid: deps.node.key.kid,
      });
    } catch (error) {
      const message = `${row.peerNode} unreachable: ${error instanceof Error ? error.message : String(error)}`;
      await attempt(input.tenantId, row.id, { outcome: 'retry', status: null, error: message });
      throw new Error(message);
    }
    const text = await response.text();
    if (response.ok) {
      let json: Record<string, unknown> = {};
      try {
        const parsed: unknown = text ? JSON.parse(text) : {};
        if (parsed && typeof parsed === 'object') json = parsed as Record<string, unknown>;
      } catch {
        // A 2xx is an answer whatever its body; the receipt is then simply not known.
      }
      await attempt(input.tenantId, row.id, {
        outcome: 'delivered',
        status: response.status,
        response: json,
      });
      return { status: response.status, response: json };
    }
    const message = `${row.method} ${row.path} to ${row.peerNode} answered ${response.status}: ${text.slice(0, 500)}`;
    if (isFinalRefusal(response.status)) {
      await attempt(input.tenantId, row.id, { outcome: 'failed', status: response.status, error: message });
      throw ApplicationFailure.nonRetryable(message, EXCHANGE_REFUSED_FAILURE, { status: response.status });
    }
    await attempt(input.tenantId, row.id, { outcome: 'retry', status: response.status, error: message });
    const after = retryAfterMs(response);
    throw ApplicationFailure.create({
      message,
      type: 'ExchangeUnavailable',
      ...(after === undefined ? {} : { nextRetryDelay: after }),
    });
  };
}
