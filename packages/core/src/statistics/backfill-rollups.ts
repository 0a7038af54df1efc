import { type Database, eq, isNull, schema, withTenant } from '@linju/db';
import { applyCaseChangeToRollups } from '../cases/case-rollups.ts';
import { backfillActivityRollups, type StatisticPlugins } from './activity-rollups.ts';

/**
 * Counts the cases that have no tally yet (taken in before the roll-ups existed) into the
 * roll-ups, in batches, each batch one transaction. Nothing to do — one query — once every case
 * has its tally; run at start-up after the migrations.
 */
export async function backfillRollups(
  db: Database,
  tenantId: string,
  plugins: StatisticPlugins,
  batch = 500,
): Promise<number> {
  let counted = 0;
  for (;;) {
    const done = await withTenant(db, tenantId, async (tx) => {
      const rows = await tx
        .select({ row: schema.legalCase })
        .from(schema.legalCase)
        .leftJoin(schema.caseTally, eq(schema.caseTally.caseId, schema.legalCase.id))
        .where(isNull(schema.caseTally.caseId))
        .limit(batch)
        .for('update', { of: schema.legalCase, skipLocked: true });
      for (const { row } of rows) await applyCaseChangeToRollups(tx, row, 'status');
      return rows.length;
    });
    counted += done;
    if (done < batch) break;
  }
  await withTenant(db, tenantId, (tx) => backfillActivityRollups(tx, tenantId, plugins));
  return counted;
}

/** `backfillRollups` for every tenant of the deployment; returns how many cases it counted. */
export async function backfillAllRollups(db: Database, plugins: StatisticPlugins): Promise<number> {
  let counted = 0;
  for (const t of await db.select({ id: schema.tenant.id }).from(schema.tenant)) {
    counted += await backfillRollups(db, t.id, plugins);
  }
  return counted;
}
