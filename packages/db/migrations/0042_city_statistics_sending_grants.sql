-- City roll-up, sending side: the district's city setting (kept by its administrators) and the
-- record of every sending (written by the request and by the worker's delivery attempts).
GRANT SELECT, INSERT, UPDATE, DELETE ON city_statistics_setting TO linju_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON city_statistics_send TO linju_app;--> statement-breakpoint
ALTER TABLE city_statistics_setting FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE city_statistics_send FORCE ROW LEVEL SECURITY;
