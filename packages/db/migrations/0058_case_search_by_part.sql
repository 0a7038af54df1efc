ALTER TABLE "resident" ADD COLUMN "search_tokens" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "resident" ADD COLUMN "search_tokens_key" text;--> statement-breakpoint
CREATE INDEX "case_number_trgm_idx" ON "case" USING gin ("tenant_id","number" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "resident_search_tokens_idx" ON "resident" USING gin ("search_tokens");--> statement-breakpoint
-- Search by part (issue 17): a resident by two or more characters of the name or the phone's last
-- digits, through search tokens (keyed hashes made by the application; rows from before, or
-- under a retired key, are made again by the upgrade step's rotation), and a case by part of its
-- number, by trigrams. Neither array containment nor LIKE is leakproof, so under RLS PostgreSQL
-- would not use these indexes ahead of the tenant policy: as `case_ids_matching_text` (0038, 0048)
-- does for descriptions, each function checks the tenant itself and returns ids the caller reads
-- under RLS. Definer only where the migrator bypasses RLS. `case_ids_matching` serves both the
-- number and the description, with each match's time so a search of several parts can page;
-- `case_ids_matching_text` stays for the previous release until a later one drops it.
DO $$
DECLARE
  bypasses boolean := (SELECT rolsuper OR rolbypassrls FROM pg_catalog.pg_roles WHERE rolname = current_user);
BEGIN
  EXECUTE pg_catalog.format($f$
    CREATE OR REPLACE FUNCTION public.resident_ids_with_search_tokens(tokens text[])
    RETURNS SETOF uuid LANGUAGE plpgsql STABLE %s SET search_path = pg_catalog, pg_temp
    AS $body$
    BEGIN
      -- Every array contains the empty one: no tokens is no search, not every resident.
      IF pg_catalog.cardinality(tokens) = 0 THEN
        RETURN;
      END IF;
      RETURN QUERY SELECT r.id FROM public.resident r
        WHERE r.tenant_id = nullif(pg_catalog.current_setting('app.tenant_id', true), '')::uuid
          AND r.search_tokens @> tokens;
    END
    $body$
  $f$, CASE WHEN bypasses THEN 'SECURITY DEFINER' ELSE 'SECURITY INVOKER' END);
  EXECUTE pg_catalog.format($f$
    CREATE OR REPLACE FUNCTION public.case_ids_matching(
      field text, pattern text, ignore_case boolean, before_at timestamptz, before_id uuid, max_rows integer
    ) RETURNS TABLE (id uuid, received_at timestamptz) LANGUAGE plpgsql STABLE %s
    SET search_path = pg_catalog, pg_temp
    AS $body$
    BEGIN
      IF field IS NULL OR field NOT IN ('description', 'number') THEN
        RAISE EXCEPTION 'case_ids_matching searches the description or the number, not %%', field;
      END IF;
      RETURN QUERY EXECUTE pg_catalog.format(
        'SELECT id, received_at FROM public."case" WHERE tenant_id = $1 AND %%I %%s $2 %%s'
        ' ORDER BY received_at DESC, id DESC LIMIT $5',
        field,
        CASE WHEN ignore_case THEN 'ILIKE' ELSE 'LIKE' END,
        CASE WHEN before_at IS NULL THEN '' ELSE 'AND (received_at, id) < ($3, $4)' END)
      USING nullif(pg_catalog.current_setting('app.tenant_id', true), '')::uuid,
        pattern, before_at, before_id, max_rows;
    END
    $body$
  $f$, CASE WHEN bypasses THEN 'SECURITY DEFINER' ELSE 'SECURITY INVOKER' END);
END
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION resident_ids_with_search_tokens(text[]) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION resident_ids_with_search_tokens(text[]) TO linju_app;--> statement-breakpoint
REVOKE ALL ON FUNCTION case_ids_matching(text, text, boolean, timestamptz, uuid, integer) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION case_ids_matching(text, text, boolean, timestamptz, uuid, integer) TO linju_app;
