-- The application role's walls (issue 14). A SECURITY DEFINER function whose search path let the
-- caller's temporary objects come first ran the caller's code as the function's owner: as
-- linju_app, a temporary view named "case" calling a temporary function made linju_app a
-- superuser. The function now names its table with its schema and puts pg_temp last in its search
-- path (named last, it can shadow nothing); and the app role may create no temporary objects and
-- nothing in the schema, so the class of attack has nothing to stand on.
-- Still SECURITY DEFINER only when the migrator bypasses RLS (see 0038); CREATE OR REPLACE resets it.
DO $$
DECLARE
  bypasses boolean := (SELECT rolsuper OR rolbypassrls FROM pg_catalog.pg_roles WHERE rolname = current_user);
BEGIN
  EXECUTE pg_catalog.format($f$
    CREATE OR REPLACE FUNCTION public.case_ids_matching_text(
      pattern text, ignore_case boolean, before_at timestamptz, before_id uuid, max_rows integer
    ) RETURNS SETOF uuid LANGUAGE plpgsql STABLE %s SET search_path = pg_catalog, pg_temp
    AS $body$
    BEGIN
      RETURN QUERY EXECUTE pg_catalog.format(
        'SELECT id FROM public."case" WHERE tenant_id = $1 AND description %%s $2 %%s'
        ' ORDER BY received_at DESC, id DESC LIMIT $5',
        CASE WHEN ignore_case THEN 'ILIKE' ELSE 'LIKE' END,
        CASE WHEN before_at IS NULL THEN '' ELSE 'AND (received_at, id) < ($3, $4)' END)
      USING nullif(pg_catalog.current_setting('app.tenant_id', true), '')::uuid,
        pattern, before_at, before_id, max_rows;
    END
    $body$
  $f$, CASE WHEN bypasses THEN 'SECURITY DEFINER' ELSE 'SECURITY INVOKER' END);
END
$$;--> statement-breakpoint
-- No temporary objects, no new objects in the schema: the same REVOKEs run in ensureAppRole for a
-- database made after this migration ran (a restore, a new deployment of an old dump).
DO $$
BEGIN
  EXECUTE pg_catalog.format('REVOKE TEMPORARY, CREATE ON DATABASE %I FROM PUBLIC, linju_app', pg_catalog.current_database());
END
$$;--> statement-breakpoint
REVOKE CREATE ON SCHEMA public FROM PUBLIC, linju_app;--> statement-breakpoint
-- Platform operators are created by the operator CLI as the owner; the app only reads them.
REVOKE INSERT, UPDATE ON platform_operator FROM linju_app;--> statement-breakpoint
-- Only what the code changes: a session's expiry and second factor, a district's names, branding and
-- status, a chain head's seq and hash. Ids, owners and tenants of existing rows never move.
REVOKE UPDATE ON session, tenant, audit_head FROM linju_app;--> statement-breakpoint
GRANT UPDATE (expires_at, two_factor_verified) ON session TO linju_app;--> statement-breakpoint
GRANT UPDATE (name_zh, name_en, branding, status) ON tenant TO linju_app;--> statement-breakpoint
GRANT UPDATE (seq, hash) ON audit_head TO linju_app;
