import { SetupError } from '../embedded.ts';
import type { tenantErasure } from '../schema/tenant-erasure.ts';
import { tenantTables } from './database-catalog.ts';
import { ownedBy, ownerClient } from './tenant-rows.ts';

export type ErasureRecord = typeof tenantErasure.$inferInsert;

/**
 * Deletes every row a district owns — every table with a `tenant_id` column, then its `tenant`
 * row — and writes the platform's record of the erasure, in one transaction of the owner. Refused
 * while the district has referrals open with another node (they would wait for an answer from a
 * district that no longer exists) unless `force`. Triggers (the audit chain's append-only guard)
 * and foreign keys are off for the transaction: the erasure is the one deletion the chain allows,
 * and nothing of the district stays to be referenced.
 */
export async function eraseTenantRows(
  ownerUrl: string,
  tenantId: string,
  options: { force: boolean; record: Omit<ErasureRecord, 'counts' | 'erasedAt'> },
): Promise<Record<string, number>> {
  const sql = ownerClient(ownerUrl, 'linju tenant offboard');
  try {
    return (await sql.begin(async (tx) => {
      const tables = await tenantTables(tx);
      const [open] = await tx<{ n: number }[]>`
        select count(*)::int as n from referral where tenant_id = ${tenantId} and remote_node is not null
        and status not in ('rejected', 'completed', 'failed', 'cancelled')`;
      if ((open?.n ?? 0) > 0 && !options.force)
        throw new SetupError(
          `The district has ${open?.n} referrals open with other nodes: offboarding would leave them unanswered.`,
          'Close or cancel them first, or run again with --force.',
        );
      await tx`set local session_replication_role = replica`;
      const counts: Record<string, number> = {};
      for (const table of [...tables, 'tenant']) {
        const deleted = await tx`delete from ${tx(table)} where ${ownedBy(tx, table, tenantId)}`;
        if (deleted.count > 0) counts[table] = deleted.count;
      }
      const r = options.record;
      await tx`
        insert into tenant_erasure (erased_tenant_id, slug, name_zh, division_code, erased_by, counts, export_sha256)
        values (${r.erasedTenantId}, ${r.slug}, ${r.nameZh}, ${r.divisionCode}, ${r.erasedBy}, ${tx.json(counts)}, ${r.exportSha256})`;
      return counts;
    })) as Record<string, number>;
  } finally {
    await sql.end({ timeout: 5 });
  }
}
