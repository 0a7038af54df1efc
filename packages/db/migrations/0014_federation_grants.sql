GRANT SELECT, INSERT, UPDATE, DELETE ON federation_peer TO linju_app;--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON federation_nonce TO linju_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON federation_inbox TO linju_app;--> statement-breakpoint
ALTER TABLE federation_inbox FORCE ROW LEVEL SECURITY;
