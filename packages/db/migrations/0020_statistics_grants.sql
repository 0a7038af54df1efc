-- Statistics: the roll-ups and each case's tally are kept by the case changes (insert and update);
-- reports are written by their background run; a city bureau keeps the districts' messages.
GRANT SELECT, INSERT, UPDATE ON case_tally TO linju_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON case_rollup TO linju_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON statistics_report TO linju_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON district_statistics TO linju_app;--> statement-breakpoint
ALTER TABLE case_tally FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE case_rollup FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE statistics_report FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE district_statistics FORCE ROW LEVEL SECURITY;
