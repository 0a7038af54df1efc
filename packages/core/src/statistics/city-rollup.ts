import { createHash, type KeyObject } from 'node:crypto';
import { and, asc, type Database, eq, schema, type TenantTx, withTenant } from '@linju/db';
import {
  addressSchema,
  IDEMPOTENCY_HEADER,
  type NodeKey,
  STATISTICS_PATH,
  signRequest,
  verifyRequest,
} from '@linju/federation';
import { ACTIVITY_MEASURE } from '@linju/vocabulary';
import { z } from 'zod';
import { type Actor, requireTenantWide, systemActor } from '../actor.ts';
import { MEASURES, type Measures } from '../cases/case-tally.ts';
import { nonceSeen, type Peer, peerKey } from '../federation/peer-directory.ts';
import { cityDivisionOf } from '../tenants/division-code.ts';
import { figuresOf, getStatistics } from './statistics-query.ts';

const ZMeasures = z.strictObject(
  Object.fromEntries(MEASURES.map((m) => [m, z.number().int().min(0)])) as Record<
    (typeof MEASURES)[number],
    z.ZodNumber
  >,
);
const ZLine = z.strictObject({ key: z.string().max(100), measures: ZMeasures });

const ZMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const count = () => z.number().int().min(0);

/**
 * Version 1 of a district's monthly statistics as it leaves the district: counts only, by
 * service, channel and key group. Strict all the way down, so nothing else (no names, no units,
 * no people) can ride along, and the receiver refuses a message that tries. Still taken in from
 * districts on older deployments; this node sends version 2.
 */
export const ZStatisticsMessageV1 = z.strictObject({
  type: z.literal('linju.district-statistics'),
  version: z.literal(1),
  divisionCode: z.string().regex(/^\d{6}$/),
  districtName: z.string().min(1).max(100),
  month: ZMonth,
  totals: ZMeasures,
  byService: z.array(ZLine).max(200),
  byChannel: z.array(ZLine).max(50),
  byKeyGroup: z.array(ZLine).max(50),
});

/**
 * 活动量: what is not a case, district-wide over the month (from the activity roll-ups). All
 * additive counts: 法治宣传 events and their attendance, consultations logged and their minutes
 * (热线时长 = the hotline channel's), referrals completed and their summed turnaround.
 */
export const ZActivityFigures = z.strictObject({
  educationEvents: count(),
  educationAttendance: count(),
  consultations: count(),
  consultationMinutes: count(),
  hotlineMinutes: count(),
  referralsCompleted: count(),
  referralTurnaroundSeconds: count(),
});
export type ActivityTotals = z.infer<typeof ZActivityFigures>;

/**
 * Version 2: version 1 plus the city bureau it is addressed to (`to`, `<slug>@<nodeId>`, so the
 * city's node files it under the tenant the district chose), the district's revision of the
 * month (1, 2…: a re-send is a new revision, and the city keeps the highest) and the activity
 * figures. A new version rather than new fields in version 1: version 1 is strict, and a city
 * node on older code would refuse the fields; it refuses version 2 just as clearly (400), and a
 * city node on this code takes both.
 */
export const ZStatisticsMessageV2 = ZStatisticsMessageV1.extend({
  version: z.literal(2),
  to: addressSchema,
  revision: z.number().int().min(1).max(10_000),
  activity: ZActivityFigures,
});

/** What a city's node takes in: either version. */
export const ZStatisticsMessage = z.discriminatedUnion('version', [
  ZStatisticsMessageV1,
  ZStatisticsMessageV2,
]);
export type StatisticsMessage = z.infer<typeof ZStatisticsMessage>;
export type StatisticsMessageV1 = z.infer<typeof ZStatisticsMessageV1>;
export type StatisticsMessageV2 = z.infer<typeof ZStatisticsMessageV2>;

const measuresOnly = (f: Measures): Measures =>
  Object.fromEntries(MEASURES.map((m) => [m, f[m]])) as Measures;

