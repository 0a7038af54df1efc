-- The application role (created by ensureRoles before migrations run) owns nothing and is
-- subject to RLS. FORCE makes the policies bind the table owner too, so no role but a
-- superuser can see across tenants.
GRANT USAGE ON SCHEMA public TO linju_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON tenant TO linju_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON platform_operator TO linju_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON session, login_throttle TO linju_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON organisation, staff_member TO linju_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON role_grant TO linju_app;--> statement-breakpoint
-- The audit log is append-only for the application: no UPDATE, no DELETE.
GRANT SELECT, INSERT ON audit_entry TO linju_app;--> statement-breakpoint
ALTER TABLE organisation FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE staff_member FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE role_grant FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE audit_entry FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON service_enablement TO linju_app;--> statement-breakpoint
ALTER TABLE service_enablement FORCE ROW LEVEL SECURITY;
