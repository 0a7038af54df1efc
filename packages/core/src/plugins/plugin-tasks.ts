import { and, type Database, eq, schema, type TenantTx, withTenant } from '@linju/db';
import type {
  PluginLogger,
  PluginRegistry,
  PluginTaskContext,
  ReferralClosedEvent,
  RegisteredActivity,
} from '@linju/plugin-sdk';
import { z } from 'zod';
import { systemActor } from '../actor.ts';
import { pluginDb, runPluginRule } from '../plugin-data/plugin-db.ts';

/** Gives the logger for one plugin in one tenant (the worker tags its lines with both). */
export type PluginLoggerFactory = (pluginId: string, tenantId: string) => PluginLogger;

/**
 * The context of a plugin's activity or workflow hook: the tenant, a tagged logger and the
 * plugin's data handle in `tx`, acting in the platform's name (audited as `plugin:<id>`).
 */
export function pluginTaskContext(
  tx: TenantTx,
  tenantId: string,
  pluginId: string,
  logger: PluginLoggerFactory,
): PluginTaskContext {
  return {
    tenantId,
    logger: logger(pluginId, tenantId),
    db: pluginDb(tx, systemActor(tenantId, `plugin:${pluginId}`), pluginId),
  };
}

/** A plugin activity was called with an input its schema refuses: retrying cannot help. */
export class PluginActivityInputError extends Error {
  override readonly name = 'PluginActivityInputError';
}

const ZTenantOnly = z.looseObject({ tenantId: z.uuid() });

/**
 * Runs one plugin activity as the worker registers it: the input is `{ tenantId, ...input }`, the
 * rest validated with the activity's schema; `run` gets a task context in one tenant transaction
 * (commits when it returns). A rule the plugin refuses surfaces as a `DomainError`.
 */
export async function runPluginActivity(
  db: Database,
  registered: RegisteredActivity,
  rawInput: unknown,
  logger: PluginLoggerFactory,
): Promise<unknown> {
  const { activity, pluginId } = registered;
  const tenant = ZTenantOnly.safeParse(rawInput);
  if (!tenant.success) {
    throw new PluginActivityInputError(
      `${activity.name}: the input needs the tenant's id (tenantId, a uuid)`,
    );
  }
  const { tenantId, ...rest } = tenant.data;
  const input = activity.input.safeParse(rest);
  if (!input.success) {
    const fields = input.error.issues.map(
      (issue) => `${issue.path.join('.') || '(input)'}: ${issue.message}`,
    );
    throw new PluginActivityInputError(`${activity.name}: ${fields.join('; ')}`);
  }
  return withTenant(db, tenantId, (tx) =>
    runPluginRule(() => activity.run(pluginTaskContext(tx, tenantId, pluginId, logger), input.data)),
  );
}

/** What the referral effect knows when a referral ends (structurally core's `ReferralEventEffect`). */
export type ReferralOutcomeEffect = Pick<ReferralClosedEvent, 'referralId' | 'at' | 'outcome' | 'reason'> & {
  to: string;
};

/**
 * The workflow hook of a referral's end: when a referral made from a case is completed or failed,
 * the `onReferralClosed` hook of the case's service plugin runs in `tx`, the transaction that
 * recorded the outcome (so exactly once with it). Returns the plugin whose hook ran, if any.
 */
export async function runReferralClosedHook(
  tx: TenantTx,
  tenantId: string,
  plugins: PluginRegistry,
  effect: ReferralOutcomeEffect,
  logger: PluginLoggerFactory,
): Promise<string | null> {
  if (effect.to !== 'completed' && effect.to !== 'failed') return null;
  const [row] = await tx
    .select({
      caseId: schema.referral.caseId,
      kind: schema.referral.kind,
      serviceType: schema.legalCase.serviceType,
    })
    .from(schema.referral)
    .innerJoin(
      schema.legalCase,
      and(
        eq(schema.legalCase.tenantId, schema.referral.tenantId),
        eq(schema.legalCase.id, schema.referral.caseId),
      ),
    )
    .where(eq(schema.referral.id, effect.referralId));
  // An incoming referral has no case here; a case of a service no plugin serves has no hook.
  if (!row?.caseId || !plugins.has(row.serviceType)) return null;
  const plugin = plugins.get(row.serviceType);
  const hook = plugin.hooks?.onReferralClosed;
  if (!hook) return null;
  const event: ReferralClosedEvent = {
    referralId: effect.referralId,
    caseId: row.caseId,
    kind: row.kind,
    status: effect.to,
    at: effect.at,
    ...(effect.outcome ? { outcome: effect.outcome } : {}),
    ...(effect.reason === undefined ? {} : { reason: effect.reason }),
  };
  await runPluginRule(() =>
    hook.call(plugin.hooks, pluginTaskContext(tx, tenantId, plugin.id, logger), event),
  );
  return plugin.id;
}
