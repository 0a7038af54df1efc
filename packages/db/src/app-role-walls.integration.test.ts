import { randomUUID } from 'node:crypto';
import type postgres from 'postgres';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { APP_ROLE } from './app-role.ts';
import { openPostgres } from './postgres-client.ts';

/**
 * Every right the application role holds on a table, by table (column lists where the code needs
 * no more). A new GRANT fails this test until it is reviewed and written here: it is a wall.
 */
const TABLE_RIGHTS: Record<string, string> = {
  activity_rollup: 'INSERT, SELECT, UPDATE',
  announcement: 'INSERT, SELECT, UPDATE',
  appointment: 'INSERT, SELECT, UPDATE',
  assessment_import: 'INSERT, SELECT',
  assessment_result: 'INSERT, SELECT',
  audit_entry: 'INSERT, SELECT, UPDATE (hash, prev_hash, seq)',
  audit_head: 'INSERT, SELECT, UPDATE (hash, seq)',
  audit_unkeyed_prefix: 'SELECT',
  calendar_day: 'DELETE, INSERT, SELECT, UPDATE',
  case: 'INSERT, SELECT, UPDATE',
  case_counter: 'INSERT, SELECT, UPDATE',
  case_document: 'INSERT, SELECT',
  case_escalation: 'INSERT, SELECT',
  case_event: 'INSERT, SELECT',
  case_handler: 'INSERT, SELECT',
  case_link: 'INSERT, SELECT',
  case_party: 'DELETE, INSERT, SELECT, UPDATE',
  case_rollup: 'INSERT, SELECT, UPDATE',
  case_rollup_pending: 'DELETE, INSERT, SELECT',
  case_setting: 'INSERT, SELECT, UPDATE',
  case_tally: 'INSERT, SELECT, UPDATE',
  city_statistics_send: 'INSERT, SELECT, UPDATE',
  city_statistics_setting: 'DELETE, INSERT, SELECT, UPDATE',
  community: 'DELETE, INSERT, SELECT, UPDATE',
  community_adviser: 'INSERT, SELECT, UPDATE',
  coverage_rule: 'INSERT, SELECT, UPDATE',
  district_boundary: 'INSERT, SELECT, UPDATE',
  district_statistics: 'INSERT, SELECT, UPDATE',
  document_blob: 'INSERT, SELECT',
  document_chunk: 'INSERT, SELECT',
  duty_slot: 'DELETE, INSERT, SELECT, UPDATE',
  federation_inbox: 'INSERT, SELECT, UPDATE',
  federation_nonce: 'DELETE, INSERT, SELECT',
  federation_outbox: 'INSERT, SELECT, UPDATE',
  federation_peer: 'DELETE, INSERT, SELECT, UPDATE',
  federation_peer_allowance: 'DELETE, INSERT, SELECT',
  federation_route: 'INSERT, SELECT',
  file_review: 'INSERT, SELECT, UPDATE',
  file_review_sample: 'INSERT, SELECT',
  form_submission: 'DELETE, INSERT, SELECT, UPDATE',
  hotline_import: 'INSERT, SELECT, UPDATE',
  hotline_import_row: 'INSERT, SELECT',
  inspection: 'INSERT, SELECT',
  inspection_checklist: 'INSERT, SELECT',
  inspection_rectification: 'INSERT, SELECT, UPDATE',
  inspection_score: 'INSERT, SELECT',
  joint_consultation: 'INSERT, SELECT',
  joint_consultation_attendee: 'INSERT, SELECT',
  login_throttle: 'DELETE, INSERT, SELECT, UPDATE',
  message_provider: 'INSERT, SELECT, UPDATE',
  notification: 'INSERT, SELECT, UPDATE',
  organisation: 'INSERT, SELECT, UPDATE',
  outbound_message: 'INSERT, SELECT, UPDATE',
  partner_link: 'INSERT, SELECT, UPDATE',
  platform_operator: 'SELECT, UPDATE (totp_last_used_step)',
  platform_operator_setup: 'SELECT',
  provider_record: 'INSERT, SELECT, UPDATE',
  questionnaire: 'INSERT, SELECT, UPDATE',
  questionnaire_access: 'INSERT, SELECT, UPDATE',
  questionnaire_invitation: 'INSERT, SELECT',
  questionnaire_response: 'INSERT, SELECT',
  questionnaire_round: 'INSERT, SELECT, UPDATE',
  rating_code: 'INSERT, SELECT, UPDATE',
  referral: 'INSERT, SELECT, UPDATE',
  referral_attachment: 'INSERT, SELECT, UPDATE',
  referral_event: 'INSERT, SELECT',
  resident: 'INSERT, SELECT, UPDATE',
  resident_code: 'DELETE, INSERT, SELECT, UPDATE (expires_at, failures, used_at)',
  resident_consent: 'INSERT, SELECT, UPDATE',
  resident_feedback: 'INSERT, SELECT',
  resident_session: 'DELETE, INSERT, SELECT, UPDATE (expires_at, phone_index, phone_sealed)',
  role_grant: 'DELETE, INSERT, SELECT, UPDATE',
  satisfaction: 'INSERT, SELECT',
  scorecard: 'INSERT, SELECT',
  scorecard_setting: 'INSERT, SELECT, UPDATE',
  service_enablement: 'DELETE, INSERT, SELECT, UPDATE',
  session: 'DELETE, INSERT, SELECT, UPDATE (expires_at, two_factor_verified)',
  staff_member: 'INSERT, SELECT, UPDATE',
  statistics_report: 'INSERT, SELECT, UPDATE',
  // National law: the owner imports it (linju statutes import); the app only reads it.
  statute_article: 'SELECT',
  statute_law: 'SELECT',
  statute_term: 'SELECT',
  subsidy_entry: 'INSERT, SELECT',
  subsidy_rule: 'DELETE, INSERT, SELECT, UPDATE',
  suggestion: 'INSERT, SELECT, UPDATE',
  sweep_review: 'INSERT, SELECT, UPDATE',
  tenant: 'INSERT, SELECT, UPDATE (branding, name_en, name_zh, status)',
  tenant_domain: 'DELETE, INSERT, SELECT',
  themed_day: 'DELETE, INSERT, SELECT, UPDATE',
  time_limit: 'DELETE, INSERT, SELECT, UPDATE',
  volunteer: 'INSERT, SELECT, UPDATE',
  volunteer_hours: 'DELETE, INSERT, SELECT',
  x_service: 'INSERT, SELECT, UPDATE',
};

