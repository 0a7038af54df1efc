import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { finished } from 'node:stream/promises';
import type { SecretBox } from '@linju/auth';
import { type Database, readTenantRows, SetupError, schema, sealedColumns, withTenant } from '@linju/db';
import { appendAudit } from '../audit/append-audit.ts';
import { type DocumentStore, readWholeDocument } from '../documents/document-store.ts';

export const TENANT_EXPORT_FORMAT = 'linju-tenant-export/1';

export type TenantExportManifest = {
  format: typeof TENANT_EXPORT_FORMAT;
  tenant: { id: string; slug: string };
  exportedAt: string;
  tables: { name: string; file: string; rows: number; sha256: string }[];
  documents: { key: string; file: string; bytes: number; sha256: string }[];
};

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

/** Sealed columns opened (the district is the data controller: it gets its residents' data back), blind indexes and search tokens left out. */
function openRow(row: Record<string, unknown>, table: string, tenantId: string, box: SecretBox) {
  for (const entry of Object.values(sealedColumns)) {
    if (entry.table !== table) continue;
    const value = row[entry.column];
    if (typeof value === 'string')
      row[entry.column] = box.decrypt(value, entry.tenantId ? tenantId : null, entry);
    if (entry.index) delete row[entry.index.name];
  }
  // Search tokens are keyed hashes like the blind indexes: of no use outside this deployment.
  if (table === 'resident') {
    delete row[schema.resident.searchTokens.name];
    delete row[schema.resident.searchTokensKey.name];
  }
  return row;
}

async function requireEmptyFolder(out: string) {
  const existing = await readdir(out).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  if (existing.length > 0)
    throw new SetupError(
      `The export folder ${out} is not empty.`,
      'Name a new folder: linju tenant export <slug> --out <new folder>.',
    );
  await mkdir(out, { recursive: true, mode: 0o700 });
}

/**
 * `linju tenant export`: everything a district owns, into a folder — each table as JSON lines
 * (`tables/<table>.jsonl`, personal data opened), each document (`files/<key>`), and
 * `manifest.json` (counts and sha256 of every file). Read in one snapshot; recorded afterwards in
 * the district's own audit chain as exported by the platform operator.
 */
export async function exportTenant(
  sources: { ownerUrl: string; db: Database; box: SecretBox; files: DocumentStore },
  tenant: { id: string; slug: string },
  out: string,
  actorName: string,
): Promise<{ manifest: TenantExportManifest; manifestSha256: string }> {
  await requireEmptyFolder(out);
  const manifest: TenantExportManifest = {
    format: TENANT_EXPORT_FORMAT,
    tenant,
    exportedAt: new Date().toISOString(),
    tables: [],
    documents: [],
  };
  await readTenantRows(sources.ownerUrl, tenant.id, async (owned) => {
    await mkdir(join(out, 'tables'), { mode: 0o700 });
    for (const table of owned.tables) {
      const file = `tables/${table}.jsonl`;
      const stream = createWriteStream(join(out, file), { mode: 0o600 });
      const hash = createHash('sha256');
      let rows = 0;
      for await (const batch of owned.rows(table)) {
        for (const row of batch) {
          const line = `${JSON.stringify(openRow(row, table, tenant.id, sources.box))}\n`;
          hash.update(line);
          rows++;
          if (!stream.write(line)) await once(stream, 'drain');
        }
      }
      stream.end();
      await finished(stream);
      manifest.tables.push({ name: table, file, rows, sha256: hash.digest('hex') });
    }
    for (const key of await owned.storageKeys()) {
      const bytes = await readWholeDocument(sources.files, key);
      const file = `files/${key}`;
      await mkdir(dirname(join(out, file)), { recursive: true, mode: 0o700 });
      await writeFile(join(out, file), bytes, { mode: 0o600 });
      manifest.documents.push({ key, file, bytes: bytes.length, sha256: sha256(bytes) });
    }
  });
  const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
  await writeFile(join(out, 'manifest.json'), manifestText, { mode: 0o600 });
  const manifestSha256 = sha256(manifestText);
  await withTenant(sources.db, tenant.id, (tx) =>
    appendAudit(tx, {
      actorId: null,
      actorName,
      action: 'tenant.exported',
      objectType: 'tenant',
      objectId: tenant.id,
      after: {
        manifestSha256,
        tables: manifest.tables.length,
        rows: manifest.tables.reduce((sum, t) => sum + t.rows, 0),
        documents: manifest.documents.length,
      },
    }),
  );
  return { manifest, manifestSha256 };
}
