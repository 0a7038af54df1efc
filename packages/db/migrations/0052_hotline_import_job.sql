CREATE TABLE "hotline_import" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"requested_by" uuid NOT NULL,
	"sha256" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"progress" smallint DEFAULT 0 NOT NULL,
	"rows" integer NOT NULL,
	"rows_done" integer DEFAULT 0 NOT NULL,
	"imported" integer DEFAULT 0 NOT NULL,
	"already_imported" integer DEFAULT 0 NOT NULL,
	"errors" integer DEFAULT 0 NOT NULL,
	"error" text,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "hotline_import_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "hotline_import_progress" CHECK ("hotline_import"."progress" between 0 and 100)
);
--> statement-breakpoint
ALTER TABLE "hotline_import" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "hotline_import_row" (
	"tenant_id" uuid NOT NULL,
	"import_id" uuid NOT NULL,
	"row" integer NOT NULL,
	"outcome" text NOT NULL,
	"order_number" text,
	"field" text,
	"key" text,
	CONSTRAINT "hotline_import_row_tenant_id_import_id_row_pk" PRIMARY KEY("tenant_id","import_id","row")
);
--> statement-breakpoint
ALTER TABLE "hotline_import_row" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "hotline_import" ADD CONSTRAINT "hotline_import_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotline_import_row" ADD CONSTRAINT "hotline_import_row_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotline_import_row" ADD CONSTRAINT "hotline_import_row_tenant_id_import_id_hotline_import_tenant_id_id_fk" FOREIGN KEY ("tenant_id","import_id") REFERENCES "public"."hotline_import"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "hotline_import_requested_idx" ON "hotline_import" USING btree ("tenant_id","requested_at");--> statement-breakpoint
CREATE POLICY "hotline_import_tenant_isolation" ON "hotline_import" AS PERMISSIVE FOR ALL TO "linju_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "hotline_import_row_tenant_isolation" ON "hotline_import_row" AS PERMISSIVE FOR ALL TO "linju_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);