/**
 * Functions that run as their owner, each for a reason. Anything else marked SECURITY DEFINER
 * fails the test.
 */
const DEFINER_FUNCTIONS: Record<string, string> = {
  // LIKE is not leakproof, so under RLS the trigram index is never used; the function checks the
  // tenant itself (migration 0038). Definer only where the migrator bypasses RLS.
  'case_ids_matching_text(text,boolean,timestamp with time zone,uuid,integer)': 'trigram search under RLS',
  // The app role may not write operators: it sets a password only by spending a live one-time link (0054).
  'complete_operator_setup(text,text)': 'one-time operator setup link',
  // Residents by their search tokens (containment is not leakproof either), and cases by part of
  // the number or the description, each match with its time (0061).
  'resident_ids_with_search_tokens(text[])': 'search tokens under RLS',
  'case_ids_matching(text,text,boolean,timestamp with time zone,uuid,integer)': 'trigram search under RLS',
  // Cases by the words of the description (`@@` is not leakproof either), 0069.
  'case_ids_with_words(tsquery,text,boolean,timestamp with time zone,uuid,integer)': 'word search under RLS',
};

/**
 * What the application role can do by SQL, whatever the code does: it is the role a stolen
 * connection or an injected statement runs as. Checked against the live catalogue.
 */
