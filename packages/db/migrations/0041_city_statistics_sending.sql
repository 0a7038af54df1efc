CREATE TABLE "city_statistics_send" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"month" date NOT NULL,
	"revision" integer NOT NULL,
	"idempotency_key" text NOT NULL,
	"city_node_id" text NOT NULL,
	"city_tenant" text NOT NULL,
	"message" jsonb NOT NULL,
	"trigger" text NOT NULL,
	"request_key" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_status" integer,
	"last_error" text,
	"receipt" jsonb,
	"requested_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "city_statistics_send_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "city_statistics_send" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "city_statistics_setting" (
	"tenant_id" uuid NOT NULL,
	"city_node_id" text NOT NULL,
	"city_tenant" text NOT NULL,
	"send_day" smallint DEFAULT 3 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "city_statistics_setting_tenant_id_pk" PRIMARY KEY("tenant_id"),
	CONSTRAINT "city_statistics_setting_send_day" CHECK ("city_statistics_setting"."send_day" between 1 and 28)
);
--> statement-breakpoint
ALTER TABLE "city_statistics_setting" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "district_statistics" ADD COLUMN "revision" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "city_statistics_send" ADD CONSTRAINT "city_statistics_send_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "city_statistics_setting" ADD CONSTRAINT "city_statistics_setting_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "city_statistics_send_revision_idx" ON "city_statistics_send" USING btree ("tenant_id","month","revision");--> statement-breakpoint
CREATE UNIQUE INDEX "city_statistics_send_request_idx" ON "city_statistics_send" USING btree ("tenant_id","request_key");--> statement-breakpoint
CREATE INDEX "city_statistics_send_created_idx" ON "city_statistics_send" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE POLICY "city_statistics_send_tenant_isolation" ON "city_statistics_send" AS PERMISSIVE FOR ALL TO "linju_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "city_statistics_setting_tenant_isolation" ON "city_statistics_setting" AS PERMISSIVE FOR ALL TO "linju_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);