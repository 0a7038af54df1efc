CREATE TABLE "message_provider" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"channel" text NOT NULL,
	"provider" text NOT NULL,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"credentials_sealed" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "message_provider_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "message_provider" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "outbound_message" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"channel" text NOT NULL,
	"template_key" text NOT NULL,
	"recipient_sealed" text NOT NULL,
	"recipient_masked" text NOT NULL,
	"params_sealed" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"provider" text,
	"provider_message_id" text,
	"last_error" text,
	"case_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	CONSTRAINT "outbound_message_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "outbound_message_attempts" CHECK ("outbound_message"."attempts" >= 0)
);
--> statement-breakpoint
ALTER TABLE "outbound_message" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "message_provider" ADD CONSTRAINT "message_provider_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbound_message" ADD CONSTRAINT "outbound_message_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbound_message" ADD CONSTRAINT "outbound_message_tenant_id_case_id_case_tenant_id_id_fk" FOREIGN KEY ("tenant_id","case_id") REFERENCES "public"."case"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "message_provider_channel_idx" ON "message_provider" USING btree ("tenant_id","channel");--> statement-breakpoint
CREATE INDEX "outbound_message_due_idx" ON "outbound_message" USING btree ("tenant_id","status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "outbound_message_created_idx" ON "outbound_message" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "outbound_message_case_idx" ON "outbound_message" USING btree ("tenant_id","case_id");--> statement-breakpoint
CREATE POLICY "message_provider_tenant_isolation" ON "message_provider" AS PERMISSIVE FOR ALL TO "linju_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "outbound_message_tenant_isolation" ON "outbound_message" AS PERMISSIVE FOR ALL TO "linju_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
-- The outbox is written with the change it reports and updated as the worker sends; a message is
-- never deleted (its trail is the audit log's). A district's provider is set and replaced, not removed.
GRANT SELECT, INSERT, UPDATE ON outbound_message TO linju_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON message_provider TO linju_app;--> statement-breakpoint
ALTER TABLE outbound_message FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE message_provider FORCE ROW LEVEL SECURITY;
