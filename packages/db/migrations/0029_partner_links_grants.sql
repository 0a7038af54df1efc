-- One-time partner links: a platform table (the public page finds the tenant from the link), read,
-- written at issue and closed (rotated, or the referral ended); never deleted.
GRANT SELECT, INSERT, UPDATE ON partner_link TO linju_app;--> statement-breakpoint
-- A referral's documents: written at send or on arrival, the stored body filled in when fetched.
GRANT SELECT, INSERT, UPDATE ON referral_attachment TO linju_app;--> statement-breakpoint
ALTER TABLE referral_attachment FORCE ROW LEVEL SECURITY;
