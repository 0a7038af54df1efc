CREATE TABLE "district_boundary" (
	"tenant_id" uuid NOT NULL,
	"polygons" jsonb NOT NULL,
	"source_datum" text NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "district_boundary_tenant_id_pk" PRIMARY KEY("tenant_id")
);
--> statement-breakpoint
ALTER TABLE "district_boundary" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "district_boundary" ADD CONSTRAINT "district_boundary_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE POLICY "district_boundary_tenant_isolation" ON "district_boundary" AS PERMISSIVE FOR ALL TO "linju_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
-- The application reads the boundary and replaces it with the next upload; nothing else changes it.
GRANT SELECT, INSERT, UPDATE ON district_boundary TO linju_app;--> statement-breakpoint
ALTER TABLE district_boundary FORCE ROW LEVEL SECURITY;
