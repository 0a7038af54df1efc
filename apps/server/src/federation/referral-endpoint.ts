import type { SecretBox } from '@linju/auth';
import { findTenantBySlug, nonceSeen, peerKey, receiveReferral } from '@linju/core';
import { type Database, withTenant } from '@linju/db';
import { IDEMPOTENCY_HEADER, parseAddress, referralCreateSchema, verifyRequest } from '@linju/federation';
import { problem } from '../rest/problem.ts';

/** The spec's limit on a message body. */
export const MAX_MESSAGE_BYTES = 1024 * 1024;

const problemWithErrors = (status: number, title: string, errors: { field: string; message: string }[]) =>
  Response.json(
    {
      type: 'about:blank',
      title,
      status,
      detail: errors.map((e) => `${e.field}: ${e.message}`).join('; '),
      errors,
    },
    { status, headers: { 'content-type': 'application/problem+json' } },
  );

/** Reads the body as bytes, refusing it past the limit without holding more than that. */
async function readBody(request: Request): Promise<Uint8Array | null> {
  if (Number(request.headers.get('content-length') ?? 0) > MAX_MESSAGE_BYTES) return null;
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.byteLength;
      if (size > MAX_MESSAGE_BYTES) return null;
      chunks.push(chunk);
    }
  }
  return Buffer.concat(chunks);
}

/**
 * `POST /federation/v1/referrals` (spec/referral-exchange.md): a signed create from a pinned peer,
 * addressed to a district this node serves. Answers 202 with the receipt; the same idempotency key
 * and body again answers the same receipt, the same key with another body 409.
 */
export function referralCreateHandler(deps: {
  db: Database;
  box: SecretBox;
  nodeId: string;
  publicUrl: string;
}) {
  return async (request: Request): Promise<Response> => {
    if (new URL(request.url).pathname !== '/federation/v1/referrals') return problem(404, 'Not found');
    if (request.method !== 'POST') return new Response(null, { status: 405, headers: { allow: 'POST' } });
    const body = await readBody(request);
    if (!body) return problem(413, 'Body too large', `A message may be at most ${MAX_MESSAGE_BYTES} bytes`);

    // Signatures cover the URL the sender used: the public one, whatever proxy stands in front.
    const url = new URL(new URL(request.url).pathname, deps.publicUrl).toString();
    let signer: Awaited<ReturnType<typeof peerKey>>;
    const verified = await verifyRequest({
      method: request.method,
      url,
      headers: request.headers,
      body,
      now: new Date(),
      resolveKey: async (kid) => {
        signer = await peerKey(deps.db, kid);
        return signer?.key;
      },
      nonceSeen: (nonce, created, kid) => nonceSeen(deps.db, nonce, created, kid),
    });
    if (!verified.ok) return problem(verified.status, 'Signature refused', verified.message);
    const peer = signer?.peer;
    if (!peer) return problem(401, 'Signature refused', 'unknown key');

    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
    } catch {
      return problemWithErrors(400, 'Malformed message', [{ field: '(body)', message: 'is not UTF-8 JSON' }]);
    }
    const parsed = referralCreateSchema.safeParse(json);
    if (!parsed.success) {
      return problemWithErrors(
        400,
        'Malformed message',
        parsed.error.issues.map((i) => ({ field: i.path.join('.') || '(body)', message: i.message })),
      );
    }
    const message = parsed.data;
    const from = parseAddress(message.from);
    const to = parseAddress(message.to);
    if (from?.nodeId !== peer.nodeId) {
      return problem(403, 'Sender not allowed', `"from" must be an organisation of node ${peer.nodeId}`);
    }
    const tenant = to?.nodeId === deps.nodeId ? await findTenantBySlug(deps.db, to.orgId) : null;
    if (tenant?.status !== 'active') {
      return problem(403, 'Sender not allowed', `"to" is not an organisation this node serves`);
    }
    const idempotencyKey = request.headers.get(IDEMPOTENCY_HEADER) ?? '';
    const outcome = await withTenant(deps.db, tenant.id, (tx) =>
      receiveReferral(tx, deps.box, {
        tenantId: tenant.id,
        senderNode: peer.nodeId,
        idempotencyKey,
        body,
        message,
      }),
    );
    if (outcome.kind === 'conflict') {
      return problem(409, 'Conflict', 'This idempotency key (or referral id) was used with another message');
    }
    return Response.json({ receipt: outcome.receipt, status: 'received' }, { status: 202 });
  };
}