/** The month's district-wide activity figures, straight from the activity roll-ups. */
async function activityTotals(tx: TenantTx, month: string): Promise<ActivityTotals> {
  const rows = await tx
    .select({
      measure: schema.activityRollup.measure,
      value: schema.activityRollup.value,
      count: schema.activityRollup.count,
      amount: schema.activityRollup.amount,
    })
    .from(schema.activityRollup)
    .where(
      and(
        eq(schema.activityRollup.organisationId, schema.DISTRICT_WIDE),
        eq(schema.activityRollup.month, `${month}-01`),
      ),
    );
  const sum = (measure: schema.ActivityMeasure, what: 'count' | 'amount', value?: string) =>
    rows
      .filter((r) => r.measure === measure && (value === undefined || r.value === value))
      .reduce((t, r) => t + Number(r[what]), 0);
  return {
    educationEvents: sum(ACTIVITY_MEASURE.educationEvent, 'count'),
    educationAttendance: sum(ACTIVITY_MEASURE.educationEvent, 'amount'),
    consultations: sum(ACTIVITY_MEASURE.consultation, 'count'),
    consultationMinutes: sum(ACTIVITY_MEASURE.consultation, 'amount'),
    hotlineMinutes: sum(ACTIVITY_MEASURE.consultation, 'amount', 'hotline'),
    referralsCompleted: sum(ACTIVITY_MEASURE.referralCompleted, 'count'),
    referralTurnaroundSeconds: sum(ACTIVITY_MEASURE.referralCompleted, 'amount'),
  };
}

/**
 * The district's figures of a month as a statistics message (version 2) for the city bureau at
 * `to`, as the `revision`-th sending of that month: from its roll-ups only.
 */
export async function buildStatisticsMessage(
  tx: TenantTx,
  tenantId: string,
  month: string,
  address: { to: string; revision: number },
): Promise<StatisticsMessageV2> {
  const [tenant] = await tx
    .select({ nameZh: schema.tenant.nameZh, divisionCode: schema.tenant.divisionCode })
    .from(schema.tenant)
    .where(eq(schema.tenant.id, tenantId));
  if (!tenant) throw new Error(`no tenant ${tenantId}`);
  const stats = await getStatistics(tx, systemActor(tenantId, 'statistics export'), { period: month });
  const lines = (rows: { key: string }[]) =>
    rows.map((r) => ({ key: r.key, measures: measuresOnly(r as unknown as Measures) }));
  return ZStatisticsMessageV2.parse({
    type: 'linju.district-statistics',
    version: 2,
    divisionCode: tenant.divisionCode,
    districtName: tenant.nameZh,
    month,
    to: address.to,
    revision: address.revision,
    totals: measuresOnly(stats.totals),
    byService: lines(stats.byService),
    byChannel: lines(stats.byChannel),
    byKeyGroup: lines(stats.byKeyGroup),
    activity: await activityTotals(tx, month),
  });
}

/** A message's `Linju-Idempotency-Key`: district, month and (version 2) revision. */
export const statisticsIdempotencyKey = (message: StatisticsMessage) =>
  message.version === 1
    ? `${message.divisionCode}:${message.month}`
    : `${message.divisionCode}:${message.month}:${message.revision}`;

/**
 * Signs a statistics message for the city's node exactly as referral-exchange requests are signed
 * (RFC 9421 Ed25519 over method, URL, Content-Digest and the idempotency key, see
 * `statisticsIdempotencyKey`).
 */
export function signStatisticsMessage(message: StatisticsMessage, key: NodeKey, cityBaseUrl: string) {
  const body = new TextEncoder().encode(JSON.stringify(message));
  const url = new URL(STATISTICS_PATH, cityBaseUrl).toString();
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    [IDEMPOTENCY_HEADER]: statisticsIdempotencyKey(message),
  };
  const signature = signRequest({ method: 'POST', url, headers, body, key: key.privateKey, kid: key.kid });
  return { url, body, headers: { ...headers, ...signature } as Record<string, string> };
}

