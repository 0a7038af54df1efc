import type { ServerOptions } from 'node:http';

/**
 * How long the server gives a request (docs/architecture.md, "Deadlines"). The answer's deadline
 * sits above the database's (`DATABASE_DEADLINES`: 30 s a statement, 60 s idle in a transaction,
 * 10 s for a connection), so those fire first and the request ends with its own clear error; this
 * one catches whatever else hangs.
 */
export const HTTP_DEADLINES = {
  /** The request's headers must have arrived (a slow sender holds no socket for long). */
  headersMs: 10_000,
  /** The whole request, body included, must have arrived. */
  requestMs: 30_000,
  /** The answer must have started, or the client gets 503. */
  answerMs: 90_000,
  /** How often Node checks the first two (its default, 30 s, would let them run long). */
  checkEveryMs: 5_000,
};

/** Node's own limits on receiving a request: a client too slow gets 408 and its socket closed. */
export const serverTimeouts = (deadlines = HTTP_DEADLINES): ServerOptions => ({
  headersTimeout: deadlines.headersMs,
  requestTimeout: deadlines.requestMs,
  connectionsCheckingInterval: deadlines.checkEveryMs,
});
