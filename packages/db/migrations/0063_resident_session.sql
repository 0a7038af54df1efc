CREATE TABLE "resident_code" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"phone_index" text NOT NULL,
	"ip_index" text NOT NULL,
	"code_hash" text NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resident_code_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "resident_code_failures" CHECK ("resident_code"."failures" >= 0)
);
--> statement-breakpoint
ALTER TABLE "resident_code" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "resident_session" (
	"tenant_id" uuid NOT NULL,
	"id" text NOT NULL,
	"secret_hash" text NOT NULL,
	"phone_sealed" text NOT NULL,
	"phone_index" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resident_session_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "resident_session" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "resident_code" ADD CONSTRAINT "resident_code_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resident_session" ADD CONSTRAINT "resident_session_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "resident_code_phone_idx" ON "resident_code" USING btree ("tenant_id","phone_index","created_at");--> statement-breakpoint
CREATE INDEX "resident_code_ip_idx" ON "resident_code" USING btree ("tenant_id","ip_index","created_at");--> statement-breakpoint
CREATE INDEX "resident_code_created_idx" ON "resident_code" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE POLICY "resident_code_tenant_isolation" ON "resident_code" AS PERMISSIVE FOR ALL TO "linju_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "resident_session_tenant_isolation" ON "resident_session" AS PERMISSIVE FOR ALL TO "linju_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
-- A code is written, counted and spent; codes past their day are deleted when a new one is asked for.
-- A session is written, extended, re-sealed by key rotation and ended (signing out, expiry).
GRANT SELECT, INSERT, DELETE ON resident_code TO linju_app;--> statement-breakpoint
GRANT UPDATE (expires_at, failures, used_at) ON resident_code TO linju_app;--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON resident_session TO linju_app;--> statement-breakpoint
GRANT UPDATE (expires_at, phone_sealed, phone_index) ON resident_session TO linju_app;--> statement-breakpoint
ALTER TABLE resident_code FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE resident_session FORCE ROW LEVEL SECURITY;
