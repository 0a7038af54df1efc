import { afterEach, describe, expect, inject, it } from 'vitest';
import { connect, type DbHandle, sql } from './index.ts';

/** What the pool's one connection has prepared so far, read on that same connection. */
async function preparedOnConnection(handle: DbHandle): Promise<number> {
  for (let i = 0; i < 3; i++) await handle.db.execute(sql`select ${i}::int as n`);
  const rows = await handle.db.execute<{ n: number }>(
    sql`select count(*)::int as n from pg_prepared_statements`,
  );
  return rows[0]?.n ?? -1;
}

describe('DATABASE_PREPARE: statements behind PgBouncer in transaction mode', () => {
  const before = process.env.DATABASE_PREPARE;
  const opened: DbHandle[] = [];
  afterEach(async () => {
    process.env.DATABASE_PREPARE = before;
    if (before === undefined) delete process.env.DATABASE_PREPARE;
    await Promise.all(opened.splice(0).map((h) => h.close()));
  });

  it('prepares named statements on the connection by default', async () => {
    delete process.env.DATABASE_PREPARE;
    const handle = connect(inject('databaseUrl'), { max: 1 });
    opened.push(handle);
    expect(await preparedOnConnection(handle)).toBeGreaterThan(0);
  });

  it('prepares none with DATABASE_PREPARE=false, so no statement outlives its server connection', async () => {
    process.env.DATABASE_PREPARE = 'false';
    const handle = connect(inject('databaseUrl'), { max: 1 });
    opened.push(handle);
    expect(await preparedOnConnection(handle)).toBe(0);
  });
});