export type StatisticsReceipt =
  | { ok: true; divisionCode: string; month: string; revision: number }
  | { ok: false; status: 400 | 401 | 403 | 409; message: string };

/** This node's own key: a district of this deployment reports to its city over loopback, signed with it. */
export type OwnNodeKey = { nodeId: string; kid: string; publicKey: KeyObject };

/**
 * How far past the revision held a district's next one may be. A district numbers its sendings
 * 1, 2…, so only refused or abandoned sendings leave gaps; a bound keeps a single message with a
 * huge revision from freezing the month against every later correction.
 */
export const MAX_REVISION_STEP = 100;

/**
 * Whether the node that signed may report for the district `divisionCode`: this node itself for
 * an active tenant of its own; a peer for a district bureau its pinned well-known document listed
 * with that division code (the operator checked it at pinning). Anything else could overwrite
 * another district's figures.
 */
async function signerServes(
  db: Database,
  peer: Peer | undefined,
  divisionCode: string,
): Promise<{ ok: true } | { ok: false; message: string }> {
  if (!peer) {
    const [local] = await db
      .select({ id: schema.tenant.id })
      .from(schema.tenant)
      .where(and(eq(schema.tenant.divisionCode, divisionCode), eq(schema.tenant.status, 'active')));
    return local
      ? { ok: true }
      : { ok: false, message: `district ${divisionCode} is not a tenant of this node` };
  }
  const listed = peer.organisations.some(
    (o) => o.kind === 'district-bureau' && o.divisionCode === divisionCode,
  );
  return listed
    ? { ok: true }
    : { ok: false, message: `node ${peer.nodeId} was not pinned as serving district ${divisionCode}` };
}

/** Who signed a statistics message whose signature held: this node itself (no `peer`) or a pinned peer. */
export type StatisticsSigner = { nodeId: string; keyId: string; peer?: Peer };

/**
 * Takes a district's signed statistics message in for the city bureau tenant `cityTenantId`:
 * the signature must verify against a pinned peer's key (or this node's own, `ownKey`, over
 * loopback), the digest must match the body (a changed figure is refused) and the nonce must be
 * fresh; then {@link acceptStatisticsMessage}. The server's endpoint verifies in its signed-endpoint
 * wrapper, like every endpoint of the exchange, and calls `acceptStatisticsMessage` itself.
 */
export async function receiveStatisticsMessage(
  db: Database,
  cityTenantId: string,
  request: { method: string; url: string; headers: Record<string, string> | Headers; body: Uint8Array },
  options: { now?: Date; ownKey?: OwnNodeKey } = {},
): Promise<StatisticsReceipt> {
  const now = options.now ?? new Date();
  let nodeId: string | undefined;
  let peer: Peer | undefined;
  const verified = await verifyRequest({
    method: request.method,
    url: request.url,
    headers: request.headers,
    body: request.body,
    now,
    resolveKey: async (kid) => {
      if (options.ownKey && kid === options.ownKey.kid) {
        nodeId = options.ownKey.nodeId;
        return options.ownKey.publicKey;
      }
      const found = await peerKey(db, kid);
      nodeId = found?.peer.nodeId;
      peer = found?.peer;
      return found?.key;
    },
    nonceSeen: (nonce, created, kid) => nonceSeen(db, nonce, created, kid),
  });
  if (!verified.ok) return { ok: false, status: verified.status, message: verified.message };
  const signer = { nodeId: nodeId ?? '', keyId: verified.keyid, ...(peer ? { peer } : {}) };
  return acceptStatisticsMessage(db, cityTenantId, signer, request.body, now);
}

