ALTER TABLE "case" ADD COLUMN "search_terms" "tsvector";--> statement-breakpoint
CREATE INDEX "case_open_received_idx" ON "case" USING btree ("tenant_id","received_at","id") WHERE "case"."status" in ('received', 'triaged', 'in-progress');--> statement-breakpoint
CREATE INDEX "case_first_responder_received_idx" ON "case" USING btree ("tenant_id","first_responder_id","received_at","id") WHERE "case"."status" in ('received', 'triaged', 'in-progress', 'resolved');--> statement-breakpoint
CREATE INDEX "case_resolved_received_idx" ON "case" USING btree ("tenant_id","received_at","id") WHERE "case"."status" = 'resolved';--> statement-breakpoint
CREATE INDEX "case_search_terms_idx" ON "case" USING gin ("tenant_id","search_terms");--> statement-breakpoint
CREATE INDEX "case_search_terms_missing_idx" ON "case" USING btree ("tenant_id","received_at","id") WHERE "case"."search_terms" is null;--> statement-breakpoint
-- Chinese text search by words (issue 20): `search_terms` holds a description's words as the
-- statute search cuts them (written by the application, `caseTextTerms`; the upgrade step fills
-- it in for cases from before, and for those a previous release still writes during a rolling
-- upgrade, which the second branch below reads meanwhile). `@@` is not leakproof, so under RLS
-- PostgreSQL would not use the words' index ahead of the tenant policy: like `case_ids_matching`
-- (0058) this function checks the tenant itself and returns ids the caller reads under RLS; the
-- description must also hold the text as written (LIKE), so a match is never a mere bag of words.
-- Definer only where the migrator bypasses RLS.
DO $$
DECLARE
  bypasses boolean := (SELECT rolsuper OR rolbypassrls FROM pg_catalog.pg_roles WHERE rolname = current_user);
BEGIN
  EXECUTE pg_catalog.format($f$
    CREATE OR REPLACE FUNCTION public.case_ids_with_words(
      words tsquery, pattern text, ignore_case boolean, before_at timestamptz, before_id uuid, max_rows integer
    ) RETURNS TABLE (id uuid, received_at timestamptz) LANGUAGE plpgsql STABLE %s
    SET search_path = pg_catalog, pg_temp
    AS $body$
    BEGIN
      RETURN QUERY EXECUTE pg_catalog.format(
        'SELECT id, received_at FROM ('
        '  (SELECT id, received_at FROM public."case" WHERE tenant_id = $1 AND search_terms @@ $2'
        '    AND description %%1$s $3 %%2$s ORDER BY received_at DESC, id DESC LIMIT $6)'
        '  UNION ALL'
        '  (SELECT id, received_at FROM public."case" WHERE tenant_id = $1 AND search_terms IS NULL'
        '    AND description %%1$s $3 %%2$s ORDER BY received_at DESC, id DESC LIMIT $6)'
        ') found ORDER BY received_at DESC, id DESC LIMIT $6',
        CASE WHEN ignore_case THEN 'ILIKE' ELSE 'LIKE' END,
        CASE WHEN before_at IS NULL THEN '' ELSE 'AND (received_at, id) < ($4, $5)' END)
      USING nullif(pg_catalog.current_setting('app.tenant_id', true), '')::uuid,
        words, pattern, before_at, before_id, max_rows;
    END
    $body$
  $f$, CASE WHEN bypasses THEN 'SECURITY DEFINER' ELSE 'SECURITY INVOKER' END);
END
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION case_ids_with_words(tsquery, text, boolean, timestamptz, uuid, integer) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION case_ids_with_words(tsquery, text, boolean, timestamptz, uuid, integer) TO linju_app;
