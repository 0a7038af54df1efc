CREATE TABLE "tenant_erasure" (
	"erased_tenant_id" uuid PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name_zh" text NOT NULL,
	"division_code" text NOT NULL,
	"erased_at" timestamp with time zone DEFAULT now() NOT NULL,
	"erased_by" text NOT NULL,
	"counts" jsonb NOT NULL,
	"export_sha256" text NOT NULL
);
--> statement-breakpoint
-- Written by the owner alone (linju tenant offboard): the application role may not forge or remove the record.
REVOKE ALL ON "tenant_erasure" FROM linju_app;
