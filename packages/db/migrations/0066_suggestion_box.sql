CREATE TABLE "suggestion" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"topic" text NOT NULL,
	"body" text NOT NULL,
	"public" boolean DEFAULT false NOT NULL,
	"reply_phone_sealed" text,
	"reply_phone_index" text,
	"reply_phone_masked" text,
	"status" text DEFAULT 'open' NOT NULL,
	"answer" text,
	"answered_by" uuid,
	"answered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "suggestion_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "suggestion_answered" CHECK (("suggestion"."status" = 'answered') = ("suggestion"."answer" is not null and "suggestion"."answered_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "suggestion" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "suggestion" ADD CONSTRAINT "suggestion_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "suggestion_created_idx" ON "suggestion" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "suggestion_reply_phone_idx" ON "suggestion" USING btree ("tenant_id","reply_phone_index");--> statement-breakpoint
CREATE POLICY "suggestion_tenant_isolation" ON "suggestion" AS PERMISSIVE FOR ALL TO "linju_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
-- A suggestion is left and answered, never deleted: what the district was told stays on record.
GRANT SELECT, INSERT, UPDATE ON suggestion TO linju_app;--> statement-breakpoint
ALTER TABLE suggestion FORCE ROW LEVEL SECURITY;
