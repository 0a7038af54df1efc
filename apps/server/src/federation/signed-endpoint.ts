import { nonceSeen, type Peer, peerKey } from '@linju/core';
import type { Database } from '@linju/db';
import { MAX_PEER_RESPONSE_BYTES, type NodeKey, verifyRequest } from '@linju/federation';
import { readBoundedBody } from '../http/bounded-body.ts';
import { CLIENT_IP_HEADER } from '../http/client-address.ts';
import { refusalResponse } from '../http/refusal.ts';
import { methodNotAllowed, problem } from '../rest/problem.ts';
import { createRateLimiter } from './rate-limit.ts';

/** The spec's limit on a message body (the same bound this node reads of a peer's answers). */
export const MAX_MESSAGE_BYTES = MAX_PEER_RESPONSE_BYTES;

/** The default limit per peer: far above what a district sends, low enough to stop a flood. */
export const DEFAULT_REQUESTS_PER_MINUTE = 1200;

/** What every signed endpoint of the exchange needs to tell who is calling. */
export type SignedEndpointDeps = {
  db: Database;
  /** This node's id: its own requests (loopback) are not rate limited. */
  nodeId: string;
  /** Where peers reach this node: signatures cover the URL the sender used, whatever proxy stands in front. */
  publicUrl: string;
  /** This node's own key: a tenant here addressing another tenant here (loopback) signs with it. */
  ownKey?: Pick<NodeKey, 'kid' | 'publicKey'>;
  /**
   * Requests per calling node and minute before `429` (spec, "Errors"); this node itself (loopback)
   * is not limited. Refused signatures count per client address against the same figure.
   */
  requestsPerMinute?: number;
};

/** The node whose signature held: this node itself (no `peer`) or a pinned peer. */
export type Caller = { nodeId: string; keyId: string; peer?: Peer };

/** A request that passed the wall: who signed it, and its body (a POST's; none on a GET). */
export type SignedRequest = { request: Request; caller: Caller; body: Uint8Array | undefined };

/** What an endpoint serves at one path: the one method it takes, and the meaning of the request. */
export type SignedRoute = {
  method: 'GET' | 'POST';
  handle(signed: SignedRequest): Promise<Response>;
};

/**
 * The one wall in front of every signed endpoint of the exchange (spec, "Messages" and "Errors"),
 * so each endpoint keeps only its own meaning. In order: the path (`route` answers the endpoint's
 * route for it, or undefined: 404), the method (405 with `Allow`), a POST's body read up to the
 * spec's 1 MiB (413, in the caller's language), the signature against this node's own key or a
 * pinned peer's, with the digest, the clock and the nonce (recorded once, only for a valid
 * signature: a replay is 401), and the rate limit (429 with `Retry-After`): per client address
 * for refused signatures, per node for the others, this node itself (loopback) not limited.
 * Every refusal is problem+json.
 */
export function signedEndpoint(
  deps: SignedEndpointDeps,
  route: (path: string) => SignedRoute | undefined,
): (request: Request) => Promise<Response> {
  const limiter = createRateLimiter({
    limit: deps.requestsPerMinute ?? DEFAULT_REQUESTS_PER_MINUTE,
    windowMs: 60_000,
  });
  const tooMany = (seconds: number) => {
    const refused = problem(429, 'Too many requests', `Try again in ${seconds} s`);
    refused.headers.set('retry-after', String(seconds));
    return refused;
  };

  async function authenticate(request: Request, path: string, body: Uint8Array | undefined) {
    let caller: Omit<Caller, 'keyId'> | undefined;
    const verified = await verifyRequest({
      method: request.method,
      url: new URL(path, deps.publicUrl).toString(),
      headers: request.headers,
      ...(body === undefined ? {} : { body }),
      now: new Date(),
      resolveKey: async (kid) => {
        if (deps.ownKey && kid === deps.ownKey.kid) {
          caller = { nodeId: deps.nodeId };
          return deps.ownKey.publicKey;
        }
        const found = await peerKey(deps.db, kid);
        caller = found && { nodeId: found.peer.nodeId, peer: found.peer };
        return found?.key;
      },
      nonceSeen: (nonce, created, kid) => nonceSeen(deps.db, nonce, created, kid),
    });
    if (!verified.ok) return { refused: problem(verified.status, 'Signature refused', verified.message) };
    if (!caller) return { refused: problem(401, 'Signature refused', 'unknown key') };
    return { caller: { ...caller, keyId: verified.keyid } };
  }

  return async (request) => {
    const path = new URL(request.url).pathname;
    const served = route(path);
    if (!served) return problem(404, 'Not found');
    if (request.method !== served.method) return methodNotAllowed(request.method, served.method);
    let body: Uint8Array | undefined;
    if (served.method === 'POST') {
      const read = await readBoundedBody(
        request.body,
        request.headers.get('content-length'),
        MAX_MESSAGE_BYTES,
      );
      if (read === 'too-large')
        return refusalResponse(request, { kind: 'body-too-large', limit: MAX_MESSAGE_BYTES });
      body = read;
    }
    const auth = await authenticate(request, path, body);
    if (!auth.caller) {
      // A caller that keeps failing its signature is held back by its address.
      const wait = limiter.take(`address:${request.headers.get(CLIENT_IP_HEADER) ?? 'unknown'}`);
      return wait > 0 ? tooMany(wait) : auth.refused;
    }
    if (auth.caller.nodeId !== deps.nodeId) {
      const wait = limiter.take(`node:${auth.caller.nodeId}`);
      if (wait > 0) return tooMany(wait);
    }
    return served.handle({ request, caller: auth.caller, body });
  };
}
