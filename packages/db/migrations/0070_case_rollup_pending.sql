CREATE TABLE "case_rollup_pending" (
	"tenant_id" uuid NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "case_rollup_pending_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"organisation_id" uuid NOT NULL,
	"service_type" text NOT NULL,
	"month" date NOT NULL,
	"dimension" text NOT NULL,
	"value" text NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	"resolved" integer DEFAULT 0 NOT NULL,
	"resolved_on_time" integer DEFAULT 0 NOT NULL,
	"resolution_seconds" bigint DEFAULT 0 NOT NULL,
	"closed" integer DEFAULT 0 NOT NULL,
	"ended" integer DEFAULT 0 NOT NULL,
	"feedback" integer DEFAULT 0 NOT NULL,
	"rated" integer DEFAULT 0 NOT NULL,
	"score_sum" integer DEFAULT 0 NOT NULL,
	"satisfied" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "case_rollup_pending_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "case_rollup_pending" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "case_rollup_pending" ADD CONSTRAINT "case_rollup_pending_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_rollup_pending_range_idx" ON "case_rollup_pending" USING btree ("tenant_id","organisation_id","service_type","dimension","month");--> statement-breakpoint
CREATE POLICY "case_rollup_pending_tenant_isolation" ON "case_rollup_pending" AS PERMISSIVE FOR ALL TO "linju_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
-- Roll-up changes are appended here by the case changes and folded into case_rollup by the worker
-- (deleted as they are added there, in one transaction): a queue, so the app role deletes too.
GRANT SELECT, INSERT, DELETE ON case_rollup_pending TO linju_app;--> statement-breakpoint
ALTER TABLE case_rollup_pending FORCE ROW LEVEL SECURITY;--> statement-breakpoint
-- An insert wakes the worker's folder (payload: the tenant's id), once per statement; PostgreSQL
-- sends one notice per tenant per transaction.
CREATE FUNCTION case_rollup_pending_written() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('linju_rollups', w.tenant_id::text) FROM (SELECT DISTINCT tenant_id FROM written) w;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER case_rollup_pending_written AFTER INSERT ON "case_rollup_pending"
  REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION case_rollup_pending_written();