describe('the application role', () => {
  const owner = openPostgres(inject('ownerDatabaseUrl'), { max: 1, onnotice: () => {} });
  afterAll(() => owner.end());

  /** One connection of its own: temporary objects live as long as their session. */
  const asApp = async <T>(fn: (sql: postgres.Sql) => Promise<T>): Promise<T> => {
    const sql = openPostgres(inject('databaseUrl'), { max: 1, onnotice: () => {} });
    try {
      return await fn(sql);
    } finally {
      await sql.end();
    }
  };

  const isSuperuser = async () =>
    (await owner<{ rolsuper: boolean }[]>`select rolsuper from pg_roles where rolname = ${APP_ROLE}`)[0]
      ?.rolsuper;

  /** The exploit: a temporary view named like the table a definer function reads, calling a temporary function. */
  const shadowCaseTable = (sql: postgres.Sql) =>
    sql.begin(async (tx) => {
      await tx`select set_config('app.tenant_id', ${randomUUID()}, true)`;
      await tx.unsafe(`create function pg_temp.escalate() returns text language plpgsql volatile as $$
        begin execute 'alter role ${APP_ROLE} superuser'; return 'noise'; end $$`);
      await tx.unsafe(`create temp view "case" as
        select gen_random_uuid() as id, nullif(current_setting('app.tenant_id', true), '')::uuid as tenant_id,
          pg_temp.escalate() as description, now() as received_at`);
      return tx`select case_ids_matching_text('%noise%', false, null, null, 10) as id`;
    });

  it('cannot run its own code as the owner by shadowing a table a definer function reads', async () => {
    const attack = await asApp(shadowCaseTable).catch((e: unknown) => e);
    expect(await isSuperuser()).toBe(false);
    expect(String(attack)).toMatch(/permission denied/);
  });

  it('cannot, even were it given TEMPORARY again: the function reads public."case" only', async () => {
    const database = (await owner<{ name: string }[]>`select quote_ident(current_database()) as name`)[0]
      ?.name;
    await owner.unsafe(`grant temporary on database ${database} to ${APP_ROLE}`);
    try {
      expect(await asApp(shadowCaseTable)).toEqual([]);
    } finally {
      await owner.unsafe(`revoke temporary on database ${database} from ${APP_ROLE}`);
    }
    expect(await isSuperuser()).toBe(false);
  });

  it('is no superuser and may create no role, database, replica or policy bypass', async () => {
    const [role] = await owner`
      select rolsuper, rolcreaterole, rolcreatedb, rolbypassrls, rolreplication
      from pg_roles where rolname = ${APP_ROLE}`;
    expect(role).toEqual({
      rolsuper: false,
      rolcreaterole: false,
      rolcreatedb: false,
      rolbypassrls: false,
      rolreplication: false,
    });
  });

  it('may create nothing: no temporary objects, nothing in the database or in any schema', async () => {
    const [database] = await owner`
      select has_database_privilege(${APP_ROLE}, current_database(), 'TEMPORARY') as temporary,
        has_database_privilege(${APP_ROLE}, current_database(), 'CREATE') as create`;
    expect(database).toEqual({ temporary: false, create: false });
    const schemas = await owner<{ name: string }[]>`
      select nspname as name from pg_namespace where has_schema_privilege(${APP_ROLE}, oid, 'CREATE')`;
    expect(schemas).toEqual([]);
    const error = await asApp((sql) => sql`create temp table scratch (x int)`).catch((e: unknown) => e);
    expect(String(error)).toMatch(/permission denied/);
  });

  it('owns nothing', async () => {
    const owned = await owner`
      select relname from pg_class where relowner = ${APP_ROLE}::regrole
      union all select proname from pg_proc where proowner = ${APP_ROLE}::regrole`;
    expect(owned).toEqual([]);
  });

  it('holds exactly the reviewed rights on tables', async () => {
    const rights = await owner<{ table: string; rights: string }[]>`
      with granted as (
        select c.relname as table, a.privilege_type as right
        from pg_class c, aclexplode(c.relacl) a
        where c.relnamespace = 'public'::regnamespace and a.grantee = ${APP_ROLE}::regrole
        union all
        select c.relname, a.privilege_type || ' (' || string_agg(att.attname, ', ' order by att.attname) || ')'
        from pg_attribute att join pg_class c on c.oid = att.attrelid, aclexplode(att.attacl) a
        where c.relnamespace = 'public'::regnamespace and a.grantee = ${APP_ROLE}::regrole
        group by c.relname, a.privilege_type)
      select "table", string_agg("right", ', ' order by "right") as rights from granted group by "table"`;
    expect(Object.fromEntries(rights.map((r) => [r.table, r.rights]))).toEqual(TABLE_RIGHTS);
  });

  it('is granted no function but the reviewed ones', async () => {
    const granted = await owner<{ signature: string }[]>`
      select p.oid::regprocedure::text as signature from pg_proc p, aclexplode(p.proacl) a
      where a.grantee = ${APP_ROLE}::regrole`;
    expect(granted.map((g) => g.signature)).toEqual(Object.keys(DEFINER_FUNCTIONS));
  });

  it('cannot make itself a platform operator by SQL', async () => {
    const error = await asApp(
      (sql) => sql`insert into platform_operator (id, username, display_name, password_hash)
        values (${randomUUID()}, 'intruder', 'x', 'x')`,
    ).catch((e: unknown) => e);
    expect(String(error)).toMatch(/permission denied/);
  });

  it('cannot move a session to another person, tenant or operator', async () => {
    for (const column of ['tenant_id', 'staff_member_id', 'platform_operator_id']) {
      const error = await asApp((sql) =>
        sql.unsafe(`update session set ${column} = '${randomUUID()}' where false`),
      ).catch((e: unknown) => e);
      expect(String(error), column).toMatch(/permission denied/);
    }
  });

  it('reaches plugin tables only by switching to the plugin’s role, which holds its own tables only', async () => {
    const memberships = await owner<{ role: string; inherits: boolean }[]>`
      select r.rolname as role, m.inherit_option as inherits
      from pg_auth_members m join pg_roles r on r.oid = m.roleid where m.member = ${APP_ROLE}::regrole`;
    expect(memberships.length).toBeGreaterThan(0);
    for (const { role, inherits } of memberships) {
      expect(role).toMatch(/^linju_plugin_[a-z][a-z0-9_]*$/);
      expect(inherits, role).toBe(false);
      const prefix = `${role.slice('linju_plugin_'.length)}_`;
      const tables = await owner<{ table: string }[]>`
        select distinct c.relname as table from pg_class c, aclexplode(c.relacl) a
        where a.grantee = ${role}::regrole`;
      for (const { table } of tables) expect(table, role).toMatch(new RegExp(`^${prefix}`));
      const [attributes] = await owner`
        select rolsuper or rolcreaterole or rolcreatedb or rolbypassrls or rolreplication as any
        from pg_roles where rolname = ${role}`;
      expect(attributes?.any, role).toBe(false);
    }
  });

  it('meets no function running as its owner but the reviewed ones, each with a search path it cannot shadow', async () => {
    const definers = await owner<{ signature: string; config: string[] | null }[]>`
      select p.oid::regprocedure::text as signature, p.proconfig as config
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where p.prosecdef and n.nspname not in ('pg_catalog', 'information_schema')`;
    for (const { signature, config } of definers) {
      expect(Object.keys(DEFINER_FUNCTIONS), signature).toContain(signature);
      // pg_temp unnamed is searched first for tables; named last, it cannot shadow anything.
      const path = config?.find((c) => c.startsWith('search_path='))?.slice('search_path='.length);
      const schemas = path?.split(',').map((s) => s.trim().replaceAll('"', '')) ?? [];
      expect(schemas.at(-1), signature).toBe('pg_temp');
      for (const schema of schemas.slice(0, -1)) {
        const [writable] = await owner`
          select has_schema_privilege(${APP_ROLE}, ${schema}, 'CREATE') as create`;
        expect(writable?.create, `${signature}: ${schema}`).toBe(false);
      }
    }
  });
});
