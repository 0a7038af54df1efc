-- The 12345 import as a background job: the request queues it, the worker's batches move it on
-- and record the rows not imported (never changed or removed afterwards).
GRANT SELECT, INSERT, UPDATE ON hotline_import TO linju_app;--> statement-breakpoint
GRANT SELECT, INSERT ON hotline_import_row TO linju_app;--> statement-breakpoint
ALTER TABLE hotline_import FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE hotline_import_row FORCE ROW LEVEL SECURITY;
