-- Activity roll-ups are kept by the changes themselves (insert and update) under the tenant's RLS.
GRANT SELECT, INSERT, UPDATE ON activity_rollup TO linju_app;--> statement-breakpoint
ALTER TABLE activity_rollup FORCE ROW LEVEL SECURITY;
