import { createSecretBox, loadDataKeyRing } from '@linju/auth';
import { auditCheckpointDir, documentStoreFromEnv, restoreBackup, writeBackup } from '@linju/core';
import { type Database, migrateToVersion, SetupError } from '@linju/db';
import { pluginMigrations } from '@linju/plugins';
import { appPassword } from '../stack/database.ts';
import { stackNodeId } from '../stack/node-id.ts';
import { dataDir } from '../stack/paths.ts';
import { withDb, withStackDatabase } from '../stack/with-db.ts';
import { backfillRollups, upgradeDatabase } from './operator.ts';

const optionValue = (args: string[], name: string, usage: string): string => {
  const value = args[args.indexOf(name) + 1];
  if (!args.includes(name) || !value)
    throw new SetupError(`${usage.split(' ')[1]} needs ${name} <file>.`, usage);
  return value;
};

/** The data key, the document store (LINJU_DOCUMENT_STORE) and the audit checkpoints' folder. */
const deploymentFiles = (db: Database) => {
  const ring = loadDataKeyRing(dataDir());
  return {
    ring,
    files: documentStoreFromEnv({ db, box: createSecretBox(ring) }),
    checkpointDir: auditCheckpointDir(dataDir()),
  };
};

/**
 * `linju backup --out FILE`: the whole deployment's database (one consistent snapshot), its
 * documents and audit checkpoints, sealed under the data key. Runs beside a serving stack.
 */
export async function backup(args: string[]): Promise<void> {
  const out = optionValue(args, '--out', 'linju backup --out /var/backups/linju-2026-12-06.lbk');
  const summary = await withStackDatabase(({ ownerUrl, appUrl }) =>
    withDb(appUrl, (db) => writeBackup({ ownerUrl, nodeId: stackNodeId(), ...deploymentFiles(db) }, out)),
  );
  process.stdout.write(
    `Backed up ${summary.tables} tables (${summary.rows} rows, documents in PostgreSQL among them), ${summary.documents} documents from a bucket and ${summary.checkpoints} checkpoint files to ${out}.\n` +
      'It opens only with this data key: keep the data key (and node key) as secrets, apart from the backup.\n',
  );
}

/**
 * `linju restore --from FILE`: into an empty deployment only (an empty database, no checkpoints),
 * migrated to the backup's schema first and upgraded to this release after; the rows in one
 * transaction, so a refused or failed restore leaves it empty.
 */
export async function restore(args: string[]): Promise<void> {
  const from = optionValue(args, '--from', 'linju restore --from /var/backups/linju-2026-12-06.lbk');
  // The app pool connects on first use only: after the restore made its role.
  const summary = await withStackDatabase(({ ownerUrl, appUrl }) =>
    withDb(appUrl, (db) =>
      restoreBackup(from, {
        ownerUrl,
        ...deploymentFiles(db),
        migrateTo: (schema) =>
          migrateToVersion(ownerUrl, appPassword(dataDir()), schema, { plugins: pluginMigrations }),
        upgrade: async () => {
          await upgradeDatabase({ ownerUrl });
          await backfillRollups(appUrl);
        },
      }),
    ),
  );
  process.stdout.write(
    `Restored ${summary.tables} tables (${summary.rows} rows) and ${summary.documents} documents from a backup of ${summary.header.nodeId} made at ${summary.header.createdAt}.\n` +
      'Now run linju audit verify <district> for each district.\n',
  );
}
