-- Every referral before this migration had its workflow started inside its own transaction: mark
-- them started (a DEFAULT fills existing rows without a row-level UPDATE, so RLS does not apply),
-- then drop the default so new rows start as "not known to be started".
ALTER TABLE "referral" ADD COLUMN "workflow_started_at" timestamp with time zone DEFAULT now();--> statement-breakpoint
ALTER TABLE "referral" ALTER COLUMN "workflow_started_at" DROP DEFAULT;--> statement-breakpoint
CREATE INDEX "referral_awaiting_workflow_idx" ON "referral" USING btree ("tenant_id","created_at") WHERE "referral"."workflow_started_at" is null;