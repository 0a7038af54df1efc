import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SecretBox } from '@linju/auth';
import { type Database, withTenant } from '@linju/db';
import type { Actor } from '../actor.ts';
import { getHotlineImport, requestHotlineImport, runHotlineImport } from '../cases/hotline-import-job.ts';
import { createLocalDocumentStore } from '../documents/index.ts';

const files = createLocalDocumentStore(mkdtempSync(join(tmpdir(), 'linju-import-')));

/**
 * A 12345 export imported as the background job does it, in this process (no workflow engine):
 * queued by `actor`, run batch by batch, then read back with its per-row report.
 */
export async function importHotlineNow(
  db: Database,
  actor: Actor,
  box: SecretBox,
  request: { organisationId: string; file: string | Uint8Array },
  options: { batchRows?: number } = {},
) {
  const bytes = typeof request.file === 'string' ? Buffer.from(request.file) : request.file;
  const { id } = await withTenant(db, actor.tenantId, (tx) =>
    requestHotlineImport(tx, actor, files, {
      organisationId: request.organisationId,
      fileBase64: Buffer.from(bytes).toString('base64'),
    }),
  );
  await runHotlineImport(db, actor.tenantId, id, { box, files, ...options });
  return withTenant(db, actor.tenantId, (tx) => getHotlineImport(tx, actor, { id }));
}
