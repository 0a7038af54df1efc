GRANT SELECT, INSERT, UPDATE ON community_adviser TO linju_app;--> statement-breakpoint
ALTER TABLE community_adviser FORCE ROW LEVEL SECURITY;
