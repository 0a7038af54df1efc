import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DataKeyRing } from '@linju/auth';
import { type RestoreTarget, restoreIntoEmptyDatabase, type SchemaVersion } from '@linju/db';
import { type DocumentStore, parseDocumentKey } from '../documents/document-store.ts';
import { type Frame, readFrames } from './archive-frames.ts';
import {
  type BackupHeader,
  type BackupManifest,
  type BackupPart,
  ZBackupHeader,
  ZBackupManifest,
  ZBackupPart,
  ZPartEnd,
} from './backup-manifest.ts';
import { BackupArchiveError, openArchive } from './sealed-archive.ts';

export type RestoreDestination = {
  ownerUrl: string;
  ring: DataKeyRing;
  files: DocumentStore;
  checkpointDir: string;
  /** Brings the empty target to the backup's schema exactly (refusing a newer release's). */
  migrateTo: (schema: SchemaVersion) => Promise<void>;
  /** Then, once restored, to this release's (`linju migrate`'s step). */
  upgrade: () => Promise<void>;
};

export type RestoreSummary = { header: BackupHeader; tables: number; rows: number; documents: number };

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** A backup fills only the schema it was read from (the target was migrated to it). */
function requireSameSchema(backup: SchemaVersion, here: SchemaVersion): void {
  if (sameList(backup.core, here.core) && sameList(backup.plugins, here.plugins)) return;
  throw new BackupArchiveError(
    `The target database is at another schema (${here.core.length} migrations) than the backup (${backup.core.length}): nothing was restored.`,
    'Restore into a new, empty database that no linju migrate has touched.',
  );
}

async function requireNoCheckpoints(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => []);
  if (names.some((n) => n.endsWith('.jsonl')))
    throw new BackupArchiveError(
      `The audit checkpoint folder ${dir} is not empty: a backup is restored only into an empty deployment.`,
      'Point LINJU_AUDIT_CHECKPOINT_DIR (or LINJU_DATA_DIR) at an empty folder.',
    );
}

type OpenPart = {
  part: BackupPart;
  hash: ReturnType<typeof createHash>;
  bytes: number;
  rows: number;
  copy?: Awaited<ReturnType<RestoreTarget['copyIn']>>;
  held: Buffer[];
};

const json = (frame: Frame) => JSON.parse(frame.payload.toString('utf8')) as unknown;

/**
 * `linju restore`: opens and authenticates the archive as it streams, migrates the target to the
 * backup's schema, refuses a non-empty target or another schema, then copies every table in one
 * transaction (committed only once the archive's last chunk authenticated and every part's
 * sha256 matched), puts the documents into the store (when it is not the database) and writes the audit checkpoints;
 * then upgrades the restored database to this release, as `linju migrate` would.
 */
export async function restoreBackup(from: string, target: RestoreDestination): Promise<RestoreSummary> {
  await requireNoCheckpoints(target.checkpointDir);
  const frames = readFrames(openArchive(createReadStream(from), target.ring))[Symbol.asyncIterator]();
  const first = await frames.next();
  const header = first.done || first.value.type !== 'H' ? null : ZBackupHeader.safeParse(json(first.value));
  if (!header?.success)
    throw new BackupArchiveError(
      'The backup has no header this release reads.',
      'Restore it with the release that made it.',
    );
  await target.migrateTo(header.data.schema);
  const checkpoints: { name: string; bytes: Buffer }[] = [];
  const documents: { name: string; bytes: Buffer }[] = [];
  const summary = await restoreIntoEmptyDatabase(target.ownerUrl, async (db) => {
    requireSameSchema(header.data.schema, db.schema);
    const tables = new Map(db.tables.map((t) => [t.name, t]));
    const seen: BackupManifest['parts'] = [];
    let manifest: BackupManifest | null = null;
    let open: OpenPart | null = null;
    for (let next = await frames.next(); !next.done; next = await frames.next()) {
      const frame = next.value;
      if (manifest)
        throw new BackupArchiveError(
          'The backup has frames after its manifest.',
          'Restore from another copy.',
        );
      if (frame.type === 'P') {
        const part = ZBackupPart.parse(json(frame));
        if (part.kind === 'table' && !sameList(tables.get(part.name)?.columns ?? [], part.columns))
          throw new BackupArchiveError(
            `The backup's table ${part.name} does not match this schema.`,
            'Restore it with the release that made it.',
          );
        open = {
          part,
          hash: createHash('sha256'),
          bytes: 0,
          rows: 0,
          held: [],
          ...(part.kind === 'table' ? { copy: await db.copyIn(part.name, part.columns) } : {}),
        };
      } else if (frame.type === 'D' && open) {
        open.hash.update(frame.payload);
        open.bytes += frame.payload.length;
        if (open.copy) await open.copy.write(frame.payload);
        else open.held.push(Buffer.from(frame.payload));
      } else if (frame.type === 'E' && open) {
        const end = ZPartEnd.parse(json(frame));
        const sha256 = open.hash.digest('hex');
        if (end.sha256 !== sha256 || end.bytes !== open.bytes)
          throw new BackupArchiveError(
            `The backup's part ${open.part.name} does not match its checksum.`,
            'Restore from another copy.',
          );
        if (open.copy) await open.copy.end();
        const bytes = Buffer.concat(open.held);
        if (open.part.kind === 'document') documents.push({ name: open.part.name, bytes });
        if (open.part.kind === 'checkpoint') checkpoints.push({ name: open.part.name, bytes });
        seen.push({ kind: open.part.kind, name: open.part.name, ...end });
        open = null;
      } else if (frame.type === 'M' && !open) {
        manifest = ZBackupManifest.parse(json(frame));
      } else {
        throw new BackupArchiveError(
          `The backup has a misplaced ${frame.type} frame.`,
          'Restore from another copy.',
        );
      }
    }
    // The stream ended on its authenticated last chunk; the manifest must name exactly what came.
    if (!manifest || JSON.stringify(manifest.parts) !== JSON.stringify(seen))
      throw new BackupArchiveError(
        'The backup’s manifest does not list what it holds.',
        'Restore from another copy.',
      );
    await db.restoreSequences(manifest.sequences);
    const restored = manifest.parts.filter((p) => p.kind === 'table');
    return {
      header: header.data,
      tables: restored.length,
      rows: restored.reduce((sum, p) => sum + (p.rows ?? 0), 0),
      documents: manifest.parts.filter((p) => p.kind === 'document').length,
    };
  });
  // After the commit (a store outside the database joins no transaction, and one inside would wait
  // on the restore's locks): a failed restore leaves the store and the folder empty for the next attempt.
  for (const { name, bytes } of documents) {
    const stored = await target.files.put(parseDocumentKey(name).tenantId, bytes);
    if (stored.key !== name)
      throw new BackupArchiveError(
        `The backup's document ${name} does not match its key.`,
        'Restore from another copy.',
      );
  }
  await mkdir(target.checkpointDir, { recursive: true, mode: 0o700 });
  for (const { name, bytes } of checkpoints)
    await writeFile(join(target.checkpointDir, name), bytes, { mode: 0o600 });
  await target.upgrade();
  return summary;
}
