ALTER TABLE "platform_operator" ADD COLUMN "totp_last_used_step" integer;--> statement-breakpoint
ALTER TABLE "staff_member" ADD COLUMN "totp_last_used_step" integer;