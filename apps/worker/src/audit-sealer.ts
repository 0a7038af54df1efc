import { type SealReport, sealAuditChains, sealTenantAuditChain } from '@linju/core';
import { type Database, NOTIFY_CHANNELS } from '@linju/db';
import type { PassLog } from './reconciler.ts';
import { passPerNotifiedTenant } from './tenant-passes.ts';

/** An entry left unsealed because its writer did not hold the key is the operator's to look into. */
function logSealing(log: PassLog, report: SealReport, tenantId?: string) {
  if (report.forged > 0) {
    log.warn(
      { event: 'audit entry forged', tenantId, forged: report.forged },
      `${report.forged} audit entries not written with the audit key were left unsealed: run linju audit verify`,
    );
  }
}

/**
 * Seals a district's audit entries as soon as they commit: every insert notifies the district's id
 * (once per transaction), and a sealing pass for that district runs at once, one at a time per
 * district (two at once would only queue on the chain head's lock).
 */
export async function startAuditSealer(
  db: Database,
  options: { url: string; log: PassLog },
): Promise<{ close: () => Promise<void> }> {
  return passPerNotifiedTenant(options.url, NOTIFY_CHANNELS.audit, async (tenantId) => {
    try {
      logSealing(options.log, await sealTenantAuditChain(db, tenantId), tenantId);
    } catch (error) {
      options.log.warn({ event: 'audit sealing failed', tenantId, err: error }, 'audit sealing pass failed');
    }
  });
}

/**
 * The sweep, on the reconciler's beat: seals what a missed notice left (the worker away, a lost
 * connection, a crash between an entry's commit and its sealing). Nothing is lost meanwhile: the
 * entries are in the table, unsealed.
 */
export async function sealAuditEverywhere(db: Database, log: PassLog): Promise<void> {
  try {
    logSealing(log, await sealAuditChains(db));
  } catch (error) {
    log.warn({ event: 'audit sealing failed', err: error }, 'audit sealing sweep failed');
  }
}
