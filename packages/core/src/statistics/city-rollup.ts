import { createHash } from 'node:crypto';
import { asc, type Database, eq, schema, type TenantTx, withTenant } from '@linju/db';
import { IDEMPOTENCY_HEADER, type NodeKey, signRequest, verifyRequest } from '@linju/federation';
import { z } from 'zod';
import { type Actor, requireTenantWide, systemActor } from '../actor.ts';
import { nonceSeen, peerKey } from '../federation/peer-directory.ts';
import { MEASURES, type Measures } from './case-tally.ts';
import { figuresOf, getStatistics } from './statistics-query.ts';

/** Where a city bureau's node takes districts' monthly statistics in. */
export const STATISTICS_EXCHANGE_PATH = '/federation/v1/statistics';

const ZMeasures = z.strictObject(
  Object.fromEntries(MEASURES.map((m) => [m, z.number().int().min(0)])) as Record<
    (typeof MEASURES)[number],
    z.ZodNumber
  >,
);
const ZLine = z.strictObject({ key: z.string().max(100), measures: ZMeasures });

/**
 * A district's monthly statistics as it leaves the district: counts only, by service, channel
 * and key group. Strict all the way down, so nothing else (no names, no units, no people) can
 * ride along, and the receiver refuses a message that tries.
 */
export const ZStatisticsMessage = z.strictObject({
  type: z.literal('linju.district-statistics'),
  version: z.literal(1),
  divisionCode: z.string().regex(/^\d{6}$/),
  districtName: z.string().min(1).max(100),
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  totals: ZMeasures,
  byService: z.array(ZLine).max(200),
  byChannel: z.array(ZLine).max(50),
  byKeyGroup: z.array(ZLine).max(50),
});
export type StatisticsMessage = z.infer<typeof ZStatisticsMessage>;

const measuresOnly = (f: Measures): Measures =>
  Object.fromEntries(MEASURES.map((m) => [m, f[m]])) as Measures;

/** The district's figures of a month as a statistics message (from its roll-ups). */
export async function buildStatisticsMessage(tx: TenantTx, tenantId: string, month: string) {
  const [tenant] = await tx
    .select({ nameZh: schema.tenant.nameZh, divisionCode: schema.tenant.divisionCode })
    .from(schema.tenant)
    .where(eq(schema.tenant.id, tenantId));
  if (!tenant) throw new Error(`no tenant ${tenantId}`);
  const stats = await getStatistics(tx, systemActor(tenantId, 'statistics export'), { period: month });
  const lines = (rows: { key: string }[]) =>
    rows.map((r) => ({ key: r.key, measures: measuresOnly(r as unknown as Measures) }));
  return ZStatisticsMessage.parse({
    type: 'linju.district-statistics',
    version: 1,
    divisionCode: tenant.divisionCode,
    districtName: tenant.nameZh,
    month,
    totals: measuresOnly(stats.totals),
    byService: lines(stats.byService),
    byChannel: lines(stats.byChannel),
    byKeyGroup: lines(stats.byKeyGroup),
  });
}

/**
 * Signs a statistics message for the city's node exactly as referral-exchange requests are signed
 * (RFC 9421 Ed25519 over method, URL, Content-Digest and the idempotency key `division:month`).
 */
export function signStatisticsMessage(message: StatisticsMessage, key: NodeKey, cityBaseUrl: string) {
  const body = new TextEncoder().encode(JSON.stringify(message));
  const url = new URL(STATISTICS_EXCHANGE_PATH, cityBaseUrl).toString();
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    [IDEMPOTENCY_HEADER]: `${message.divisionCode}:${message.month}`,
  };
  const signature = signRequest({ method: 'POST', url, headers, body, key: key.privateKey, kid: key.kid });
  return { url, body, headers: { ...headers, ...signature } as Record<string, string> };
}

export type StatisticsReceipt =
  | { ok: true; divisionCode: string; month: string }
  | { ok: false; status: 400 | 401 | 403; message: string };

/**
 * Takes a district's signed statistics message in for the city bureau tenant `cityTenantId`:
 * the signature must verify against a pinned peer's key, the digest must match the body (a
 * changed figure is refused), the nonce must be fresh, and the district must lie in the city
 * (its division code starts with the city's first four digits). A later message for the same
 * district and month replaces the earlier one (a district may correct its figures).
 */
export async function receiveStatisticsMessage(
  db: Database,
  cityTenantId: string,
  request: { method: string; url: string; headers: Record<string, string> | Headers; body: Uint8Array },
  now = new Date(),
): Promise<StatisticsReceipt> {
  let nodeId: string | undefined;
  const verified = await verifyRequest({
    method: request.method,
    url: request.url,
    headers: request.headers,
    body: request.body,
    now,
    resolveKey: async (kid) => {
      const found = await peerKey(db, kid);
      nodeId = found?.peer.nodeId;
      return found?.key;
    },
    nonceSeen: (nonce, created, kid) => nonceSeen(db, nonce, created, kid),
  });
  if (!verified.ok) return { ok: false, status: verified.status, message: verified.message };
  let message: StatisticsMessage;
  try {
    message = ZStatisticsMessage.parse(JSON.parse(new TextDecoder().decode(request.body)));
  } catch (error) {
    return { ok: false, status: 400, message: error instanceof Error ? error.message : 'invalid message' };
  }
  return withTenant(db, cityTenantId, async (tx) => {
    const [city] = await tx
      .select({ divisionCode: schema.tenant.divisionCode })
      .from(schema.tenant)
      .where(eq(schema.tenant.id, cityTenantId));
    if (!city || message.divisionCode.slice(0, 4) !== city.divisionCode.slice(0, 4))
      return { ok: false as const, status: 403 as const, message: 'the district is not part of this city' };
    const values = {
      divisionCode: message.divisionCode,
      month: `${message.month}-01`,
      districtName: message.districtName,
      nodeId: nodeId ?? '',
      keyId: verified.keyid,
      figures: message as unknown as Record<string, unknown>,
      digest: createHash('sha256').update(request.body).digest('base64'),
      receivedAt: now,
    };
    await tx
      .insert(schema.districtStatistics)
      .values({ tenantId: cityTenantId, ...values })
      .onConflictDoUpdate({
        target: [
          schema.districtStatistics.tenantId,
          schema.districtStatistics.divisionCode,
          schema.districtStatistics.month,
        ],
        set: values,
      });
    return { ok: true as const, divisionCode: message.divisionCode, month: message.month };
  });
}

/** 市局: the districts' figures of a month side by side, as they sent them. */
export async function getCityStatistics(tx: TenantTx, actor: Actor, input: { month: string }) {
  requireTenantWide(actor, 'statistics.read');
  const month = z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'statistics.period_invalid' })
    .parse(input.month);
  const rows = await tx
    .select()
    .from(schema.districtStatistics)
    .where(eq(schema.districtStatistics.month, `${month}-01`))
    .orderBy(asc(schema.districtStatistics.divisionCode));
  return rows.map((r) => {
    const message = r.figures as unknown as StatisticsMessage;
    return {
      divisionCode: r.divisionCode,
      districtName: r.districtName,
      nodeId: r.nodeId,
      receivedAt: r.receivedAt,
      figures: figuresOf(message.totals),
      byService: message.byService.map((l) => ({ key: l.key, ...figuresOf(l.measures) })),
    };
  });
}
