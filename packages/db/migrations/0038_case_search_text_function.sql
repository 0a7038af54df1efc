-- Text search of case descriptions by the trigram index, under RLS (issue 4).
-- LIKE and ILIKE are not leakproof, so for the application role PostgreSQL may not use
-- `description ILIKE …` as an index condition ahead of the tenant policy: the trigram index is
-- never used and a search reads every case of the district. This function returns the current
-- tenant's matching case ids, newest first (after `before_at`/`before_id`, a page's cursor, when
-- given), at most `max_rows`; it checks the tenant itself (the policy's check, on the same
-- setting) and the caller still reads the cases under RLS. Dynamic SQL so each call is planned
-- with its values: a common word is read newest first until enough match, a rare one through the
-- index. It is SECURITY DEFINER only when the migrator bypasses RLS (a superuser, as the embedded
-- database's owner is); otherwise it runs as the caller, under RLS: slower, the same rows.
DO $$
DECLARE
  bypasses boolean := (SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user);
BEGIN
  EXECUTE format($f$
    CREATE OR REPLACE FUNCTION case_ids_matching_text(
      pattern text, ignore_case boolean, before_at timestamptz, before_id uuid, max_rows integer
    ) RETURNS SETOF uuid LANGUAGE plpgsql STABLE %s SET search_path = pg_catalog, public
    AS $body$
    BEGIN
      RETURN QUERY EXECUTE format(
        'SELECT id FROM "case" WHERE tenant_id = $1 AND description %%s $2 %%s'
        ' ORDER BY received_at DESC, id DESC LIMIT $5',
        CASE WHEN ignore_case THEN 'ILIKE' ELSE 'LIKE' END,
        CASE WHEN before_at IS NULL THEN '' ELSE 'AND (received_at, id) < ($3, $4)' END)
      USING nullif(current_setting('app.tenant_id', true), '')::uuid, pattern, before_at, before_id, max_rows;
    END
    $body$
  $f$, CASE WHEN bypasses THEN 'SECURITY DEFINER' ELSE 'SECURITY INVOKER' END);
END
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION case_ids_matching_text(text, boolean, timestamptz, uuid, integer) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION case_ids_matching_text(text, boolean, timestamptz, uuid, integer) TO linju_app;
