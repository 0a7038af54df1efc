-- Referrals: the projection the workflow's activities keep is read and updated; its event log is
-- append-only like the case timeline and the audit log.
GRANT SELECT, INSERT, UPDATE ON referral TO linju_app;--> statement-breakpoint
-- The event log: no UPDATE, no DELETE, ever.
GRANT SELECT, INSERT ON referral_event TO linju_app;--> statement-breakpoint
ALTER TABLE referral FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE referral_event FORCE ROW LEVEL SECURITY;
