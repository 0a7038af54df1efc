import { afterAll, describe, expect, inject, it } from 'vitest';
import { openPostgres } from '../postgres-client.ts';
import { PLATFORM_TABLES } from './tenancy.ts';

/**
 * The schema stays ready for Citus (ARCHITECTURE.md, "Beyond one machine") and for RLS: every
 * table with a tenant_id is a tenant table in full, checked against the live catalogue.
 */
describe('every table but the declared platform tables', async () => {
  const sql = openPostgres(inject('ownerDatabaseUrl'), { max: 1, onnotice: () => {} });
  afterAll(() => sql.end());
  const tables = (
    await sql<{ table: string }[]>`
      select table_name as table from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE'`
  )
    .map((r) => r.table)
    .filter((t) => !(PLATFORM_TABLES as readonly string[]).includes(t));

  it('exists (the check is not vacuous)', () => {
    expect(tables).toEqual(
      expect.arrayContaining(['organisation', 'staff_member', 'role_grant', 'audit_entry']),
    );
  });

  it.each(tables)('%s has RLS enabled and forced, with the tenant policy', async (table) => {
    const [rel] =
      await sql`select relrowsecurity, relforcerowsecurity from pg_class where relname = ${table}`;
    expect(rel).toEqual({ relrowsecurity: true, relforcerowsecurity: true });
    const policies = await sql`select qual from pg_policies where tablename = ${table}`;
    expect(policies.map((p) => p.qual)).toContain(
      `(tenant_id = (NULLIF(current_setting('app.tenant_id'::text, true), ''::text))::uuid)`,
    );
  });

  it.each(tables)('%s has a primary key starting with tenant_id', async (table) => {
    const [pk] = await sql<{ columns: string[] }[]>`
      select array_agg(a.attname order by k.ord) as columns
      from pg_index i
      join lateral unnest(i.indkey) with ordinality as k(attnum, ord) on true
      join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
      where i.indrelid = ${table}::regclass and i.indisprimary`;
    expect(pk?.columns[0]).toBe('tenant_id');
  });

  it.each(tables)('%s has foreign keys to other tenant tables only through tenant_id', async (table) => {
    const fks = await sql<{ columns: string[]; target: string }[]>`
      select array_agg(a.attname) as columns, c.confrelid::regclass::text as target
      from pg_constraint c
      join lateral unnest(c.conkey) as k(attnum) on true
      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum
      where c.conrelid = ${table}::regclass and c.contype = 'f'
      group by c.oid, c.confrelid`;
    for (const fk of fks) {
      if (fk.target === 'tenant') continue; // the reference table (replicated under Citus)
      expect(fk.columns, `${table} → ${fk.target}`).toContain('tenant_id');
    }
  });
});
