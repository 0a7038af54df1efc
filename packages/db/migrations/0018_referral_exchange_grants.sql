-- The outbox: the app role writes a message with the referral change and updates its delivery state.
GRANT SELECT, INSERT, UPDATE ON federation_outbox TO linju_app;--> statement-breakpoint
ALTER TABLE federation_outbox FORCE ROW LEVEL SECURITY;
