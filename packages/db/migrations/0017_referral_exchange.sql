CREATE TABLE "federation_outbox" (
	"tenant_id" uuid NOT NULL,
	"id" text NOT NULL,
	"referral_id" uuid NOT NULL,
	"peer_node" text NOT NULL,
	"method" text NOT NULL,
	"path" text NOT NULL,
	"body_sealed" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_status" integer,
	"last_error" text,
	"response" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"delivered_at" timestamp with time zone,
	CONSTRAINT "federation_outbox_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "federation_outbox" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "referral" ALTER COLUMN "case_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "referral" ALTER COLUMN "from_organisation_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "referral" ADD COLUMN "direction" text DEFAULT 'outgoing' NOT NULL;--> statement-breakpoint
ALTER TABLE "referral" ADD COLUMN "from_address" text;--> statement-breakpoint
ALTER TABLE "referral" ADD COLUMN "to_address" text;--> statement-breakpoint
ALTER TABLE "referral" ADD COLUMN "remote_node" text;--> statement-breakpoint
ALTER TABLE "referral" ADD COLUMN "remote_referral_id" text;--> statement-breakpoint
ALTER TABLE "referral" ADD COLUMN "rerouted_from" uuid;--> statement-breakpoint
ALTER TABLE "federation_outbox" ADD CONSTRAINT "federation_outbox_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "federation_outbox_referral_idx" ON "federation_outbox" USING btree ("tenant_id","referral_id");--> statement-breakpoint
CREATE INDEX "referral_remote_idx" ON "referral" USING btree ("tenant_id","remote_node","remote_referral_id");--> statement-breakpoint
ALTER TABLE "referral" ADD CONSTRAINT "referral_outgoing_has_case" CHECK ("referral"."direction" = 'incoming' or ("referral"."case_id" is not null and "referral"."from_organisation_id" is not null));--> statement-breakpoint
CREATE POLICY "federation_outbox_tenant_isolation" ON "federation_outbox" AS PERMISSIVE FOR ALL TO "linju_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);