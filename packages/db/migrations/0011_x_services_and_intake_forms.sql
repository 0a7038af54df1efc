CREATE TABLE "x_service" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"service_id" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"description_zh" text NOT NULL,
	"description_en" text NOT NULL,
	"form" jsonb NOT NULL,
	"deadline_working_days" integer NOT NULL,
	"team" uuid[] DEFAULT '{}' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp with time zone,
	CONSTRAINT "x_service_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "x_service_service_id_unique" UNIQUE("tenant_id","service_id"),
	CONSTRAINT "x_service_id_format" CHECK ("x_service"."service_id" ~ '^x-[a-z][a-z0-9-]{1,38}$'),
	CONSTRAINT "x_service_deadline_range" CHECK ("x_service"."deadline_working_days" between 1 and 120)
);
--> statement-breakpoint
ALTER TABLE "x_service" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "case" ADD COLUMN "form" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "x_service" ADD CONSTRAINT "x_service_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "x_service" ADD CONSTRAINT "x_service_tenant_id_organisation_id_organisation_tenant_id_id_fk" FOREIGN KEY ("tenant_id","organisation_id") REFERENCES "public"."organisation"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE POLICY "x_service_tenant_isolation" ON "x_service" AS PERMISSIVE FOR ALL TO "linju_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);