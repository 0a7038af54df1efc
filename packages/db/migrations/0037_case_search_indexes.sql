DROP INDEX "case_description_trgm_idx";--> statement-breakpoint
CREATE INDEX "case_open_assignee_idx" ON "case" USING btree ("tenant_id","assignee_id","received_at","id") WHERE "case"."status" in ('received', 'triaged', 'in-progress');--> statement-breakpoint
CREATE INDEX "case_open_due_idx" ON "case" USING btree ("tenant_id","due_on","id") WHERE "case"."status" in ('received', 'triaged', 'in-progress') and "case"."paused_since" is null and "case"."due_on" is not null;--> statement-breakpoint
CREATE INDEX "case_description_trgm_idx" ON "case" USING gin ("tenant_id","description" gin_trgm_ops);