import {
  type AuditCheckpointLog,
  activeTenants,
  markReferralWorkflowStarted,
  referralsAwaitingWorkflow,
  takesCases,
} from '@linju/core';
import { type Database, withTenant } from '@linju/db';
import {
  receivedReferralInput,
  sentReferralInput,
  startReferralExecution,
  syncTenantSchedules,
} from '@linju/workflows';
import type { Client } from '@temporalio/client';
import { anchorAuditChains } from './audit-checkpoints.ts';
import { sealAuditEverywhere } from './audit-sealer.ts';
import { deliverDueMessages, type MessageDeliveryDeps } from './message-delivery.ts';
import { foldRollupsEverywhere } from './rollup-folder.ts';

export type ReconcilerDeps = {
  client: Client;
  /** The application role's pool: every tenant's referrals are read under its RLS. */
  db: Database;
  taskQueue: string;
  /** This node's id, for the local addresses of a referral's workflow input (as the server's). */
  nodeId: string;
};

/**
 * How long a committed referral may wait for the sender's own start before the reconciler starts
 * it: the sender starts right after its commit, so anything older lost its start.
 */
export const START_GRACE_MS = 15_000;

/**
 * Starts the workflow of every referral committed at least `graceMs` ago whose start is not known
 * (the sending process died between its commit and the start, or Temporal was away), and marks
 * them started. A referral whose workflow does run is only marked: the start is a no-op.
 */
export async function startAwaitingReferrals(
  deps: ReconcilerDeps,
  options: {
    graceMs?: number;
    now?: Date;
    /** The districts to look at; every active one by default (an operator may repair one). */
    tenantIds?: readonly string[];
  } = {},
): Promise<{ started: string[] }> {
  const committedBefore = new Date(
    (options.now ?? new Date()).getTime() - (options.graceMs ?? START_GRACE_MS),
  );
  const tenantIds = options.tenantIds ?? (await activeTenants(deps.db)).map((t) => t.id);
  const started: string[] = [];
  for (const tenantId of tenantIds) {
    const tenant = { id: tenantId };
    const awaiting = await withTenant(deps.db, tenant.id, (tx) =>
      referralsAwaitingWorkflow(tx, { committedBefore }),
    );
    const inputs = [
      ...awaiting.sent.map((s) => sentReferralInput(s, deps.nodeId)),
      ...awaiting.received.map(receivedReferralInput),
    ];
    if (inputs.length === 0) continue;
    for (const input of inputs) await startReferralExecution(deps.client, input, deps.taskQueue);
    const ids = inputs.map((i) => i.referralId);
    await withTenant(deps.db, tenant.id, (tx) => markReferralWorkflowStarted(tx, ids));
    started.push(...ids);
  }
  return { started };
}

/**
 * Creates the schedules of every active district not yet seen by this process (all of them on its
 * first call): a district onboarded by the CLI while the worker runs gets its schedules within one
 * pass, without a restart. Creating a district's schedules again is a no-op.
 */
export function tenantScheduleReconciler(deps: Pick<ReconcilerDeps, 'client' | 'db' | 'taskQueue'>) {
  const ensured = new Set<string>();
  return async function ensureNewTenants(): Promise<{ tenants: number; created: string[] }> {
    const tenants = await activeTenants(deps.db);
    const created: string[] = [];
    for (const t of tenants) {
      if (ensured.has(t.id)) continue;
      const result = await syncTenantSchedules(deps.client, {
        tenantId: t.id,
        timeZone: t.timeZone,
        taskQueue: deps.taskQueue,
        takesCases: takesCases(t),
      });
      created.push(...result.created);
      ensured.add(t.id);
    }
    return { tenants: tenants.length, created };
  };
}

export type PassLog = {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
};

/**
 * Runs both reconciliations, the audit sealer's and the roll-up folder's sweeps every `intervalMs` (the
 * first pass after one interval: the worker ensured every district's schedules as it started, through
 * the same `schedules`) until stopped,
 * and with `auditCheckpoints`, anchors every audit chain on the first pass and then every
 * `everyMs`.
 * A failed pass (database or Temporal away) is logged and tried again at the next one. Every
 * worker process may run it: each step is idempotent.
 */
export function startReconciler(
  deps: ReconcilerDeps,
  options: {
    intervalMs?: number;
    graceMs?: number;
    log: PassLog;
    schedules?: ReturnType<typeof tenantScheduleReconciler>;
    auditCheckpoints?: { log: AuditCheckpointLog; everyMs: number };
    /** With it, each pass also sends every district's due outbox messages (`deliverDueMessages`). */
    messages?: MessageDeliveryDeps;
  },
): { stop: () => Promise<void> } {
  const intervalMs = options.intervalMs ?? 20_000;
  const schedules = options.schedules ?? tenantScheduleReconciler(deps);
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let pass: Promise<void> = Promise.resolve();
  let anchoredAt = Number.NEGATIVE_INFINITY;

  const run = async () => {
    try {
      const tenants = await schedules();
      if (tenants.created.length > 0) {
        options.log.info({ event: 'schedules', ...tenants }, `created ${tenants.created.length} schedules`);
      }
      const referrals = await startAwaitingReferrals(deps, {
        ...(options.graceMs === undefined ? {} : { graceMs: options.graceMs }),
      });
      if (referrals.started.length > 0) {
        // Incoming referrals are marked here (their endpoint starts them); a sent one here lost its start.
        options.log.info(
          { event: 'referral workflows reconciled', referrals: referrals.started },
          `started or confirmed ${referrals.started.length} referral workflows`,
        );
      }
    } catch (error) {
      options.log.warn({ event: 'reconcile failed', err: error }, 'reconciliation pass failed');
    }
    if (options.messages) await sendOutboxes(options.messages, deps.db, options.log);
    await sealAuditEverywhere(deps.db, options.log);
    await foldRollupsEverywhere(deps.db, options.log);
    const checkpoints = options.auditCheckpoints;
    if (checkpoints && Date.now() - anchoredAt >= checkpoints.everyMs) {
      try {
        await anchorAuditChains(deps.db, checkpoints.log, options.log);
        anchoredAt = Date.now();
      } catch (error) {
        options.log.warn({ event: 'audit anchoring failed', err: error }, 'audit checkpoint pass failed');
      }
    }
    if (!stopped) timer = setTimeout(tick, intervalMs);
  };
  const tick = () => {
    pass = run();
  };
  timer = setTimeout(tick, intervalMs);
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await pass;
    },
  };
}

/**
 * The outbox's sweep, on the reconciler's beat: no workflow start to lose after a commit (the row
 * is the state). Messages normally leave at once (`startOutboxListener`); the sweep sends what a
 * listener missed and the retries that fell due. A district whose pass fails (its database away)
 * is logged and tried at the next pass.
 */
async function sendOutboxes(messages: MessageDeliveryDeps, db: Database, log: PassLog) {
  let tenants: { id: string }[] = [];
  try {
    tenants = await activeTenants(db);
  } catch (error) {
    log.warn({ event: 'message delivery failed', err: error }, 'outbox pass failed');
  }
  for (const t of tenants) {
    try {
      const pass = await deliverDueMessages(messages, t.id);
      if (pass.claimed > 0)
        log.info({ event: 'messages sent', tenantId: t.id, ...pass }, `sent ${pass.sent} messages`);
    } catch (error) {
      log.warn({ event: 'message delivery failed', tenantId: t.id, err: error }, 'outbox pass failed');
    }
  }
}
