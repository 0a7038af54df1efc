ALTER TABLE "case_party" ADD COLUMN "kind" text DEFAULT 'person' NOT NULL;--> statement-breakpoint
ALTER TABLE "case_party" ADD COLUMN "credit_code" text;--> statement-breakpoint
ALTER TABLE "case_party" ADD COLUMN "phone_encrypted" text;--> statement-breakpoint
ALTER TABLE "case_party" ADD COLUMN "phone_masked" text;--> statement-breakpoint
ALTER TABLE "case_party" ADD COLUMN "address_encrypted" text;--> statement-breakpoint
ALTER TABLE "case_party" ADD COLUMN "address_masked" text;--> statement-breakpoint
ALTER TABLE "case_party" ADD COLUMN "updated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "case_party" ADD CONSTRAINT "case_party_role_known" CHECK ("case_party"."role" in ('adverse', 'co-applicant', 'third-party', 'agent', 'other'));--> statement-breakpoint
ALTER TABLE "case_party" ADD CONSTRAINT "case_party_kind_known" CHECK ("case_party"."kind" in ('person', 'organisation'));--> statement-breakpoint
ALTER TABLE "case_party" ADD CONSTRAINT "case_party_identity_of_kind" CHECK (("case_party"."kind" = 'person' and "case_party"."credit_code" is null) or ("case_party"."kind" = 'organisation' and "case_party"."id_number_encrypted" is null));--> statement-breakpoint
-- Parties are corrected and removed on the case page (each change audited and on the timeline).
GRANT UPDATE, DELETE ON case_party TO linju_app;
