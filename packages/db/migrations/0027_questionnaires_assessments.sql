CREATE TABLE "assessment_import" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"rows" integer NOT NULL,
	"imported" integer NOT NULL,
	"already_imported" integer NOT NULL,
	"errors" integer NOT NULL,
	"imported_by" uuid,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_import_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "assessment_import" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "assessment_result" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"import_id" uuid NOT NULL,
	"assessor" text NOT NULL,
	"period" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"indicator" text NOT NULL,
	"score" numeric(7, 2) NOT NULL,
	"remarks" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_result_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "assessment_result_unique" UNIQUE("tenant_id","assessor","period","organisation_id","indicator"),
	CONSTRAINT "assessment_result_period_format" CHECK ("assessment_result"."period" ~ '^[0-9]{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$')
);
--> statement-breakpoint
ALTER TABLE "assessment_result" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "inspection" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"checklist_id" uuid NOT NULL,
	"inspected_on" date NOT NULL,
	"quarter" text NOT NULL,
	"inspector_ids" uuid[] NOT NULL,
	"findings" text DEFAULT '' NOT NULL,
	"total_score" numeric(7, 1) NOT NULL,
	"max_score" numeric(7, 1) NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspection_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "inspection_score_bounds" CHECK ("inspection"."total_score" >= 0 and "inspection"."total_score" <= "inspection"."max_score")
);
--> statement-breakpoint
ALTER TABLE "inspection" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "inspection_checklist" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"sections" jsonb NOT NULL,
	"max_score" numeric(7, 1) NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspection_checklist_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "inspection_checklist_version" UNIQUE("tenant_id","version"),
	CONSTRAINT "inspection_checklist_version_positive" CHECK ("inspection_checklist"."version" > 0)
);
--> statement-breakpoint
ALTER TABLE "inspection_checklist" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "inspection_rectification" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"inspection_id" uuid NOT NULL,
	"description" text NOT NULL,
	"due_on" date NOT NULL,
	"done_at" timestamp with time zone,
	"done_by" uuid,
	CONSTRAINT "inspection_rectification_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "inspection_rectification" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "inspection_score" (
	"tenant_id" uuid NOT NULL,
	"inspection_id" uuid NOT NULL,
	"item_id" text NOT NULL,
	"score" numeric(6, 1) NOT NULL,
	"max_score" numeric(6, 1) NOT NULL,
	"remark" text DEFAULT '' NOT NULL,
	CONSTRAINT "inspection_score_tenant_id_inspection_id_item_id_pk" PRIMARY KEY("tenant_id","inspection_id","item_id"),
	CONSTRAINT "inspection_score_item_bounds" CHECK ("inspection_score"."score" >= 0 and "inspection_score"."score" <= "inspection_score"."max_score")
);
--> statement-breakpoint
ALTER TABLE "inspection_score" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "scorecard" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"quarter" text NOT NULL,
	"weights" jsonb NOT NULL,
	"rows" jsonb NOT NULL,
	"published_by" uuid,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scorecard_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "scorecard_quarter" UNIQUE("tenant_id","quarter")
);
--> statement-breakpoint
ALTER TABLE "scorecard" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "scorecard_setting" (
	"tenant_id" uuid NOT NULL,
	"basic_weight" integer NOT NULL,
	"outcome_weight" integer NOT NULL,
	"satisfaction_weight" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scorecard_setting_tenant_id_pk" PRIMARY KEY("tenant_id"),
	CONSTRAINT "scorecard_setting_weights" CHECK ("scorecard_setting"."basic_weight" >= 0 and "scorecard_setting"."outcome_weight" >= 0 and "scorecard_setting"."satisfaction_weight" >= 0 and "scorecard_setting"."basic_weight" + "scorecard_setting"."outcome_weight" + "scorecard_setting"."satisfaction_weight" = 100)
);
--> statement-breakpoint
ALTER TABLE "scorecard_setting" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "partner_link" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"referral_id" uuid NOT NULL,
	"issued_by" uuid,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_reason" text,
	CONSTRAINT "partner_link_closed_reason" CHECK (("partner_link"."closed_at" is null) = ("partner_link"."closed_reason" is null))
);
--> statement-breakpoint
CREATE TABLE "referral_attachment" (
	"tenant_id" uuid NOT NULL,
	"referral_id" uuid NOT NULL,
	"sha256" text NOT NULL,
	"name" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer,
	"storage_key" text,
	"document_id" uuid,
	"url" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "referral_attachment_tenant_id_referral_id_sha256_pk" PRIMARY KEY("tenant_id","referral_id","sha256"),
	CONSTRAINT "referral_attachment_sha256" CHECK ("referral_attachment"."sha256" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
ALTER TABLE "referral_attachment" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "questionnaire" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"title" text NOT NULL,
	"intro" text DEFAULT '' NOT NULL,
	"questions" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"previous_id" uuid,
	"frozen_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "questionnaire_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "questionnaire" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "questionnaire_access" (
	"code_hash" text PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "questionnaire_invitation" (
	"tenant_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"resident_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	CONSTRAINT "questionnaire_invitation_tenant_id_round_id_resident_id_pk" PRIMARY KEY("tenant_id","round_id","resident_id"),
	CONSTRAINT "questionnaire_invitation_case_unique" UNIQUE("tenant_id","round_id","case_id")
);
--> statement-breakpoint
ALTER TABLE "questionnaire_invitation" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "questionnaire_response" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"via" text NOT NULL,
	"answers" jsonb NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "questionnaire_response_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "questionnaire_response" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "questionnaire_round" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"questionnaire_id" uuid NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"audience_organisation_id" uuid,
	"audience_month" text,
	"invited" integer DEFAULT 0 NOT NULL,
	"public_token" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "questionnaire_round_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "questionnaire_round_dates" CHECK ("questionnaire_round"."closes_on" >= "questionnaire_round"."opens_on"),
	CONSTRAINT "questionnaire_round_month_format" CHECK ("questionnaire_round"."audience_month" ~ '^[0-9]{4}-[0-9]{2}$')
);
--> statement-breakpoint
ALTER TABLE "questionnaire_round" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "assessment_import" ADD CONSTRAINT "assessment_import_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_import" ADD CONSTRAINT "assessment_import_tenant_id_imported_by_staff_member_tenant_id_id_fk" FOREIGN KEY ("tenant_id","imported_by") REFERENCES "public"."staff_member"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_result" ADD CONSTRAINT "assessment_result_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_result" ADD CONSTRAINT "assessment_result_tenant_id_import_id_assessment_import_tenant_id_id_fk" FOREIGN KEY ("tenant_id","import_id") REFERENCES "public"."assessment_import"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_result" ADD CONSTRAINT "assessment_result_tenant_id_organisation_id_organisation_tenant_id_id_fk" FOREIGN KEY ("tenant_id","organisation_id") REFERENCES "public"."organisation"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection" ADD CONSTRAINT "inspection_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection" ADD CONSTRAINT "inspection_tenant_id_organisation_id_organisation_tenant_id_id_fk" FOREIGN KEY ("tenant_id","organisation_id") REFERENCES "public"."organisation"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection" ADD CONSTRAINT "inspection_tenant_id_checklist_id_inspection_checklist_tenant_id_id_fk" FOREIGN KEY ("tenant_id","checklist_id") REFERENCES "public"."inspection_checklist"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_checklist" ADD CONSTRAINT "inspection_checklist_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_rectification" ADD CONSTRAINT "inspection_rectification_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_rectification" ADD CONSTRAINT "inspection_rectification_tenant_id_inspection_id_inspection_tenant_id_id_fk" FOREIGN KEY ("tenant_id","inspection_id") REFERENCES "public"."inspection"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_rectification" ADD CONSTRAINT "inspection_rectification_tenant_id_done_by_staff_member_tenant_id_id_fk" FOREIGN KEY ("tenant_id","done_by") REFERENCES "public"."staff_member"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_score" ADD CONSTRAINT "inspection_score_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_score" ADD CONSTRAINT "inspection_score_tenant_id_inspection_id_inspection_tenant_id_id_fk" FOREIGN KEY ("tenant_id","inspection_id") REFERENCES "public"."inspection"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard" ADD CONSTRAINT "scorecard_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_setting" ADD CONSTRAINT "scorecard_setting_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_link" ADD CONSTRAINT "partner_link_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_attachment" ADD CONSTRAINT "referral_attachment_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_attachment" ADD CONSTRAINT "referral_attachment_tenant_id_referral_id_referral_tenant_id_id_fk" FOREIGN KEY ("tenant_id","referral_id") REFERENCES "public"."referral"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire" ADD CONSTRAINT "questionnaire_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire" ADD CONSTRAINT "questionnaire_tenant_id_organisation_id_organisation_tenant_id_id_fk" FOREIGN KEY ("tenant_id","organisation_id") REFERENCES "public"."organisation"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire" ADD CONSTRAINT "questionnaire_tenant_id_previous_id_questionnaire_tenant_id_id_fk" FOREIGN KEY ("tenant_id","previous_id") REFERENCES "public"."questionnaire"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire" ADD CONSTRAINT "questionnaire_tenant_id_created_by_staff_member_tenant_id_id_fk" FOREIGN KEY ("tenant_id","created_by") REFERENCES "public"."staff_member"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_access" ADD CONSTRAINT "questionnaire_access_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_invitation" ADD CONSTRAINT "questionnaire_invitation_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_invitation" ADD CONSTRAINT "questionnaire_invitation_tenant_id_round_id_questionnaire_round_tenant_id_id_fk" FOREIGN KEY ("tenant_id","round_id") REFERENCES "public"."questionnaire_round"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_invitation" ADD CONSTRAINT "questionnaire_invitation_tenant_id_case_id_case_tenant_id_id_fk" FOREIGN KEY ("tenant_id","case_id") REFERENCES "public"."case"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_response" ADD CONSTRAINT "questionnaire_response_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_response" ADD CONSTRAINT "questionnaire_response_tenant_id_round_id_questionnaire_round_tenant_id_id_fk" FOREIGN KEY ("tenant_id","round_id") REFERENCES "public"."questionnaire_round"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_round" ADD CONSTRAINT "questionnaire_round_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_round" ADD CONSTRAINT "questionnaire_round_tenant_id_questionnaire_id_questionnaire_tenant_id_id_fk" FOREIGN KEY ("tenant_id","questionnaire_id") REFERENCES "public"."questionnaire"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_round" ADD CONSTRAINT "questionnaire_round_tenant_id_audience_organisation_id_organisation_tenant_id_id_fk" FOREIGN KEY ("tenant_id","audience_organisation_id") REFERENCES "public"."organisation"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_round" ADD CONSTRAINT "questionnaire_round_tenant_id_created_by_staff_member_tenant_id_id_fk" FOREIGN KEY ("tenant_id","created_by") REFERENCES "public"."staff_member"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessment_result_period_idx" ON "assessment_result" USING btree ("tenant_id","period","organisation_id");--> statement-breakpoint
CREATE INDEX "inspection_quarter_idx" ON "inspection" USING btree ("tenant_id","quarter","organisation_id");--> statement-breakpoint
CREATE INDEX "inspection_unit_idx" ON "inspection" USING btree ("tenant_id","organisation_id","inspected_on");--> statement-breakpoint
CREATE INDEX "inspection_rectification_inspection_idx" ON "inspection_rectification" USING btree ("tenant_id","inspection_id");--> statement-breakpoint
CREATE INDEX "partner_link_referral_idx" ON "partner_link" USING btree ("tenant_id","referral_id");--> statement-breakpoint
CREATE INDEX "questionnaire_organisation_idx" ON "questionnaire" USING btree ("tenant_id","organisation_id");--> statement-breakpoint
CREATE INDEX "questionnaire_access_round_idx" ON "questionnaire_access" USING btree ("tenant_id","round_id");--> statement-breakpoint
CREATE INDEX "questionnaire_response_round_idx" ON "questionnaire_response" USING btree ("tenant_id","round_id");--> statement-breakpoint
CREATE INDEX "questionnaire_round_questionnaire_idx" ON "questionnaire_round" USING btree ("tenant_id","questionnaire_id");--> statement-breakpoint
CREATE POLICY "assessment_import_tenant_isolation" ON "assessment_import" AS PERMISSIVE FOR ALL TO "linju_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "assessment_result_tenant_isolation" ON "assessment_result" AS PERMISSIVE FOR ALL TO "linju_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "inspection_tenant_isolation" ON "inspection" AS PERMISSIVE FOR ALL TO "linju_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "inspection_checklist_tenant_isolation" ON "inspection_checklist" AS PERMISSIVE FOR ALL TO "linju_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "inspection_rectification_tenant_isolation" ON "inspection_rectification" AS PERMISSIVE FOR ALL TO "linju_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "inspection_score_tenant_isolation" ON "inspection_score" AS PERMISSIVE FOR ALL TO "linju_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "scorecard_tenant_isolation" ON "scorecard" AS PERMISSIVE FOR ALL TO "linju_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "scorecard_setting_tenant_isolation" ON "scorecard_setting" AS PERMISSIVE FOR ALL TO "linju_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "referral_attachment_tenant_isolation" ON "referral_attachment" AS PERMISSIVE FOR ALL TO "linju_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "questionnaire_tenant_isolation" ON "questionnaire" AS PERMISSIVE FOR ALL TO "linju_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "questionnaire_invitation_tenant_isolation" ON "questionnaire_invitation" AS PERMISSIVE FOR ALL TO "linju_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "questionnaire_response_tenant_isolation" ON "questionnaire_response" AS PERMISSIVE FOR ALL TO "linju_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "questionnaire_round_tenant_isolation" ON "questionnaire_round" AS PERMISSIVE FOR ALL TO "linju_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);