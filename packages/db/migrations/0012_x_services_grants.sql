GRANT SELECT, INSERT, UPDATE ON x_service TO linju_app;--> statement-breakpoint
ALTER TABLE x_service FORCE ROW LEVEL SECURITY;
