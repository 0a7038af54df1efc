import { afterAll, expect, inject, it } from 'vitest';
import { openPostgres } from './postgres-client.ts';
import { sealedColumns } from './sealed-columns.ts';

/**
 * A sealed column the registry does not list would be skipped by `linju keys rotate` and keep
 * needing a retired key: every `*_encrypted` / `*_sealed` column of the live catalogue is listed.
 */
it('lists every sealed column of the database', async () => {
  const sql = openPostgres(inject('ownerDatabaseUrl'), { max: 1, onnotice: () => {} });
  afterAll(() => sql.end());
  const stored = await sql<{ name: string }[]>`
    select table_name || '.' || column_name as name from information_schema.columns
    where table_schema = 'public' and (column_name like '%\\_encrypted' or column_name like '%\\_sealed')`;
  const listed = Object.values(sealedColumns).map((c) => `${c.table}.${c.column}`);
  expect(stored.map((r) => r.name).sort()).toEqual(listed.sort());
});
