CREATE TABLE "appointment" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"duty_slot_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"day" date NOT NULL,
	"starts_at" text NOT NULL,
	"ends_at" text NOT NULL,
	"service_type" text NOT NULL,
	"person_name" text NOT NULL,
	"phone_encrypted" text NOT NULL,
	"phone_index" text NOT NULL,
	"phone_masked" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cancelled_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	CONSTRAINT "appointment_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "appointment_hours" CHECK ("appointment"."ends_at" > "appointment"."starts_at")
);
--> statement-breakpoint
ALTER TABLE "appointment" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "duty_slot" ADD COLUMN "capacity" integer DEFAULT 4 NOT NULL;--> statement-breakpoint
ALTER TABLE "appointment" ADD CONSTRAINT "appointment_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment" ADD CONSTRAINT "appointment_tenant_id_organisation_id_organisation_tenant_id_id_fk" FOREIGN KEY ("tenant_id","organisation_id") REFERENCES "public"."organisation"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appointment_unit_day_idx" ON "appointment" USING btree ("tenant_id","organisation_id","day");--> statement-breakpoint
CREATE INDEX "appointment_slot_day_idx" ON "appointment" USING btree ("tenant_id","duty_slot_id","day");--> statement-breakpoint
CREATE INDEX "appointment_phone_idx" ON "appointment" USING btree ("tenant_id","phone_index");--> statement-breakpoint
CREATE UNIQUE INDEX "appointment_one_per_phone" ON "appointment" USING btree ("tenant_id","duty_slot_id","day","phone_index") WHERE "appointment"."cancelled_at" is null;--> statement-breakpoint
ALTER TABLE "duty_slot" ADD CONSTRAINT "duty_slot_capacity" CHECK ("duty_slot"."capacity" between 1 and 50);--> statement-breakpoint
CREATE POLICY "appointment_tenant_isolation" ON "appointment" AS PERMISSIVE FOR ALL TO "linju_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
-- An appointment is booked and cancelled, never deleted: its trail is the audit log's.
GRANT SELECT, INSERT, UPDATE ON appointment TO linju_app;--> statement-breakpoint
ALTER TABLE appointment FORCE ROW LEVEL SECURITY;
