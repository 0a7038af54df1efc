CREATE TABLE "activity_rollup" (
	"tenant_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"measure" text NOT NULL,
	"month" date NOT NULL,
	"value" text NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	"amount" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "activity_rollup_tenant_id_organisation_id_measure_month_value_pk" PRIMARY KEY("tenant_id","organisation_id","measure","month","value")
);
--> statement-breakpoint
ALTER TABLE "activity_rollup" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "activity_rollup" ADD CONSTRAINT "activity_rollup_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE POLICY "activity_rollup_tenant_isolation" ON "activity_rollup" AS PERMISSIVE FOR ALL TO "linju_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);