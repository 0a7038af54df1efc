import {
  cityDivisionOf,
  findTenantBySlug,
  peerKey,
  receiveStatisticsMessage,
  STATISTICS_EXCHANGE_PATH,
} from '@linju/core';
import { and, type Database, eq, schema } from '@linju/db';
import { type NodeKey, parseAddress, verifyRequest } from '@linju/federation';
import { readBoundedBody } from '../http/bounded-body.ts';
import { refusalResponse } from '../http/refusal.ts';
import { methodNotAllowed, problem } from '../rest/problem.ts';
import { MAX_MESSAGE_BYTES } from './referral-endpoint.ts';

export type StatisticsEndpointDeps = {
  db: Database;
  /** Where peers reach this node: signatures cover the URL the sender used. */
  publicUrl: string;
  /** This node's id: a version 2 message names its city as `<slug>@<nodeId>`. */
  nodeId: string;
  /** This node's own key: a district of this deployment reports to its city here over loopback. */
  ownKey?: Pick<NodeKey, 'kid' | 'publicKey'>;
};

/**
 * Who the body says it is and where it goes, as claimed: checked for real once the signature
 * holds and the message parses. A version 2 message names its city (`to`); version 1 does not.
 */
function claimed(body: Uint8Array): { division?: string; to?: string } {
  try {
    const json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body)) as {
      divisionCode?: unknown;
      to?: unknown;
    } | null;
    const code = json?.divisionCode;
    return {
      ...(typeof code === 'string' && /^\d{6}$/.test(code) ? { division: code } : {}),
      ...(typeof json?.to === 'string' ? { to: json.to } : {}),
    };
  } catch {
    return {};
  }
}

/**
 * `POST /federation/v1/statistics`: a district's monthly statistics (counts only), signed by a
 * pinned peer (or by this node itself, over loopback) exactly like a referral-exchange request.
 * A version 2 message goes to the city bureau tenant it names (`to`, `<slug>@<nodeId>` of this
 * node); a version 1 message to this node's one bureau whose division code is the district's
 * city (`3101xx` → `310100`). Either way the city must be the district's. Answers 202 once stored
 * (or when the same revision comes again unchanged); problem+json otherwise: 401 for a
 * signature, digest or replay refusal (nothing stored), 400 for a message outside the strict
 * shape, 403 when the addressed tenant is not here or not the district's city, 409 for a
 * revision older than the one held or a changed body under a revision already held, 413 past
 * the spec's body limit.
 */
export function statisticsHandler(deps: StatisticsEndpointDeps) {
  return async (request: Request): Promise<Response> => {
    if (new URL(request.url).pathname !== STATISTICS_EXCHANGE_PATH) return problem(404, 'Not found');
    if (request.method !== 'POST') return methodNotAllowed(request.method, 'POST');
    const body = await readBoundedBody(
      request.body,
      request.headers.get('content-length'),
      MAX_MESSAGE_BYTES,
    );
    if (body === 'too-large')
      return refusalResponse(request, { kind: 'body-too-large', limit: MAX_MESSAGE_BYTES });
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
      resolveKey: async (kid) =>
        deps.ownKey?.kid === kid ? deps.ownKey.publicKey : (await peerKey(deps.db, kid))?.key,
      nonceSeen: () => false,
    });
    if (!verified.ok) return problem(verified.status, 'Signature refused', verified.message);

    const { division, to } = claimed(body);
    if (!division) return problem(400, 'Malformed message', 'divisionCode: is not a six-digit division code');
    const bureau = to ? await addressedBureau(deps, to) : await onlyBureauOf(deps.db, division);
    if ('refused' in bureau) return problem(403, 'Sender not allowed', bureau.refused);
    const receipt = await receiveStatisticsMessage(
      deps.db,
      bureau.id,
      { method: request.method, url, headers: request.headers, body },
      deps.ownKey ? { ownKey: { nodeId: deps.nodeId, ...deps.ownKey } } : {},
    );
    if (!receipt.ok) {
      const title =
        receipt.status === 400
          ? 'Malformed message'
          : receipt.status === 403
            ? 'Sender not allowed'
            : receipt.status === 409
              ? 'Conflict'
              : 'Signature refused';
      return problem(receipt.status, title, receipt.message);
    }
    return Response.json(
      {
        status: 'received',
        divisionCode: receipt.divisionCode,
        month: receipt.month,
        revision: receipt.revision,
      },
      { status: 202 },
    );
  };
}

type Bureau = { id: string } | { refused: string };

/** Version 2: the tenant the district addressed, which must be on this node and active. */
async function addressedBureau(deps: StatisticsEndpointDeps, to: string): Promise<Bureau> {
  const address = parseAddress(to);
  if (address?.nodeId !== deps.nodeId) return { refused: `"to" is not an address on node ${deps.nodeId}` };
  const tenant = await findTenantBySlug(deps.db, address.orgId);
  return tenant?.status === 'active'
    ? { id: tenant.id }
    : { refused: `"to" is not a tenant this node serves` };
}

/** Version 1 names no city: the one active bureau of this node holding the district's city code. */
async function onlyBureauOf(db: Database, division: string): Promise<Bureau> {
  const cityCode = cityDivisionOf(division);
  const bureaus = await db
    .select({ id: schema.tenant.id })
    .from(schema.tenant)
    .where(and(eq(schema.tenant.divisionCode, cityCode), eq(schema.tenant.status, 'active')));
  const [bureau] = bureaus;
  if (bureau && bureaus.length === 1) return bureau;
  return {
    refused:
      bureaus.length > 1
        ? `more than one tenant of this node is the city bureau ${cityCode}`
        : `no city bureau ${cityCode} on this node takes statistics`,
  };
}
