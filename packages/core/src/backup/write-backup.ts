import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { DataKeyRing } from '@linju/auth';
import { type DatabaseSnapshot, withDatabaseSnapshot } from '@linju/db';
import { type DocumentStore, readWholeDocument } from '../documents/document-store.ts';
import { dataFrames, frame } from './archive-frames.ts';
import { BACKUP_FORMAT, type BackupHeader, type BackupManifest, type BackupPart } from './backup-manifest.ts';
import { sealArchive } from './sealed-archive.ts';

export type BackupSources = {
  ownerUrl: string;
  ring: DataKeyRing;
  files: DocumentStore;
  checkpointDir: string;
  nodeId: string;
};

export type BackupSummary = { tables: number; rows: number; documents: number; checkpoints: number };

/** The audit checkpoint files, read before the snapshot: they then anchor only entries it holds. */
async function readCheckpoints(dir: string): Promise<{ name: string; bytes: Buffer }[]> {
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const files = names.filter((n) => /^[0-9a-f-]{36}\.jsonl$/.test(n)).sort();
  return Promise.all(files.map(async (name) => ({ name, bytes: await readFile(join(dir, name)) })));
}

const newlines = (chunk: Buffer) => {
  let count = 0;
  for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) count++;
  return count;
};

async function* partFrames(
  part: BackupPart,
  chunks: AsyncIterable<Buffer> | Iterable<Buffer>,
  manifest: BackupManifest,
): AsyncGenerator<Buffer> {
  yield frame('P', part);
  const hash = createHash('sha256');
  let bytes = 0;
  let rows = 0;
  for await (const chunk of chunks) {
    hash.update(chunk);
    bytes += chunk.length;
    // COPY's text format escapes newlines inside values: one newline, one row.
    if (part.kind === 'table') rows += newlines(chunk);
    yield* dataFrames(chunk);
  }
  const end = { bytes, sha256: hash.digest('hex'), ...(part.kind === 'table' ? { rows } : {}) };
  manifest.parts.push({ kind: part.kind, name: part.name, ...end });
  yield frame('E', end);
}

async function* backupFrames(
  snapshot: DatabaseSnapshot,
  sources: BackupSources,
  checkpoints: { name: string; bytes: Buffer }[],
  manifest: BackupManifest,
): AsyncGenerator<Buffer> {
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    createdAt: new Date().toISOString(),
    nodeId: sources.nodeId,
    schema: snapshot.schema,
  };
  yield frame('H', header);
  manifest.sequences = snapshot.sequences;
  for (const table of snapshot.tables) {
    const rows = await snapshot.copyOut(table);
    yield* partFrames({ kind: 'table', name: table.name, columns: table.columns }, rows, manifest);
  }
  // Documents in PostgreSQL came with the tables; from a bucket, every key a row names, none skipped.
  if (!sources.files.inDatabase)
    for (const key of await snapshot.storageKeys())
      yield* partFrames(
        { kind: 'document', name: key },
        [await readWholeDocument(sources.files, key)],
        manifest,
      );
  for (const { name, bytes } of checkpoints)
    yield* partFrames({ kind: 'checkpoint', name }, [bytes], manifest);
  yield frame('M', manifest);
}

/**
 * `linju backup`: one consistent snapshot of every table, the documents the rows name and the
 * audit checkpoints, sealed under the data key and streamed to `out` (written aside and renamed:
 * a failed backup leaves no file that looks whole). The plain dump never touches the disk.
 */
export async function writeBackup(sources: BackupSources, out: string): Promise<BackupSummary> {
  const checkpoints = await readCheckpoints(sources.checkpointDir);
  const partial = `${out}.partial`;
  const manifest: BackupManifest = { parts: [], sequences: [] };
  try {
    await withDatabaseSnapshot(sources.ownerUrl, (snapshot) =>
      pipeline(
        Readable.from(sealArchive(backupFrames(snapshot, sources, checkpoints, manifest), sources.ring)),
        createWriteStream(partial, { mode: 0o600 }),
      ),
    );
    await rename(partial, out);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  const { parts } = manifest;
  const tables = parts.filter((p) => p.kind === 'table');
  return {
    tables: tables.length,
    rows: tables.reduce((sum, p) => sum + (p.rows ?? 0), 0),
    documents: parts.filter((p) => p.kind === 'document').length,
    checkpoints: parts.filter((p) => p.kind === 'checkpoint').length,
  };
}
