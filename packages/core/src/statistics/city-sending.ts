import { randomUUID } from 'node:crypto';
import { and, desc, eq, schema, sql, type TenantTx } from '@linju/db';
import { STATISTICS_PATH, URL_SAFE_ID } from '@linju/federation';
import { z } from 'zod';
import { type Actor, auditActor, canTenantWide, requireTenantWide, systemActor } from '../actor.ts';
import { appendAudit } from '../audit/append-audit.ts';
import { monthOf } from '../cases/case-tally.ts';
import { DomainError } from '../errors.ts';
import { peerByNode } from '../federation/peer-directory.ts';
import { cityDivisionOf } from '../tenants/division-code.ts';
import { findTenantBySlug, tenantTimeZone } from '../tenants/tenant-queries.ts';
import { buildStatisticsMessage, statisticsIdempotencyKey } from './city-rollup.ts';
import { previousMonth } from './sweep-ranking.ts';

/** This node, as the district's side needs it: its id tells a same-node city from a peer's. */
export type SendingNode = { nodeId: string };

export type CitySetting = typeof schema.cityStatisticsSetting.$inferSelect;
export type CitySend = typeof schema.cityStatisticsSend.$inferSelect;

export const ZCitySettingRequest = z.object({
  /** The city's node: this node's id, or a pinned peer's. */
  cityNodeId: z
    .string()
    .min(1, { message: 'statistics.city_node_unknown' })
    .max(100)
    .regex(URL_SAFE_ID, { message: 'statistics.city_node_unknown' }),
  /** The city bureau tenant on that node (its slug, the `orgId` of its address). */
  cityTenant: z
    .string()
    .trim()
    .min(1, { message: 'statistics.city_tenant_required' })
    .max(100)
    .regex(URL_SAFE_ID, { message: 'statistics.city_tenant_invalid' }),
  sendDay: z
    .int()
    .min(1, { message: 'statistics.send_day_range' })
    .max(28, { message: 'statistics.send_day_range' })
    .default(3),
});

/** The city a district reports to, or null. Readable by whoever reads the whole district's figures. */
export async function getCitySetting(tx: TenantTx, actor: Actor): Promise<CitySetting | null> {
  if (!canTenantWide(actor, 'statistics.read') && !canTenantWide(actor, 'statistics.city.manage'))
    throw new DomainError('forbidden', 'auth.forbidden', { params: { permission: 'statistics.read' } });
  return citySettingOf(tx);
}

/** The setting without a permission check (the scheduled sending). */
export async function citySettingOf(tx: TenantTx): Promise<CitySetting | null> {
  const [row] = await tx.select().from(schema.cityStatisticsSetting);
  return row ?? null;
}

/**
 * Sets which city bureau the district reports to (one transaction with its audit entry). The
 * node must be this one or a pinned peer: messages go only where the pinned directory points. On
 * this node the city tenant must exist and be the district's city (its division code), so a
 * typing mistake is caught now rather than refused every month; a peer's tenants are the peer's
 * to check (its answer is on the sending record).
 */
export async function setCitySetting(
  tx: TenantTx,
  actor: Actor,
  request: z.input<typeof ZCitySettingRequest>,
  node: SendingNode,
): Promise<CitySetting> {
  requireTenantWide(actor, 'statistics.city.manage');
  const input = ZCitySettingRequest.parse(request);
  if (input.cityNodeId === node.nodeId) {
    const [district] = await tx
      .select({ divisionCode: schema.tenant.divisionCode })
      .from(schema.tenant)
      .where(eq(schema.tenant.id, actor.tenantId));
    const city = await findTenantBySlug(tx, input.cityTenant);
    if (city?.status !== 'active')
      throw new DomainError('bad-request', 'statistics.city_tenant_unknown', { field: 'cityTenant' });
    if (
      !district ||
      city.divisionCode !== cityDivisionOf(district.divisionCode) ||
      city.id === actor.tenantId
    )
      throw new DomainError('bad-request', 'statistics.city_tenant_not_city', {
        field: 'cityTenant',
        params: { divisionCode: city.divisionCode },
      });
  } else if (!(await peerByNode(tx, input.cityNodeId))) {
    throw new DomainError('bad-request', 'statistics.city_node_unknown', { field: 'cityNodeId' });
  }
  const before = await citySettingOf(tx);
  const values = { ...input, updatedBy: actor.id, updatedAt: new Date() };
  const [row] = await tx
    .insert(schema.cityStatisticsSetting)
    .values({ tenantId: actor.tenantId, ...values })
    .onConflictDoUpdate({ target: schema.cityStatisticsSetting.tenantId, set: values })
    .returning();
  if (!row) throw new Error('city setting insert returned no row');
  await appendAudit(tx, {
    ...auditActor(actor),
    action: 'statistics.city_setting_set',
    objectType: 'city_statistics_setting',
    objectId: actor.tenantId,
    before,
    after: input,
  });
  return row;
}

