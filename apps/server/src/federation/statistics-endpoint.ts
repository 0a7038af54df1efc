import {
  acceptStatisticsMessage,
  cityDivisionOf,
  findTenantBySlug,
  type StatisticsReceipt,
} from '@linju/core';
import { and, type Database, eq, schema } from '@linju/db';
import { parseAddress, STATISTICS_PATH } from '@linju/federation';
import { problem } from '../rest/problem.ts';
import { malformedMessage } from './message-body.ts';
import { type SignedEndpointDeps, type SignedRequest, signedEndpoint } from './signed-endpoint.ts';

/** This node's id also names the city in a version 2 message (`<slug>@<nodeId>`). */
export type StatisticsEndpointDeps = SignedEndpointDeps;

/**
 * Who the body says it is and where it goes, as claimed: checked for real once the message
 * parses. A version 2 message names its city (`to`); version 1 does not.
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

/** The title of each refusal a statistics message may get. */
const REFUSAL_TITLES: Record<Extract<StatisticsReceipt, { ok: false }>['status'], string> = {
  400: 'Malformed message',
  401: 'Signature refused',
  403: 'Sender not allowed',
  409: 'Conflict',
};

/**
 * `POST /federation/v1/statistics`: a district's monthly statistics (counts only), behind the
 * exchange's signed-endpoint wall like every request of the exchange (signature of a pinned peer
 * or of this node itself over loopback, nonce, 413, 429). A version 2 message goes to the city
 * bureau tenant it names (`to`, `<slug>@<nodeId>` of this node); a version 1 message to this
 * node's one bureau whose division code is the district's city (`3101xx` → `310100`). Either way
 * the city must be the district's. Answers 202 once stored (or when the same revision comes again
 * unchanged); problem+json otherwise: 400 for a message outside the strict shape, 403 when the
 * addressed tenant is not here or not the district's city, 409 for a revision older than the one
 * held or a changed body under a revision already held.
 */
export function statisticsHandler(deps: StatisticsEndpointDeps) {
  async function receive({ caller, body }: SignedRequest): Promise<Response> {
    const message = body as Uint8Array; // a POST: the wall has read it
    const { division, to } = claimed(message);
    if (!division)
      return malformedMessage([{ field: 'divisionCode', message: 'is not a six-digit division code' }]);
    const bureau = to ? await addressedBureau(deps, to) : await onlyBureauOf(deps.db, division);
    if ('refused' in bureau) return problem(403, 'Sender not allowed', bureau.refused);
    const receipt = await acceptStatisticsMessage(deps.db, bureau.id, caller, message);
    if (!receipt.ok) return problem(receipt.status, REFUSAL_TITLES[receipt.status], receipt.message);
    return Response.json(
      {
        status: 'received',
        divisionCode: receipt.divisionCode,
        month: receipt.month,
        revision: receipt.revision,
      },
      { status: 202 },
    );
  }

  return signedEndpoint(deps, (path) =>
    path === STATISTICS_PATH ? { method: 'POST', handle: receive } : undefined,
  );
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
