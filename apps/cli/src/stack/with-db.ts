import { connect, type Database } from '@linju/db';
import { openDatabase } from './database.ts';
import { dataDir } from './paths.ts';

/** A short-lived connection for one operator command. */
export async function withDb<T>(url: string, fn: (db: Database) => Promise<T>): Promise<T> {
  const { db, close } = connect(url, { max: 2 });
  try {
    return await fn(db);
  } finally {
    await close();
  }
}

/**
 * For commands run while the stack is down: opens the database (embedded or DATABASE_URL),
 * runs `fn` with its URLs, and stops what it started.
 */
export async function withStackDatabase<T>(
  fn: (urls: { ownerUrl: string; appUrl: string }) => Promise<T>,
): Promise<T> {
  const database = await openDatabase(dataDir());
  try {
    return await fn(database);
  } finally {
    await database.embedded?.stop();
  }
}
