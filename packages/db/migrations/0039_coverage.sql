CREATE TABLE "community" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"settlement" text NOT NULL,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "community_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "community_latitude_range" CHECK ("community"."latitude" between -90 and 90),
	CONSTRAINT "community_longitude_range" CHECK ("community"."longitude" between -180 and 180)
);
--> statement-breakpoint
ALTER TABLE "community" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "coverage_rule" (
	"tenant_id" uuid NOT NULL,
	"town_metres" integer DEFAULT 1200 NOT NULL,
	"village_metres" integer DEFAULT 2000 NOT NULL,
	"walking_factor" double precision DEFAULT 1.3 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coverage_rule_tenant_id_pk" PRIMARY KEY("tenant_id"),
	CONSTRAINT "coverage_rule_metres" CHECK ("coverage_rule"."town_metres" between 100 and 50000 and "coverage_rule"."village_metres" between 100 and 50000),
	CONSTRAINT "coverage_rule_factor" CHECK ("coverage_rule"."walking_factor" between 1 and 3)
);
--> statement-breakpoint
ALTER TABLE "coverage_rule" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "community" ADD CONSTRAINT "community_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coverage_rule" ADD CONSTRAINT "coverage_rule_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE POLICY "community_tenant_isolation" ON "community" AS PERMISSIVE FOR ALL TO "linju_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "coverage_rule_tenant_isolation" ON "coverage_rule" AS PERMISSIVE FOR ALL TO "linju_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);