import type { SecretBox } from '@linju/auth';
import { type Database, eraseTenantRows } from '@linju/db';
import type { FileStore } from '../cases/file-store.ts';
import { exportTenant } from './export-tenant.ts';

export type OffboardedTenant = { exportedTo: string; counts: Record<string, number>; documents: number };

/**
 * `linju tenant offboard` (PIPL erasure): first the district's export (it is the data
 * controller: it leaves with everything), then every row it owns deleted in one transaction with
 * the platform's record of the erasure (`tenant_erasure`: when, by whom, how many rows, which
 * export), then its documents removed from the store. Refused while referrals with other nodes
 * are open, unless forced.
 */
export async function offboardTenant(
  sources: { ownerUrl: string; db: Database; box: SecretBox; files: FileStore },
  tenant: { id: string; slug: string; nameZh: string; divisionCode: string },
  options: { exportTo: string; force: boolean; actorName: string },
): Promise<OffboardedTenant> {
  const { manifest, manifestSha256 } = await exportTenant(
    sources,
    tenant,
    options.exportTo,
    options.actorName,
  );
  const counts = await eraseTenantRows(sources.ownerUrl, tenant.id, {
    force: options.force,
    record: {
      erasedTenantId: tenant.id,
      slug: tenant.slug,
      nameZh: tenant.nameZh,
      divisionCode: tenant.divisionCode,
      erasedBy: options.actorName,
      exportSha256: manifestSha256,
    },
  });
  // After the commit: a failed erasure keeps every document its rows still name.
  for (const { key } of manifest.documents) await sources.files.delete(key);
  return { exportedTo: options.exportTo, counts, documents: manifest.documents.length };
}
