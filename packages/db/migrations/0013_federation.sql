CREATE TABLE "federation_inbox" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"sender_node" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"body_sha256" text NOT NULL,
	"referral_id" text NOT NULL,
	"from_address" text NOT NULL,
	"to_organisation" text NOT NULL,
	"kind" text NOT NULL,
	"message_sealed" text NOT NULL,
	"status" text DEFAULT 'received' NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "federation_inbox_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "federation_inbox_idempotency_unique" UNIQUE("tenant_id","sender_node","idempotency_key"),
	CONSTRAINT "federation_inbox_referral_unique" UNIQUE("tenant_id","sender_node","referral_id")
);
--> statement-breakpoint
ALTER TABLE "federation_inbox" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "federation_nonce" (
	"kid" text NOT NULL,
	"nonce" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "federation_nonce_kid_nonce_pk" PRIMARY KEY("kid","nonce")
);
--> statement-breakpoint
CREATE TABLE "federation_peer" (
	"node_id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"base_url" text NOT NULL,
	"public_keys" jsonb NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "federation_inbox" ADD CONSTRAINT "federation_inbox_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "federation_nonce_created_idx" ON "federation_nonce" USING btree ("created_at");--> statement-breakpoint
CREATE POLICY "federation_inbox_tenant_isolation" ON "federation_inbox" AS PERMISSIVE FOR ALL TO "linju_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);