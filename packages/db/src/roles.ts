import postgres from 'postgres';
import { APP_ROLE } from './app-role.ts';

/**
 * Creates (or re-keys) the application role. Run with the owner's connection before migrations,
 * which grant it table rights. NOBYPASSRLS and no ownership: RLS always applies to it.
 */
export async function ensureAppRole(ownerUrl: string, appPassword: string): Promise<void> {
  const sql = postgres(ownerUrl, { max: 1, onnotice: () => {} });
  try {
    const [existing] = await sql`select 1 from pg_roles where rolname = ${APP_ROLE}`;
    const verb = existing ? 'ALTER' : 'CREATE';
    // Identifiers and passwords cannot be bound parameters in DDL; the role name is a constant
    // and the password is quoted by the server's own quote_literal.
    const [quoted] = await sql<{ literal: string }[]>`select quote_literal(${appPassword}) as literal`;
    await sql.unsafe(
      `${verb} ROLE ${APP_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD ${quoted?.literal}`,
    );
  } finally {
    await sql.end();
  }
}