/**
 * Takes in a statistics message whose signature held, signed by `signer`: the message must be
 * version 1 or 2 in the strict shape, the signer must serve the district (see `signerServes`),
 * and the city must be the district's (its division code is the district's city, `3101xx` →
 * `310100`).
 *
 * A second message for the same district and month (deliberate, see the README):
 * - a higher revision replaces the figures (a district corrects a month by sending it again);
 * - the same revision with the same body answers the same receipt and changes nothing (a retry
 *   whose answer was lost);
 * - the same revision with another body, or a lower revision than the one held, is refused
 *   (409): a stale retry arriving late must never overwrite a correction;
 * - a revision more than `MAX_REVISION_STEP` past the one held is refused (409).
 * Version 1 messages carry no revision (0): they replace one another, as they always did, but
 * never figures that came with a revision.
 */
export async function acceptStatisticsMessage(
  db: Database,
  cityTenantId: string,
  signer: StatisticsSigner,
  body: Uint8Array,
  now = new Date(),
): Promise<StatisticsReceipt> {
  let message: StatisticsMessage;
  try {
    message = ZStatisticsMessage.parse(JSON.parse(new TextDecoder().decode(body)));
  } catch (error) {
    return { ok: false, status: 400, message: error instanceof Error ? error.message : 'invalid message' };
  }
  const served = await signerServes(db, signer.peer, message.divisionCode);
  if (!served.ok) return { ok: false, status: 403, message: served.message };
  const revision = message.version === 1 ? 0 : message.revision;
  const digest = createHash('sha256').update(body).digest('base64');
  return withTenant(db, cityTenantId, async (tx) => {
    const [city] = await tx
      .select({ divisionCode: schema.tenant.divisionCode })
      .from(schema.tenant)
      .where(eq(schema.tenant.id, cityTenantId));
    if (
      !city ||
      city.divisionCode !== cityDivisionOf(message.divisionCode) ||
      message.divisionCode === city.divisionCode
    )
      return { ok: false as const, status: 403 as const, message: 'the district is not part of this city' };
    const month = `${message.month}-01`;
    const [held] = await tx
      .select({ revision: schema.districtStatistics.revision, digest: schema.districtStatistics.digest })
      .from(schema.districtStatistics)
      .where(
        and(
          eq(schema.districtStatistics.divisionCode, message.divisionCode),
          eq(schema.districtStatistics.month, month),
        ),
      )
      .for('update');
    const receipt = { ok: true as const, divisionCode: message.divisionCode, month: message.month, revision };
    const ceiling = (held?.revision ?? 0) + MAX_REVISION_STEP;
    if (revision > ceiling)
      return {
        ok: false as const,
        status: 409 as const,
        message: `revision ${revision} of ${message.month} is more than ${MAX_REVISION_STEP} past revision ${held?.revision ?? 0} held`,
      };
    if (held && revision > 0) {
      if (revision === held.revision && digest === held.digest) return receipt;
      if (revision <= held.revision)
        return {
          ok: false as const,
          status: 409 as const,
          message:
            revision === held.revision
              ? `revision ${revision} of ${message.month} was received with other figures`
              : `revision ${held.revision} of ${message.month} is already held; ${revision} is older`,
        };
    }
    if (held && revision === 0 && held.revision > 0)
      return {
        ok: false as const,
        status: 409 as const,
        message: `revision ${held.revision} of ${message.month} is held; a version 1 message cannot replace it`,
      };
    const values = {
      divisionCode: message.divisionCode,
      month,
      districtName: message.districtName,
      nodeId: signer.nodeId,
      keyId: signer.keyId,
      figures: message as unknown as Record<string, unknown>,
      digest,
      revision,
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
    return receipt;
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
      revision: r.revision,
      figures: figuresOf(message.totals),
      byService: message.byService.map((l) => ({ key: l.key, ...figuresOf(l.measures) })),
      /** Null for a district still sending version 1 (no activity figures). */
      activity: message.version === 2 ? message.activity : null,
    };
  });
}
