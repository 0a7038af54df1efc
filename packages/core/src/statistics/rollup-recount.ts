import { getTableColumns, schema, type TenantTx } from '@linju/db';
import { currentTally } from '../cases/case-rollups.ts';
import { accumulate, MEASURES, type Measures, type RollupKey, zeroMeasures } from '../cases/case-tally.ts';

const keyOf = (k: RollupKey) => [k.organisationId, k.serviceType, k.month, k.dimension, k.value].join('|');

/**
 * The roll-ups as a full recount of the tenant's cases would make them, rows with figures only.
 * Slow by design (every case is read): the check that the incremental path is right, in tests
 * and for an operator who wants to verify a district (`compareRollups`).
 */
export async function recountRollups(tx: TenantTx) {
  const [tenant] = await tx.select({ timeZone: schema.tenant.timeZone }).from(schema.tenant);
  const timeZone = tenant?.timeZone ?? 'Asia/Shanghai';
  const rows = new Map<string, { key: RollupKey; m: Measures }>();
  for (const c of await tx.select().from(schema.legalCase)) {
    accumulate(rows, await currentTally(tx, c, null, timeZone), 1);
  }
  return new Map(
    [...rows.entries()].filter(([, r]) => MEASURES.some((name) => r.m[name] !== 0)).map(([k, r]) => [k, r.m]),
  );
}

/**
 * The stored roll-ups, folded and pending added together (as every reader adds them), rows with
 * figures only, keyed like `recountRollups`.
 */
export async function storedRollups(tx: TenantTx) {
  const sums = new Map<string, Measures>();
  // One statement, one snapshot: a change being folded meanwhile counts once.
  const { id: _id, ...pendingColumns } = getTableColumns(schema.caseRollupPending);
  const rows = await tx
    .select()
    .from(schema.caseRollup)
    .unionAll(tx.select(pendingColumns).from(schema.caseRollupPending));
  for (const row of rows) {
    const { tenantId: _, organisationId, serviceType, month, dimension, value, ...m } = row;
    const key = keyOf({ organisationId, serviceType, month, dimension, value });
    const sum = sums.get(key) ?? zeroMeasures();
    for (const name of MEASURES) sum[name] += m[name];
    sums.set(key, sum);
  }
  return new Map([...sums].filter(([, m]) => MEASURES.some((name) => m[name] !== 0)));
}

/** Rows where the stored roll-ups differ from a recount: empty when they are right. */
export async function compareRollups(tx: TenantTx) {
  const [expected, stored] = await Promise.all([recountRollups(tx), storedRollups(tx)]);
  const differences: { key: string; expected: Measures | null; stored: Measures | null }[] = [];
  for (const key of new Set([...expected.keys(), ...stored.keys()])) {
    const e = expected.get(key) ?? null;
    const s = stored.get(key) ?? null;
    if (!e || !s || MEASURES.some((name) => e[name] !== s[name]))
      differences.push({ key, expected: e, stored: s });
  }
  return differences;
}
