import { rm } from 'node:fs/promises';
import type { SecretBox } from '@linju/auth';
import { type Database, eraseTenantRows } from '@linju/db';
import { auditCheckpointFile } from '../audit/audit-checkpoint-log.ts';
import type { DocumentStore } from '../documents/document-store.ts';
import { exportTenant } from './export-tenant.ts';

export type OffboardedTenant = { exportedTo: string; counts: Record<string, number>; documents: number };

/**
 * `linju tenant offboard` (PIPL erasure): first the district's export (it is the data
 * controller: it leaves with everything), then every row it owns deleted in one transaction with
 * the platform's record of the erasure (`tenant_erasure`: when, by whom, how many rows, which
 * export), then its documents removed from the store and its audit checkpoint file deleted. Refused while referrals with other nodes
 * are open, unless forced.
 */
export async function offboardTenant(
  sources: { ownerUrl: string; db: Database; box: SecretBox; files: DocumentStore },
  tenant: { id: string; slug: string; nameZh: string; divisionCode: string },
  options: { exportTo: string; force: boolean; actorName: string; checkpointDir: string },
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
  // Documents in PostgreSQL went with the district's rows; a bucket's are deleted one by one.
  const { files } = sources;
  if (files.delete) for (const { key } of manifest.documents) await files.delete(key);
  // Its chain's anchors go with the chain (hashes only; the export holds the chain itself).
  await rm(auditCheckpointFile(options.checkpointDir, tenant.id), { force: true });
  return { exportedTo: options.exportTo, counts, documents: manifest.documents.length };
}
