import { type Database, sql, type TenantTx, withTenant } from '@linju/db';
import { MEASURES } from '../cases/case-tally.ts';
import { activeTenants } from '../cases/time-limit-escalation.ts';

const KEY = 'organisation_id, service_type, dimension, month, value';
const column = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const COLUMNS = MEASURES.map(column);
const SUMS = sql.raw(COLUMNS.map((c) => `sum(${c}) as ${c}`).join(', '));
const ADDED = sql.raw(COLUMNS.map((c) => `${c} = case_rollup.${c} + excluded.${c}`).join(', '));
const LIST = sql.raw(`tenant_id, ${KEY}, ${COLUMNS.join(', ')}`);

/**
 * Folds the district's pending roll-up changes into `case_rollup`, in one statement: the pending
 * rows are deleted and their sums added in one transaction, so a reader (one statement, one
 * snapshot) finds each change in one of the two tables, never both or neither. Rows committed
 * during the fold stay for the next. A second fold of the district at the same time waits on the
 * rows the first deletes and then finds them gone; both add in key order, so they cannot deadlock.
 */
export async function foldCaseRollups(tx: TenantTx): Promise<{ folded: number }> {
  const [row] = await tx.execute<{ folded: number }>(sql`
    with moved as (delete from case_rollup_pending returning *),
    added as (
      insert into case_rollup (${LIST})
      select tenant_id, ${sql.raw(KEY)}, ${SUMS} from moved
      group by tenant_id, ${sql.raw(KEY)}
      order by tenant_id, ${sql.raw(KEY)}
      on conflict (tenant_id, ${sql.raw(KEY)}) do update set ${ADDED}
    )
    select count(*)::int as folded from moved`);
  return { folded: row?.folded ?? 0 };
}

/** Folds every active district's pending changes (the sweep behind the worker's notified passes). */
export async function foldCaseRollupsEverywhere(db: Database): Promise<{ tenants: number; folded: number }> {
  let folded = 0;
  const tenants = await activeTenants(db);
  for (const { id } of tenants) folded += (await withTenant(db, id, foldCaseRollups)).folded;
  return { tenants: tenants.length, folded };
}
