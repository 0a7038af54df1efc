CREATE TABLE "case_rollup" (
	"tenant_id" uuid NOT NULL,
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
	CONSTRAINT "case_rollup_tenant_id_organisation_id_service_type_month_dimension_value_pk" PRIMARY KEY("tenant_id","organisation_id","service_type","month","dimension","value")
);
--> statement-breakpoint
ALTER TABLE "case_rollup" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "case_tally" (
	"tenant_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"received_organisation_id" uuid NOT NULL,
	"outcome_organisation_id" uuid NOT NULL,
	"service_type" text NOT NULL,
	"channel" text NOT NULL,
	"category" text NOT NULL,
	"key_groups" text[] NOT NULL,
	"received_month" date NOT NULL,
	"resolved_month" date,
	"resolution_seconds" bigint,
	"on_time" boolean,
	"closed_month" date,
	"ended_month" date,
	"feedback_month" date,
	"rated_month" date,
	"score" smallint,
	CONSTRAINT "case_tally_tenant_id_case_id_pk" PRIMARY KEY("tenant_id","case_id")
);
--> statement-breakpoint
ALTER TABLE "case_tally" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "district_statistics" (
	"tenant_id" uuid NOT NULL,
	"division_code" text NOT NULL,
	"month" date NOT NULL,
	"district_name" text NOT NULL,
	"node_id" text NOT NULL,
	"key_id" text NOT NULL,
	"figures" jsonb NOT NULL,
	"digest" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "district_statistics_tenant_id_division_code_month_pk" PRIMARY KEY("tenant_id","division_code","month")
);
--> statement-breakpoint
ALTER TABLE "district_statistics" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "statistics_report" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"period" text NOT NULL,
	"starts_on" date NOT NULL,
	"organisation_id" uuid,
	"status" text DEFAULT 'queued' NOT NULL,
	"progress" smallint DEFAULT 0 NOT NULL,
	"error" text,
	"file_name" text,
	"content" "bytea",
	"requested_by" uuid,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "statistics_report_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "statistics_report_progress" CHECK ("statistics_report"."progress" between 0 and 100)
);
--> statement-breakpoint
ALTER TABLE "statistics_report" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "case_rollup" ADD CONSTRAINT "case_rollup_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_tally" ADD CONSTRAINT "case_tally_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "district_statistics" ADD CONSTRAINT "district_statistics_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statistics_report" ADD CONSTRAINT "statistics_report_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "statistics_report_requested_idx" ON "statistics_report" USING btree ("tenant_id","requested_at");--> statement-breakpoint
CREATE POLICY "case_rollup_tenant_isolation" ON "case_rollup" AS PERMISSIVE FOR ALL TO "linju_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "case_tally_tenant_isolation" ON "case_tally" AS PERMISSIVE FOR ALL TO "linju_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "district_statistics_tenant_isolation" ON "district_statistics" AS PERMISSIVE FOR ALL TO "linju_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "statistics_report_tenant_isolation" ON "statistics_report" AS PERMISSIVE FOR ALL TO "linju_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);