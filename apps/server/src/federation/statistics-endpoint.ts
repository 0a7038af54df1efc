import { peerKey, receiveStatisticsMessage, STATISTICS_EXCHANGE_PATH } from '@linju/core';
import { and, type Database, eq, schema } from '@linju/db';
import { verifyRequest } from '@linju/federation';
import { problem } from '../rest/problem.ts';
import { MAX_MESSAGE_BYTES } from './referral-endpoint.ts';

export type StatisticsEndpointDeps = {
  db: Database;
  /** Where peers reach this node: signatures cover the URL the sender used. */
  publicUrl: string;
};

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

/** The district's division code as the body claims it; checked for real once the signature holds. */
function claimedDivision(body: Uint8Array): string | undefined {
  try {
    const json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body)) as unknown;
    const code = (json as { divisionCode?: unknown } | null)?.divisionCode;
    return typeof code === 'string' && /^\d{6}$/.test(code) ? code : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `POST /federation/v1/statistics`: a district's monthly statistics (counts only), signed by a
 * pinned peer exactly like a referral-exchange request, for the city bureau tenant of this node
 * whose division code is the district's city (`3101xx` → `310100`). Answers 202 once stored;
 * problem+json otherwise: 401 for a signature, digest or replay refusal (nothing stored), 400 for
 * a message outside the strict shape, 403 when this node has no (single) bureau for that city,
 * 413 past the spec's body limit.
 */
export function statisticsHandler(deps: StatisticsEndpointDeps) {
  return async (request: Request): Promise<Response> => {
    if (new URL(request.url).pathname !== STATISTICS_EXCHANGE_PATH) return problem(404, 'Not found');
    if (request.method !== 'POST') return new Response(null, { status: 405, headers: { allow: 'POST' } });
    const body = await readBody(request);
    if (!body) {
      const refused = problem(413, 'Body too large', `A message may be at most ${MAX_MESSAGE_BYTES} bytes`);
      // The rest of the body is never read: close the connection rather than leave it half-read.
      refused.headers.set('connection', 'close');
      return refused;
    }
    const url = new URL(STATISTICS_EXCHANGE_PATH, deps.publicUrl).toString();
    // Authenticate before saying anything about this node's tenants. The nonce is only looked at
    // here, not recorded: receiveStatisticsMessage verifies again and records it (a replay is
    // refused there), so this check must not spend it.
    const verified = await verifyRequest({
      method: request.method,
      url,
      headers: request.headers,
      body,
      now: new Date(),
      resolveKey: async (kid) => (await peerKey(deps.db, kid))?.key,
      nonceSeen: () => false,
    });
    if (!verified.ok) return problem(verified.status, 'Signature refused', verified.message);

    const division = claimedDivision(body);
    if (!division) return problem(400, 'Malformed message', 'divisionCode: is not a six-digit division code');
    const cityCode = `${division.slice(0, 4)}00`;
    const bureaus = await deps.db
      .select({ id: schema.tenant.id })
      .from(schema.tenant)
      .where(and(eq(schema.tenant.divisionCode, cityCode), eq(schema.tenant.status, 'active')));
    const [bureau] = bureaus;
    if (!bureau || bureaus.length > 1) {
      return problem(
        403,
        'Sender not allowed',
        bureaus.length > 1
          ? `more than one tenant of this node is the city bureau ${cityCode}`
          : `no city bureau ${cityCode} on this node takes statistics`,
      );
    }
    const receipt = await receiveStatisticsMessage(deps.db, bureau.id, {
      method: request.method,
      url,
      headers: request.headers,
      body,
    });
    if (!receipt.ok) {
      const title =
        receipt.status === 400
          ? 'Malformed message'
          : receipt.status === 403
            ? 'Sender not allowed'
            : 'Signature refused';
      return problem(receipt.status, title, receipt.message);
    }
    return Response.json(
      { status: 'received', divisionCode: receipt.divisionCode, month: receipt.month },
      { status: 202 },
    );
  };
}
