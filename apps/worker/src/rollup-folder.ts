import { foldCaseRollups, foldCaseRollupsEverywhere } from '@linju/core';
import { type Database, NOTIFY_CHANNELS, withTenant } from '@linju/db';
import type { PassLog } from './reconciler.ts';
import { passPerNotifiedTenant } from './tenant-passes.ts';

/**
 * Folds a district's pending roll-up changes into its roll-ups as soon as they commit: the insert
 * trigger of `case_rollup_pending` notifies the district's id (once per transaction), and a pass
 * for that district runs at once, one at a time per district, so the rows a dashboard adds on
 * reading stay a moment's worth however busy the district is.
 */
export async function startRollupFolder(
  db: Database,
  options: { url: string; log: PassLog },
): Promise<{ close: () => Promise<void> }> {
  return passPerNotifiedTenant(options.url, NOTIFY_CHANNELS.rollups, async (tenantId) => {
    try {
      await withTenant(db, tenantId, foldCaseRollups);
    } catch (error) {
      options.log.warn({ event: 'roll-up folding failed', tenantId, err: error }, 'roll-up folding failed');
    }
  });
}

/**
 * The sweep, on the reconciler's beat: folds what a missed notice left (the worker away, a lost
 * connection). Nothing is wrong meanwhile: readers add the pending rows.
 */
export async function foldRollupsEverywhere(db: Database, log: PassLog): Promise<void> {
  try {
    await foldCaseRollupsEverywhere(db);
  } catch (error) {
    log.warn({ event: 'roll-up folding failed', err: error }, 'roll-up folding sweep failed');
  }
}
