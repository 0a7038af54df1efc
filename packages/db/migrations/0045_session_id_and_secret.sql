-- Tokens become `<id>.<secret>`: sessions of the old shape cannot be checked, so everyone signs in again.
DELETE FROM "session";--> statement-breakpoint
ALTER TABLE "session" ADD COLUMN "secret_hash" text NOT NULL;
