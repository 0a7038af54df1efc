GRANT SELECT, INSERT, UPDATE ON audit_head TO linju_app;--> statement-breakpoint
ALTER TABLE audit_head FORCE ROW LEVEL SECURITY;--> statement-breakpoint
-- Chains written before the head existed get their head now.
INSERT INTO audit_head (tenant_id, seq, hash)
SELECT DISTINCT ON (tenant_id) tenant_id, seq, hash FROM audit_entry ORDER BY tenant_id, seq DESC;
