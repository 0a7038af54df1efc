-- btree_gin: GIN operator classes for plain types, so the trigram index of case descriptions can
-- lead with tenant_id (a trusted extension, PostgreSQL 13+, shipped with the server).
CREATE EXTENSION IF NOT EXISTS btree_gin;
