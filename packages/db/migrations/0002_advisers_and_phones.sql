CREATE TABLE "community_adviser" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"law_firm" text NOT NULL,
	"lawyer_name" text NOT NULL,
	"lawyer_staff_member_id" uuid,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"ended_early_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "community_adviser_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "community_adviser_term" CHECK ("community_adviser"."ends_on" > "community_adviser"."starts_on")
);
--> statement-breakpoint
ALTER TABLE "community_adviser" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "staff_member" ADD COLUMN "phone_encrypted" text;--> statement-breakpoint
ALTER TABLE "staff_member" ADD COLUMN "phone_index" text;--> statement-breakpoint
ALTER TABLE "community_adviser" ADD CONSTRAINT "community_adviser_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_adviser" ADD CONSTRAINT "community_adviser_tenant_id_organisation_id_organisation_tenant_id_id_fk" FOREIGN KEY ("tenant_id","organisation_id") REFERENCES "public"."organisation"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_adviser" ADD CONSTRAINT "community_adviser_tenant_id_lawyer_staff_member_id_staff_member_tenant_id_id_fk" FOREIGN KEY ("tenant_id","lawyer_staff_member_id") REFERENCES "public"."staff_member"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "community_adviser_room_idx" ON "community_adviser" USING btree ("tenant_id","organisation_id");--> statement-breakpoint
CREATE INDEX "staff_member_phone_idx" ON "staff_member" USING btree ("tenant_id","phone_index");--> statement-breakpoint
CREATE POLICY "community_adviser_tenant_isolation" ON "community_adviser" AS PERMISSIVE FOR ALL TO "linju_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);