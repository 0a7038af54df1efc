-- Tokens become `<id>.<secret>`: sessions of the old shape cannot be checked, so everyone signs in again.
DELETE FROM "session";--> statement-breakpoint
ALTER TABLE "platform_operator" ADD COLUMN "totp_last_used_step" integer;--> statement-breakpoint
ALTER TABLE "session" ADD COLUMN "secret_hash" text NOT NULL;--> statement-breakpoint
ALTER TABLE "staff_member" ADD COLUMN "totp_last_used_step" integer;