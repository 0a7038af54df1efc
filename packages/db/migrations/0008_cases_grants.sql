-- Cases: the app role reads and writes; the timeline is append-only like the audit log.
GRANT SELECT, INSERT, UPDATE ON resident, resident_consent, "case", case_setting, case_counter TO linju_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON time_limit, calendar_day TO linju_app;--> statement-breakpoint
GRANT SELECT, INSERT ON case_handler, case_party, case_link, joint_consultation, joint_consultation_attendee, case_document, resident_feedback, satisfaction TO linju_app;--> statement-breakpoint
-- The timeline: no UPDATE, no DELETE, ever.
GRANT SELECT, INSERT ON case_event TO linju_app;--> statement-breakpoint
ALTER TABLE resident FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE resident_consent FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "case" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE case_setting FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE case_counter FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE time_limit FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE calendar_day FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE case_handler FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE case_event FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE case_party FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE case_link FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE joint_consultation FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE joint_consultation_attendee FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE case_document FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE resident_feedback FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE satisfaction FORCE ROW LEVEL SECURITY;
