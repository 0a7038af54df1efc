CREATE TABLE "referral" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"from_organisation_id" uuid NOT NULL,
	"to_organisation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"summary" text NOT NULL,
	"details" text,
	"subject_name" text NOT NULL,
	"subject_fields" text[] NOT NULL,
	"subject_sealed" text NOT NULL,
	"acknowledge_by" timestamp with time zone NOT NULL,
	"due_by" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"outcome_code" text,
	"outcome_text" text,
	"reason" text,
	CONSTRAINT "referral_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "referral_acknowledge_before_due" CHECK ("referral"."acknowledge_by" <= "referral"."due_by"),
	CONSTRAINT "referral_reason_when_ended" CHECK ("referral"."status" not in ('rejected', 'failed', 'cancelled') or "referral"."reason" is not null),
	CONSTRAINT "referral_outcome_when_completed" CHECK ("referral"."status" <> 'completed' or ("referral"."outcome_code" is not null and "referral"."outcome_text" is not null))
);
--> statement-breakpoint
ALTER TABLE "referral" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "referral_event" (
	"tenant_id" uuid NOT NULL,
	"referral_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"type" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"actor_party" text NOT NULL,
	"actor_role" text,
	"reason" text,
	"outcome" jsonb,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"idempotency_key" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "referral_event_tenant_id_referral_id_seq_pk" PRIMARY KEY("tenant_id","referral_id","seq"),
	CONSTRAINT "referral_event_idempotency_unique" UNIQUE("tenant_id","idempotency_key")
);
--> statement-breakpoint
ALTER TABLE "referral_event" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "referral" ADD CONSTRAINT "referral_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral" ADD CONSTRAINT "referral_tenant_id_case_id_case_tenant_id_id_fk" FOREIGN KEY ("tenant_id","case_id") REFERENCES "public"."case"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral" ADD CONSTRAINT "referral_tenant_id_from_organisation_id_organisation_tenant_id_id_fk" FOREIGN KEY ("tenant_id","from_organisation_id") REFERENCES "public"."organisation"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral" ADD CONSTRAINT "referral_tenant_id_to_organisation_id_organisation_tenant_id_id_fk" FOREIGN KEY ("tenant_id","to_organisation_id") REFERENCES "public"."organisation"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral" ADD CONSTRAINT "referral_tenant_id_created_by_staff_member_tenant_id_id_fk" FOREIGN KEY ("tenant_id","created_by") REFERENCES "public"."staff_member"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_event" ADD CONSTRAINT "referral_event_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_event" ADD CONSTRAINT "referral_event_tenant_id_referral_id_referral_tenant_id_id_fk" FOREIGN KEY ("tenant_id","referral_id") REFERENCES "public"."referral"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "referral_case_idx" ON "referral" USING btree ("tenant_id","case_id");--> statement-breakpoint
CREATE INDEX "referral_to_idx" ON "referral" USING btree ("tenant_id","to_organisation_id","status","created_at");--> statement-breakpoint
CREATE INDEX "referral_from_idx" ON "referral" USING btree ("tenant_id","from_organisation_id","created_at");--> statement-breakpoint
CREATE POLICY "referral_tenant_isolation" ON "referral" AS PERMISSIVE FOR ALL TO "linju_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "referral_event_tenant_isolation" ON "referral_event" AS PERMISSIVE FOR ALL TO "linju_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);