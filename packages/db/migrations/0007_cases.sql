CREATE TABLE "calendar_day" (
	"tenant_id" uuid NOT NULL,
	"day" date NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"source" text NOT NULL,
	CONSTRAINT "calendar_day_tenant_id_day_pk" PRIMARY KEY("tenant_id","day")
);
--> statement-breakpoint
ALTER TABLE "calendar_day" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "case_counter" (
	"tenant_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "case_counter_tenant_id_year_pk" PRIMARY KEY("tenant_id","year")
);
--> statement-breakpoint
ALTER TABLE "case_counter" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "case_document" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_document_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "case_document_size" CHECK ("case_document"."size_bytes" > 0)
);
--> statement-breakpoint
ALTER TABLE "case_document" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "case_event" (
	"tenant_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" text NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"text" text,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "case_event_tenant_id_case_id_seq_pk" PRIMARY KEY("tenant_id","case_id","seq")
);
--> statement-breakpoint
ALTER TABLE "case_event" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "case_handler" (
	"tenant_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"staff_member_id" uuid NOT NULL,
	"since" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_handler_tenant_id_case_id_staff_member_id_pk" PRIMARY KEY("tenant_id","case_id","staff_member_id")
);
--> statement-breakpoint
ALTER TABLE "case_handler" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "case_link" (
	"tenant_id" uuid NOT NULL,
	"from_case_id" uuid NOT NULL,
	"to_case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_link_tenant_id_from_case_id_to_case_id_pk" PRIMARY KEY("tenant_id","from_case_id","to_case_id"),
	CONSTRAINT "case_link_not_self" CHECK ("case_link"."from_case_id" <> "case_link"."to_case_id")
);
--> statement-breakpoint
ALTER TABLE "case_link" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "case_party" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"role" text NOT NULL,
	"name" text NOT NULL,
	"id_number_encrypted" text,
	"id_number_masked" text,
	"identity_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_party_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "case_party" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "case_setting" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"number_prefix" text NOT NULL,
	"require_satisfaction_to_close" boolean DEFAULT false NOT NULL,
	"due_soon_working_days" integer DEFAULT 2 NOT NULL,
	"default_working_days" integer DEFAULT 15 NOT NULL,
	CONSTRAINT "case_setting_prefix_format" CHECK ("case_setting"."number_prefix" ~ '^[A-Z]{1,6}$')
);
--> statement-breakpoint
ALTER TABLE "case_setting" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "joint_consultation" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"held_at" timestamp with time zone NOT NULL,
	"services" text[] NOT NULL,
	"notes" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "joint_consultation_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "joint_consultation" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "joint_consultation_attendee" (
	"tenant_id" uuid NOT NULL,
	"consultation_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"staff_member_id" uuid,
	"name" text NOT NULL,
	"capacity" text,
	CONSTRAINT "joint_consultation_attendee_tenant_id_consultation_id_position_pk" PRIMARY KEY("tenant_id","consultation_id","position")
);
--> statement-breakpoint
ALTER TABLE "joint_consultation_attendee" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "case" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"number" text NOT NULL,
	"channel" text NOT NULL,
	"external_ref" text,
	"service_type" text DEFAULT 'undecided' NOT NULL,
	"category" text,
	"description" text NOT NULL,
	"urgency" text DEFAULT 'normal' NOT NULL,
	"resident_id" uuid NOT NULL,
	"received_at_organisation_id" uuid NOT NULL,
	"current_organisation_id" uuid NOT NULL,
	"assignee_id" uuid,
	"first_responder_id" uuid,
	"status" text DEFAULT 'received' NOT NULL,
	"status_reason" text,
	"received_at" timestamp with time zone NOT NULL,
	"limit_working_days" integer NOT NULL,
	"clock_started_on" date NOT NULL,
	"paused_working_days" integer DEFAULT 0 NOT NULL,
	"paused_since" date,
	"due_on" date,
	"resolved_at" timestamp with time zone,
	"feedback_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "case_number_unique" UNIQUE("tenant_id","number"),
	CONSTRAINT "case_external_ref_unique" UNIQUE("tenant_id","channel","external_ref"),
	CONSTRAINT "case_limit_positive" CHECK ("case"."limit_working_days" > 0),
	CONSTRAINT "case_reason_when_ended" CHECK ("case"."status" not in ('withdrawn', 'rejected') or "case"."status_reason" is not null)
);
--> statement-breakpoint
ALTER TABLE "case" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "resident_feedback" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"method" text NOT NULL,
	"told_at" timestamp with time zone NOT NULL,
	"summary" text NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resident_feedback_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "resident_feedback" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "satisfaction" (
	"tenant_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"score" smallint NOT NULL,
	"comment" text,
	"source" text NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "satisfaction_tenant_id_case_id_pk" PRIMARY KEY("tenant_id","case_id"),
	CONSTRAINT "satisfaction_score_range" CHECK ("satisfaction"."score" between 1 and 5)
);
--> statement-breakpoint
ALTER TABLE "satisfaction" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "time_limit" (
	"tenant_id" uuid NOT NULL,
	"service_type" text NOT NULL,
	"category" text NOT NULL,
	"working_days" integer NOT NULL,
	CONSTRAINT "time_limit_tenant_id_service_type_category_pk" PRIMARY KEY("tenant_id","service_type","category"),
	CONSTRAINT "time_limit_positive" CHECK ("time_limit"."working_days" between 1 and 365)
);
--> statement-breakpoint
ALTER TABLE "time_limit" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "resident" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"phone_encrypted" text,
	"phone_index" text,
	"phone_masked" text,
	"id_number_encrypted" text,
	"id_number_index" text,
	"id_number_masked" text,
	"key_groups" text[] DEFAULT '{}'::text[] NOT NULL,
	"contact_preference" text DEFAULT 'phone' NOT NULL,
	"address" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resident_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "resident_key_groups_known" CHECK ("resident"."key_groups" <@ array['elderly','minors','women-and-children','disabled','migrant-workers']::text[])
);
--> statement-breakpoint
ALTER TABLE "resident" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "resident_consent" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"resident_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"partner_organisation_id" uuid,
	"given_on" date NOT NULL,
	"withdrawn_on" date,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resident_consent_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "resident_consent_partner" CHECK (("resident_consent"."purpose" = 'share-with-partner') = ("resident_consent"."partner_organisation_id" is not null))
);
--> statement-breakpoint
ALTER TABLE "resident_consent" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "calendar_day" ADD CONSTRAINT "calendar_day_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_counter" ADD CONSTRAINT "case_counter_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_document" ADD CONSTRAINT "case_document_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_document" ADD CONSTRAINT "case_document_tenant_id_case_id_case_tenant_id_id_fk" FOREIGN KEY ("tenant_id","case_id") REFERENCES "public"."case"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_event" ADD CONSTRAINT "case_event_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_event" ADD CONSTRAINT "case_event_tenant_id_case_id_case_tenant_id_id_fk" FOREIGN KEY ("tenant_id","case_id") REFERENCES "public"."case"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_handler" ADD CONSTRAINT "case_handler_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_handler" ADD CONSTRAINT "case_handler_tenant_id_case_id_case_tenant_id_id_fk" FOREIGN KEY ("tenant_id","case_id") REFERENCES "public"."case"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_handler" ADD CONSTRAINT "case_handler_tenant_id_staff_member_id_staff_member_tenant_id_id_fk" FOREIGN KEY ("tenant_id","staff_member_id") REFERENCES "public"."staff_member"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_link" ADD CONSTRAINT "case_link_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_link" ADD CONSTRAINT "case_link_tenant_id_from_case_id_case_tenant_id_id_fk" FOREIGN KEY ("tenant_id","from_case_id") REFERENCES "public"."case"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_link" ADD CONSTRAINT "case_link_tenant_id_to_case_id_case_tenant_id_id_fk" FOREIGN KEY ("tenant_id","to_case_id") REFERENCES "public"."case"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_party" ADD CONSTRAINT "case_party_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_party" ADD CONSTRAINT "case_party_tenant_id_case_id_case_tenant_id_id_fk" FOREIGN KEY ("tenant_id","case_id") REFERENCES "public"."case"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_setting" ADD CONSTRAINT "case_setting_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_consultation" ADD CONSTRAINT "joint_consultation_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_consultation" ADD CONSTRAINT "joint_consultation_tenant_id_case_id_case_tenant_id_id_fk" FOREIGN KEY ("tenant_id","case_id") REFERENCES "public"."case"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_consultation_attendee" ADD CONSTRAINT "joint_consultation_attendee_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_consultation_attendee" ADD CONSTRAINT "joint_consultation_attendee_tenant_id_consultation_id_joint_consultation_tenant_id_id_fk" FOREIGN KEY ("tenant_id","consultation_id") REFERENCES "public"."joint_consultation"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_consultation_attendee" ADD CONSTRAINT "joint_consultation_attendee_tenant_id_staff_member_id_staff_member_tenant_id_id_fk" FOREIGN KEY ("tenant_id","staff_member_id") REFERENCES "public"."staff_member"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case" ADD CONSTRAINT "case_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case" ADD CONSTRAINT "case_tenant_id_resident_id_resident_tenant_id_id_fk" FOREIGN KEY ("tenant_id","resident_id") REFERENCES "public"."resident"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case" ADD CONSTRAINT "case_tenant_id_received_at_organisation_id_organisation_tenant_id_id_fk" FOREIGN KEY ("tenant_id","received_at_organisation_id") REFERENCES "public"."organisation"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case" ADD CONSTRAINT "case_tenant_id_current_organisation_id_organisation_tenant_id_id_fk" FOREIGN KEY ("tenant_id","current_organisation_id") REFERENCES "public"."organisation"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case" ADD CONSTRAINT "case_tenant_id_assignee_id_staff_member_tenant_id_id_fk" FOREIGN KEY ("tenant_id","assignee_id") REFERENCES "public"."staff_member"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case" ADD CONSTRAINT "case_tenant_id_first_responder_id_staff_member_tenant_id_id_fk" FOREIGN KEY ("tenant_id","first_responder_id") REFERENCES "public"."staff_member"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resident_feedback" ADD CONSTRAINT "resident_feedback_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resident_feedback" ADD CONSTRAINT "resident_feedback_tenant_id_case_id_case_tenant_id_id_fk" FOREIGN KEY ("tenant_id","case_id") REFERENCES "public"."case"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "satisfaction" ADD CONSTRAINT "satisfaction_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "satisfaction" ADD CONSTRAINT "satisfaction_tenant_id_case_id_case_tenant_id_id_fk" FOREIGN KEY ("tenant_id","case_id") REFERENCES "public"."case"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_limit" ADD CONSTRAINT "time_limit_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resident" ADD CONSTRAINT "resident_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resident_consent" ADD CONSTRAINT "resident_consent_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resident_consent" ADD CONSTRAINT "resident_consent_tenant_id_resident_id_resident_tenant_id_id_fk" FOREIGN KEY ("tenant_id","resident_id") REFERENCES "public"."resident"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resident_consent" ADD CONSTRAINT "resident_consent_tenant_id_partner_organisation_id_organisation_tenant_id_id_fk" FOREIGN KEY ("tenant_id","partner_organisation_id") REFERENCES "public"."organisation"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resident_consent" ADD CONSTRAINT "resident_consent_tenant_id_recorded_by_staff_member_tenant_id_id_fk" FOREIGN KEY ("tenant_id","recorded_by") REFERENCES "public"."staff_member"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_document_case_idx" ON "case_document" USING btree ("tenant_id","case_id");--> statement-breakpoint
CREATE INDEX "case_handler_staff_idx" ON "case_handler" USING btree ("tenant_id","staff_member_id");--> statement-breakpoint
CREATE INDEX "case_link_to_idx" ON "case_link" USING btree ("tenant_id","to_case_id");--> statement-breakpoint
CREATE INDEX "case_party_case_idx" ON "case_party" USING btree ("tenant_id","case_id");--> statement-breakpoint
CREATE INDEX "case_party_identity_idx" ON "case_party" USING btree ("tenant_id","identity_key");--> statement-breakpoint
CREATE INDEX "joint_consultation_case_idx" ON "joint_consultation" USING btree ("tenant_id","case_id");--> statement-breakpoint
CREATE INDEX "case_current_org_idx" ON "case" USING btree ("tenant_id","current_organisation_id","status");--> statement-breakpoint
CREATE INDEX "case_assignee_idx" ON "case" USING btree ("tenant_id","assignee_id","status");--> statement-breakpoint
CREATE INDEX "case_first_responder_idx" ON "case" USING btree ("tenant_id","first_responder_id","status");--> statement-breakpoint
CREATE INDEX "case_resident_idx" ON "case" USING btree ("tenant_id","resident_id");--> statement-breakpoint
CREATE INDEX "case_due_idx" ON "case" USING btree ("tenant_id","due_on") WHERE "case"."due_on" is not null;--> statement-breakpoint
CREATE INDEX "case_received_idx" ON "case" USING btree ("tenant_id","received_at","id");--> statement-breakpoint
CREATE INDEX "case_description_trgm_idx" ON "case" USING gin ("description" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "resident_feedback_case_idx" ON "resident_feedback" USING btree ("tenant_id","case_id");--> statement-breakpoint
CREATE INDEX "resident_phone_idx" ON "resident" USING btree ("tenant_id","phone_index");--> statement-breakpoint
CREATE UNIQUE INDEX "resident_id_number_unique" ON "resident" USING btree ("tenant_id","id_number_index");--> statement-breakpoint
CREATE INDEX "resident_consent_resident_idx" ON "resident_consent" USING btree ("tenant_id","resident_id");--> statement-breakpoint
CREATE POLICY "calendar_day_tenant_isolation" ON "calendar_day" AS PERMISSIVE FOR ALL TO "linju_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "case_counter_tenant_isolation" ON "case_counter" AS PERMISSIVE FOR ALL TO "linju_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "case_document_tenant_isolation" ON "case_document" AS PERMISSIVE FOR ALL TO "linju_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "case_event_tenant_isolation" ON "case_event" AS PERMISSIVE FOR ALL TO "linju_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "case_handler_tenant_isolation" ON "case_handler" AS PERMISSIVE FOR ALL TO "linju_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "case_link_tenant_isolation" ON "case_link" AS PERMISSIVE FOR ALL TO "linju_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "case_party_tenant_isolation" ON "case_party" AS PERMISSIVE FOR ALL TO "linju_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "case_setting_tenant_isolation" ON "case_setting" AS PERMISSIVE FOR ALL TO "linju_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "joint_consultation_tenant_isolation" ON "joint_consultation" AS PERMISSIVE FOR ALL TO "linju_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "joint_consultation_attendee_tenant_isolation" ON "joint_consultation_attendee" AS PERMISSIVE FOR ALL TO "linju_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "case_tenant_isolation" ON "case" AS PERMISSIVE FOR ALL TO "linju_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "resident_feedback_tenant_isolation" ON "resident_feedback" AS PERMISSIVE FOR ALL TO "linju_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "satisfaction_tenant_isolation" ON "satisfaction" AS PERMISSIVE FOR ALL TO "linju_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "time_limit_tenant_isolation" ON "time_limit" AS PERMISSIVE FOR ALL TO "linju_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "resident_tenant_isolation" ON "resident" AS PERMISSIVE FOR ALL TO "linju_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "resident_consent_tenant_isolation" ON "resident_consent" AS PERMISSIVE FOR ALL TO "linju_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);