import { join } from 'node:path';

export const repoRoot = join(import.meta.dirname, '..', '..', '..', '..');

/** Everything a running stack keeps: PostgreSQL, the Temporal SQLite file, keys, uploaded files. */
export const dataDir = () => process.env.LINJU_DATA_DIR ?? join(repoRoot, '.data');
