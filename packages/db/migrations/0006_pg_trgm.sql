-- Trigram matching for case text search: Chinese has no word boundaries, so LIKE '%…%' with a
-- trigram index is the search that works. pg_trgm is a trusted extension (PostgreSQL 13+).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
