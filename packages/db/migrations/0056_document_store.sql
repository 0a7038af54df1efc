CREATE TABLE "document_blob" (
	"tenant_id" uuid NOT NULL,
	"sha256" text NOT NULL,
	"id" uuid NOT NULL,
	"size_bytes" bigint NOT NULL,
	"chunks" integer NOT NULL,
	"stored_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_blob_tenant_id_sha256_pk" PRIMARY KEY("tenant_id","sha256")
);
--> statement-breakpoint
ALTER TABLE "document_blob" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "document_chunk" (
	"tenant_id" uuid NOT NULL,
	"blob_id" uuid NOT NULL,
	"chunk" integer NOT NULL,
	"content" "bytea" NOT NULL,
	CONSTRAINT "document_chunk_tenant_id_blob_id_chunk_pk" PRIMARY KEY("tenant_id","blob_id","chunk")
);
--> statement-breakpoint
ALTER TABLE "document_chunk" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "document_blob" ADD CONSTRAINT "document_blob_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_chunk" ADD CONSTRAINT "document_chunk_tenant_id_tenant_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE POLICY "document_blob_tenant_isolation" ON "document_blob" AS PERMISSIVE FOR ALL TO "linju_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "document_chunk_tenant_isolation" ON "document_chunk" AS PERMISSIVE FOR ALL TO "linju_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
-- The application writes a document's chunks and row and reads them; nothing rewrites or removes them.
GRANT SELECT, INSERT ON document_blob TO linju_app;--> statement-breakpoint
GRANT SELECT, INSERT ON document_chunk TO linju_app;--> statement-breakpoint
ALTER TABLE document_blob FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE document_chunk FORCE ROW LEVEL SECURITY;