/** Stops reporting to a city (the monthly schedule goes with it). */
export async function clearCitySetting(tx: TenantTx, actor: Actor): Promise<void> {
  requireTenantWide(actor, 'statistics.city.manage');
  const before = await citySettingOf(tx);
  if (!before) return;
  await tx.delete(schema.cityStatisticsSetting);
  await appendAudit(tx, {
    ...auditActor(actor),
    action: 'statistics.city_setting_cleared',
    objectType: 'city_statistics_setting',
    objectId: actor.tenantId,
    before,
  });
}

/** The month before the one `now` falls in, local time (`2026-11-03` → `2026-10`): what the schedule sends. */
export const monthBeforeLocal = (now: Date, timeZone: string): string =>
  previousMonth(monthOf(now, timeZone).slice(0, 7));

export const ZCitySendRequest = z.object({
  /** A finished month, `YYYY-MM`; the scheduled sending takes last month. */
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'statistics.period_invalid' }),
});

/**
 * Queues one sending of a month to the district's city: builds the message from the roll-ups
 * (counts only) as the month's next revision and records it with its idempotency key
 * (`<division>:<month>:<revision>`), in one transaction with the audit entry. `requestKey`
 * names what asked (the schedule's workflow run, or a request): asking again under the same
 * key answers the same sending, so a retried activity never sends a month twice.
 */
export async function queueCitySend(
  tx: TenantTx,
  actor: Actor,
  request: z.input<typeof ZCitySendRequest> & { trigger: 'schedule' | 'manual'; requestKey: string },
  now = new Date(),
): Promise<CitySend> {
  requireTenantWide(actor, 'statistics.city.manage');
  const { month } = ZCitySendRequest.parse(request);
  const [already] = await tx
    .select()
    .from(schema.cityStatisticsSend)
    .where(eq(schema.cityStatisticsSend.requestKey, request.requestKey));
  if (already) return already;
  const setting = await citySettingOf(tx);
  if (!setting) throw new DomainError('bad-request', 'statistics.city_not_set');
  // Only a finished month: the current one's figures are still moving.
  if (`${month}-01` >= monthOf(now, await tenantTimeZone(tx, actor.tenantId)))
    throw new DomainError('bad-request', 'statistics.city_month_not_finished', { field: 'month' });
  // Revisions of one month are numbered in order: one sender at a time per district.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`city-send:${actor.tenantId}`}, 0))`);
  const [last] = await tx
    .select({ revision: schema.cityStatisticsSend.revision })
    .from(schema.cityStatisticsSend)
    .where(eq(schema.cityStatisticsSend.month, `${month}-01`))
    .orderBy(desc(schema.cityStatisticsSend.revision))
    .limit(1);
  const revision = (last?.revision ?? 0) + 1;
  const message = await buildStatisticsMessage(tx, actor.tenantId, month, {
    to: `${setting.cityTenant}@${setting.cityNodeId}`,
    revision,
  });
  const [row] = await tx
    .insert(schema.cityStatisticsSend)
    .values({
      tenantId: actor.tenantId,
      id: randomUUID(),
      month: `${month}-01`,
      revision,
      idempotencyKey: statisticsIdempotencyKey(message),
      cityNodeId: setting.cityNodeId,
      cityTenant: setting.cityTenant,
      message: message as unknown as Record<string, unknown>,
      trigger: request.trigger,
      requestKey: request.requestKey,
      requestedBy: actor.id,
    })
    .returning();
  if (!row) throw new Error('city send insert returned no row');
  await appendAudit(tx, {
    ...auditActor(actor),
    action: 'statistics.city_send_queued',
    objectType: 'city_statistics_send',
    objectId: row.id,
    after: { month, revision, to: message.to, trigger: request.trigger, idempotencyKey: row.idempotencyKey },
  });
  return row;
}

