-- Notifications: created by senders, marked read by their recipient; never deleted by the app.
GRANT SELECT, INSERT, UPDATE ON notification TO linju_app;--> statement-breakpoint
-- Escalations raised are a record: inserted once, never changed.
GRANT SELECT, INSERT ON case_escalation TO linju_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON sweep_review TO linju_app;--> statement-breakpoint
-- A platform table read by the public rating page (no tenant yet); only hashes, no personal data.
GRANT SELECT, INSERT, UPDATE ON rating_code TO linju_app;--> statement-breakpoint
ALTER TABLE notification FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE case_escalation FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE sweep_review FORCE ROW LEVEL SECURITY;
