import { createSecretBox, loadDataKeyRing } from '@linju/auth';
import {
  auditCheckpointDir,
  DomainError,
  documentStoreFromEnv,
  exportTenant,
  findTenantBySlug,
  offboardTenant,
  useAuditKey,
} from '@linju/core';
import { SetupError } from '@linju/db';
import { deleteTenantSchedules, readTemporalConnection } from '@linju/workflows';
import { dataDir } from '../stack/paths.ts';
import { withDb, withStackDatabase } from '../stack/with-db.ts';

/** Who the district's chain and the erasure record name: the operator at the CLI. */
const CLI_OPERATOR = 'platform operator (linju CLI)';

const option = (args: string[], name: string) =>
  args.includes(name) ? args[args.indexOf(name) + 1] : undefined;

/** The district's data, the owner's URL (a snapshot past RLS) and the app pool (its audit chain). */
async function withDistrict<T>(
  slug: string | undefined,
  usage: string,
  fn: (
    sources: Parameters<typeof exportTenant>[0],
    tenant: NonNullable<Awaited<ReturnType<typeof findTenantBySlug>>>,
  ) => Promise<T>,
): Promise<T> {
  if (!slug) throw new SetupError('Name the district by its slug.', usage);
  const ring = loadDataKeyRing(dataDir());
  useAuditKey(ring);
  const box = createSecretBox(ring);
  return withStackDatabase(({ ownerUrl, appUrl }) =>
    withDb(appUrl, async (db) => {
      const files = documentStoreFromEnv({ db, box });
      const tenant = await findTenantBySlug(db, slug);
      if (!tenant) throw new DomainError('not-found', 'tenant.not_found');
      return fn({ ownerUrl, db, box, files }, tenant);
    }),
  );
}

/** `linju tenant export <slug> --out DIR`: everything the district owns, personal data opened, audited in its chain. */
export async function tenantExport(args: string[]): Promise<void> {
  const usage = 'linju tenant export xuhui --out /var/exports/xuhui';
  const out = option(args, '--out');
  if (!out) throw new SetupError('tenant export needs --out <folder>.', usage);
  const { manifest } = await withDistrict(args[0], usage, (sources, tenant) =>
    exportTenant(sources, { id: tenant.id, slug: tenant.slug }, out, CLI_OPERATOR),
  );
  const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
  process.stdout.write(
    `Exported ${manifest.tenant.slug}: ${manifest.tables.length} tables (${rows} rows) and ${manifest.documents.length} documents to ${out}.\n` +
      'It holds personal data in the clear: hand it to the district only, over a protected channel.\n',
  );
}

/**
 * `linju tenant offboard <slug> --confirm <slug> --out DIR [--force]`: the export, then every row
 * and document of the district erased, with the platform's record of it kept.
 */
export async function tenantOffboard(args: string[]): Promise<void> {
  const usage = 'linju tenant offboard xuhui --confirm xuhui --out /var/exports/xuhui [--force]';
  const [slug] = args;
  const out = option(args, '--out');
  if (!slug || option(args, '--confirm') !== slug)
    throw new SetupError(
      'tenant offboard erases a district for good: confirm with --confirm <the same slug>.',
      usage,
    );
  if (!out)
    throw new SetupError('tenant offboard exports the district first: it needs --out <folder>.', usage);
  const result = await withDistrict(slug, usage, async (sources, tenant) => ({
    ...(await offboardTenant(sources, tenant, {
      exportTo: out,
      force: args.includes('--force'),
      actorName: CLI_OPERATOR,
      checkpointDir: auditCheckpointDir(dataDir()),
    })),
    tenantId: tenant.id,
  }));
  const rows = Object.values(result.counts).reduce((sum, n) => sum + n, 0);
  process.stdout.write(
    `Offboarded ${slug}: exported to ${out}, then erased ${rows} rows in ${Object.keys(result.counts).length} tables and ${result.documents} documents. The platform keeps only the record of the erasure.\n`,
  );
  // After the erasure: a refused offboarding must leave a live district's schedules running.
  const temporal = {
    connection: readTemporalConnection(process.env),
    namespace: process.env.TEMPORAL_NAMESPACE ?? 'default',
    dataKeys: loadDataKeyRing(dataDir()),
  };
  const deleted = await deleteTenantSchedules(temporal, result.tenantId).catch((error: Error) => {
    throw new SetupError(
      `The district is erased, but its Temporal schedules could not be deleted at ${temporal.connection.address} (${error.message}).`,
      `Delete every schedule whose id ends in :${result.tenantId} (temporal schedule delete --schedule-id <id>).`,
    );
  });
  process.stdout.write(`Deleted ${deleted.length} Temporal schedules of ${slug}.\n`);
}