/**
 * The scheduled sending: last month (local time) to the district's city, by the system. Answers
 * null when the district no longer reports to a city (the setting was cleared after the
 * schedule fired); a retried run under the same `requestKey` answers the same sending.
 */
export async function queueMonthlyCitySend(
  tx: TenantTx,
  input: { tenantId: string; requestKey: string },
  now = new Date(),
): Promise<CitySend | null> {
  if (!(await citySettingOf(tx))) return null;
  const month = monthBeforeLocal(now, await tenantTimeZone(tx, input.tenantId));
  return queueCitySend(
    tx,
    systemActor(input.tenantId, 'monthly city statistics'),
    { month, trigger: 'schedule', requestKey: input.requestKey },
    now,
  );
}

/** The district's sendings, newest first (the screen's table). */
export async function listCitySends(tx: TenantTx, actor: Actor, limit = 50) {
  if (!canTenantWide(actor, 'statistics.read') && !canTenantWide(actor, 'statistics.city.manage'))
    throw new DomainError('forbidden', 'auth.forbidden', { params: { permission: 'statistics.read' } });
  const rows = await tx
    .select()
    .from(schema.cityStatisticsSend)
    .orderBy(desc(schema.cityStatisticsSend.createdAt), desc(schema.cityStatisticsSend.revision))
    .limit(limit);
  return rows.map(({ message: _message, requestKey: _key, ...row }) => ({
    ...row,
    month: row.month.slice(0, 7),
  }));
}

/** One sending, for its delivery. */
export async function citySendOf(tx: TenantTx, id: string): Promise<CitySend | undefined> {
  const [row] = await tx.select().from(schema.cityStatisticsSend).where(eq(schema.cityStatisticsSend.id, id));
  return row;
}

/**
 * What is signed and posted for a sending: always serialised from the stored message, so every
 * retry carries the same bytes (the city compares a repeated revision's digest).
 */
export const citySendRequest = (send: CitySend) => ({
  path: STATISTICS_PATH,
  body: JSON.stringify(send.message),
  idempotencyKey: send.idempotencyKey,
});

/**
 * Records how one delivery attempt ended on the sending: delivered (the city's receipt), refused
 * for good (a final 4xx), failed (given up after the retries), or still to be retried.
 */
export async function recordCitySendAttempt(
  tx: TenantTx,
  id: string,
  attempt:
    | { outcome: 'delivered'; status: number; receipt: Record<string, unknown> }
    | { outcome: 'refused' | 'retry'; status: number | null; error: string }
    | { outcome: 'failed'; error: string },
): Promise<void> {
  const t = schema.cityStatisticsSend;
  const finished = attempt.outcome === 'retry' ? {} : { finishedAt: new Date() };
  await tx
    .update(t)
    .set(
      attempt.outcome === 'delivered'
        ? {
            status: 'delivered',
            attempts: sql`${t.attempts} + 1`,
            lastStatus: attempt.status,
            lastError: null,
            receipt: attempt.receipt,
            ...finished,
          }
        : attempt.outcome === 'failed'
          ? { status: 'failed', lastError: attempt.error.slice(0, 2000), ...finished }
          : {
              status: attempt.outcome === 'refused' ? 'refused' : 'pending',
              attempts: sql`${t.attempts} + 1`,
              lastStatus: attempt.status,
              lastError: attempt.error.slice(0, 2000),
              ...finished,
            },
    )
    .where(and(eq(t.id, id), eq(t.status, 'pending')));
}
