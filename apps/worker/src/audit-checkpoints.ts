import { type AuditCheckpointLog, checkpointAuditChains } from '@linju/core';
import type { Database } from '@linju/db';
import type { PassLog } from './reconciler.ts';

/**
 * One pass of the worker's audit anchoring: every district's chain verified and its head signed
 * into the checkpoint log outside the database. A broken chain is not anchored; it is a warning
 * naming the district and the entry, for the operator to run `linju audit verify`.
 */
export async function anchorAuditChains(
  db: Database,
  log: AuditCheckpointLog,
  passLog: PassLog,
): Promise<void> {
  for (const { slug, chain, checkpoint } of await checkpointAuditChains(db, log)) {
    if (!chain.ok) {
      passLog.warn(
        { event: 'audit chain broken', tenant: slug, brokenAt: chain.brokenAt, reason: chain.reason },
        `the audit chain of ${slug} is broken at entry ${chain.brokenAt}: not anchored`,
      );
    } else if (checkpoint) {
      passLog.info({ event: 'audit chain anchored', tenant: slug, seq: checkpoint.seq }, `anchored ${slug}`);
    }
  }
}
