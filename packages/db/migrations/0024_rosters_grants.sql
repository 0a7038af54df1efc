-- Duty rosters and announcements: managed by the units' managers, changed and removed like any setting.
GRANT SELECT, INSERT, UPDATE, DELETE ON duty_slot TO linju_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON themed_day TO linju_app;--> statement-breakpoint
-- Announcements are published, never deleted: what residents were told stays on record.
GRANT SELECT, INSERT, UPDATE ON announcement TO linju_app;--> statement-breakpoint
ALTER TABLE duty_slot FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE themed_day FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE announcement FORCE ROW LEVEL SECURITY;
