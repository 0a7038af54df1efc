CREATE TABLE "form_submission" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"submission_key" text NOT NULL,
	"procedure" text NOT NULL,
	"staff_member_id" uuid NOT NULL,
	"answer_sealed" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "form_submission_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "form_submission" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "form_submission" ADD CONSTRAINT "form_submission_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "form_submission_key_idx" ON "form_submission" USING btree ("tenant_id","submission_key");--> statement-breakpoint
CREATE INDEX "form_submission_expires_idx" ON "form_submission" USING btree ("tenant_id","staff_member_id","expires_at");--> statement-breakpoint
CREATE POLICY "form_submission_tenant_isolation" ON "form_submission" AS PERMISSIVE FOR ALL TO "linju_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
-- A submission is written with its change and read again by a second post of the form; rotation reseals
-- its answer, and expired ones are removed when the same person next submits.
GRANT SELECT, INSERT, UPDATE, DELETE ON form_submission TO linju_app;--> statement-breakpoint
ALTER TABLE form_submission FORCE ROW LEVEL SECURITY;
