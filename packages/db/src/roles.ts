import { APP_ROLE } from './app-role.ts';
import { databasePrepare } from './database-prepare.ts';
import { openPostgres } from './postgres-client.ts';

/**
 * Creates (or re-keys) the application role. Run with the owner's connection before migrations,
 * which grant it table rights. NOBYPASSRLS and no ownership: RLS always applies to it; no
 * temporary objects and no CREATE anywhere (`app-role-walls.integration.test.ts` keeps it so).
 */
export async function ensureAppRole(ownerUrl: string, appPassword: string): Promise<void> {
  const sql = openPostgres(ownerUrl, { max: 1, prepare: databasePrepare(), onnotice: () => {} });
  try {
    const [existing] = await sql`select 1 from pg_roles where rolname = ${APP_ROLE}`;
    const verb = existing ? 'ALTER' : 'CREATE';
    // Identifiers and passwords cannot be bound parameters in DDL; the role name is a constant
    // and the password is quoted by the server's own quote_literal.
    const [quoted] = await sql<{ literal: string }[]>`select quote_literal(${appPassword}) as literal`;
    await sql.unsafe(
      `${verb} ROLE ${APP_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOREPLICATION PASSWORD ${quoted?.literal}`,
    );
    // No temporary objects (they shadow tables in a definer function's search path) and nothing
    // new in the database or its schema, whoever made it and whatever PUBLIC held by default.
    const [database] = await sql<{ name: string }[]>`select quote_ident(current_database()) as name`;
    await sql.unsafe(`REVOKE TEMPORARY, CREATE ON DATABASE ${database?.name} FROM PUBLIC, ${APP_ROLE}`);
    await sql.unsafe(`REVOKE CREATE ON SCHEMA public FROM PUBLIC, ${APP_ROLE}`);
  } finally {
    await sql.end();
  }
}
