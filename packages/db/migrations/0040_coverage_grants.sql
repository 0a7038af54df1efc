-- Coverage: the communities to cover and the district's distance rule, kept by the bureau.
GRANT SELECT, INSERT, UPDATE, DELETE ON community TO linju_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON coverage_rule TO linju_app;--> statement-breakpoint
ALTER TABLE community FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE coverage_rule FORCE ROW LEVEL SECURITY;
