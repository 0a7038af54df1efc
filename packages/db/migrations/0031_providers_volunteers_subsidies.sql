CREATE TABLE "file_review" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"sample_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"grade" text,
	"findings" text,
	"reviewed_by" uuid,
	"reviewed_by_name" text,
	"reviewed_at" timestamp with time zone,
	CONSTRAINT "file_review_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "file_review_sample_case" UNIQUE("tenant_id","sample_id","case_id"),
	CONSTRAINT "file_review_graded" CHECK (("file_review"."grade" is null) = ("file_review"."reviewed_at" is null))
);
--> statement-breakpoint
ALTER TABLE "file_review" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "file_review_sample" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"month" text NOT NULL,
	"seed" text NOT NULL,
	"size" integer NOT NULL,
	"population" integer NOT NULL,
	"drawn_by" uuid,
	"drawn_by_name" text NOT NULL,
	"drawn_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "file_review_sample_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "file_review_sample_unit_month" UNIQUE("tenant_id","organisation_id","month"),
	CONSTRAINT "file_review_sample_size" CHECK ("file_review_sample"."size" between 1 and 200)
);
--> statement-breakpoint
ALTER TABLE "file_review_sample" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "provider_record" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"provider_kind" text NOT NULL,
	"staff_member_id" uuid,
	"provider_name" text NOT NULL,
	"firm_name" text,
	"kind" text NOT NULL,
	"description" text NOT NULL,
	"occurred_on" date NOT NULL,
	"evidence_reference" text NOT NULL,
	"evidence_file_name" text,
	"evidence_content_type" text,
	"evidence_sha256" text,
	"evidence_storage_key" text,
	"expires_on" date,
	"recorded_by" uuid,
	"recorded_by_name" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"appeal_filed_on" date,
	"appeal_grounds" text,
	"appeal_outcome" text,
	"appeal_decided_on" date,
	"appeal_decision" text,
	"appeal_decided_by_name" text,
	CONSTRAINT "provider_record_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "provider_record_expiry" CHECK ("provider_record"."expires_on" is null or "provider_record"."expires_on" >= "provider_record"."occurred_on"),
	CONSTRAINT "provider_record_appeal" CHECK ("provider_record"."appeal_outcome" is null or ("provider_record"."appeal_filed_on" is not null and "provider_record"."appeal_decided_on" is not null))
);
--> statement-breakpoint
ALTER TABLE "provider_record" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "subsidy_entry" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"month" text NOT NULL,
	"case_id" uuid NOT NULL,
	"case_number" text NOT NULL,
	"service_type" text NOT NULL,
	"outcome" text,
	"recipient_staff_member_id" uuid,
	"recipient_name" text NOT NULL,
	"amount_fen" integer NOT NULL,
	"source" text NOT NULL,
	"source_ref" text NOT NULL,
	"basis" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subsidy_entry_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "subsidy_entry_source" UNIQUE("tenant_id","source","source_ref"),
	CONSTRAINT "subsidy_entry_amount" CHECK ("subsidy_entry"."amount_fen" >= 0)
);
--> statement-breakpoint
ALTER TABLE "subsidy_entry" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "subsidy_rule" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"service_type" text NOT NULL,
	"outcome" text NOT NULL,
	"amount_fen" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subsidy_rule_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "subsidy_rule_service_outcome" UNIQUE("tenant_id","service_type","outcome"),
	CONSTRAINT "subsidy_rule_amount" CHECK ("subsidy_rule"."amount_fen" >= 0)
);
--> statement-breakpoint
ALTER TABLE "subsidy_rule" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "volunteer" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"staff_member_id" uuid,
	"name" text NOT NULL,
	"phone_encrypted" text,
	"phone_masked" text,
	"skills" text[] DEFAULT '{}'::text[] NOT NULL,
	"availability" text NOT NULL,
	"registered_on" date NOT NULL,
	"left_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "volunteer_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "volunteer" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "volunteer_hours" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"served_on" date NOT NULL,
	"month" text NOT NULL,
	"minutes" integer NOT NULL,
	"duty_slot_id" uuid,
	"duty_slot_label" text,
	"case_id" uuid,
	"note" text,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "volunteer_hours_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "volunteer_hours_slot_day" UNIQUE("tenant_id","volunteer_id","served_on","duty_slot_id"),
	CONSTRAINT "volunteer_hours_for" CHECK ("volunteer_hours"."duty_slot_id" is not null or "volunteer_hours"."case_id" is not null),
	CONSTRAINT "volunteer_hours_minutes" CHECK ("volunteer_hours"."minutes" > 0 and "volunteer_hours"."minutes" <= 1440)
);
--> statement-breakpoint
ALTER TABLE "volunteer_hours" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "file_review" ADD CONSTRAINT "file_review_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "file_review" ADD CONSTRAINT "file_review_tenant_id_sample_id_file_review_sample_tenant_id_id_fk" FOREIGN KEY ("tenant_id","sample_id") REFERENCES "public"."file_review_sample"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "file_review" ADD CONSTRAINT "file_review_tenant_id_case_id_case_tenant_id_id_fk" FOREIGN KEY ("tenant_id","case_id") REFERENCES "public"."case"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "file_review_sample" ADD CONSTRAINT "file_review_sample_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "file_review_sample" ADD CONSTRAINT "file_review_sample_tenant_id_organisation_id_organisation_tenant_id_id_fk" FOREIGN KEY ("tenant_id","organisation_id") REFERENCES "public"."organisation"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_record" ADD CONSTRAINT "provider_record_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_record" ADD CONSTRAINT "provider_record_tenant_id_staff_member_id_staff_member_tenant_id_id_fk" FOREIGN KEY ("tenant_id","staff_member_id") REFERENCES "public"."staff_member"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_entry" ADD CONSTRAINT "subsidy_entry_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_entry" ADD CONSTRAINT "subsidy_entry_tenant_id_case_id_case_tenant_id_id_fk" FOREIGN KEY ("tenant_id","case_id") REFERENCES "public"."case"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_entry" ADD CONSTRAINT "subsidy_entry_tenant_id_recipient_staff_member_id_staff_member_tenant_id_id_fk" FOREIGN KEY ("tenant_id","recipient_staff_member_id") REFERENCES "public"."staff_member"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_rule" ADD CONSTRAINT "subsidy_rule_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer" ADD CONSTRAINT "volunteer_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer" ADD CONSTRAINT "volunteer_tenant_id_organisation_id_organisation_tenant_id_id_fk" FOREIGN KEY ("tenant_id","organisation_id") REFERENCES "public"."organisation"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer" ADD CONSTRAINT "volunteer_tenant_id_staff_member_id_staff_member_tenant_id_id_fk" FOREIGN KEY ("tenant_id","staff_member_id") REFERENCES "public"."staff_member"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_hours" ADD CONSTRAINT "volunteer_hours_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_hours" ADD CONSTRAINT "volunteer_hours_tenant_id_volunteer_id_volunteer_tenant_id_id_fk" FOREIGN KEY ("tenant_id","volunteer_id") REFERENCES "public"."volunteer"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_hours" ADD CONSTRAINT "volunteer_hours_tenant_id_case_id_case_tenant_id_id_fk" FOREIGN KEY ("tenant_id","case_id") REFERENCES "public"."case"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "provider_record_staff_idx" ON "provider_record" USING btree ("tenant_id","staff_member_id");--> statement-breakpoint
CREATE INDEX "provider_record_recorded_idx" ON "provider_record" USING btree ("tenant_id","recorded_at");--> statement-breakpoint
CREATE INDEX "subsidy_entry_month_idx" ON "subsidy_entry" USING btree ("tenant_id","month");--> statement-breakpoint
CREATE INDEX "volunteer_unit_idx" ON "volunteer" USING btree ("tenant_id","organisation_id");--> statement-breakpoint
CREATE INDEX "volunteer_hours_month_idx" ON "volunteer_hours" USING btree ("tenant_id","month","volunteer_id");--> statement-breakpoint
CREATE POLICY "file_review_tenant_isolation" ON "file_review" AS PERMISSIVE FOR ALL TO "linju_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "file_review_sample_tenant_isolation" ON "file_review_sample" AS PERMISSIVE FOR ALL TO "linju_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "provider_record_tenant_isolation" ON "provider_record" AS PERMISSIVE FOR ALL TO "linju_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "subsidy_entry_tenant_isolation" ON "subsidy_entry" AS PERMISSIVE FOR ALL TO "linju_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "subsidy_rule_tenant_isolation" ON "subsidy_rule" AS PERMISSIVE FOR ALL TO "linju_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "volunteer_tenant_isolation" ON "volunteer" AS PERMISSIVE FOR ALL TO "linju_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "volunteer_hours_tenant_isolation" ON "volunteer_hours" AS PERMISSIVE FOR ALL TO "linju_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);