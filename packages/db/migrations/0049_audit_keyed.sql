CREATE TABLE "audit_unkeyed_prefix" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"last_seq" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_unkeyed_prefix" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "audit_unkeyed_prefix" ADD CONSTRAINT "audit_unkeyed_prefix_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE POLICY "audit_unkeyed_prefix_tenant_isolation" ON "audit_unkeyed_prefix" AS PERMISSIVE FOR ALL TO "linju_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
ALTER TABLE audit_unkeyed_prefix FORCE ROW LEVEL SECURITY;--> statement-breakpoint
-- Read-only to the app role: were it to write here, an entry it forged could pass as unkeyed.
GRANT SELECT ON audit_unkeyed_prefix TO linju_app;--> statement-breakpoint
-- Every chain written so far stays verifiable as it was (flagged unkeyed); what follows is keyed.
INSERT INTO audit_unkeyed_prefix (tenant_id, last_seq)
SELECT tenant_id, max(seq) FROM audit_entry GROUP BY tenant_id;
