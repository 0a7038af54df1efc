-- Provider records are never deleted: an appeal or an expiry ends them, the history stays.
GRANT SELECT, INSERT, UPDATE ON provider_record TO linju_app;--> statement-breakpoint
-- Volunteers leave (left_on) rather than vanish; hours logged in error are removed.
GRANT SELECT, INSERT, UPDATE ON volunteer TO linju_app;--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON volunteer_hours TO linju_app;--> statement-breakpoint
-- Subsidy rules are settings; ledger entries are what was paid: added, never changed.
GRANT SELECT, INSERT, UPDATE, DELETE ON subsidy_rule TO linju_app;--> statement-breakpoint
GRANT SELECT, INSERT ON subsidy_entry TO linju_app;--> statement-breakpoint
-- A drawn sample never changes; its reviews are filled in.
GRANT SELECT, INSERT ON file_review_sample TO linju_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON file_review TO linju_app;--> statement-breakpoint
ALTER TABLE provider_record FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE volunteer FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE volunteer_hours FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE subsidy_rule FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE subsidy_entry FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE file_review_sample FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE file_review FORCE ROW LEVEL SECURITY;
