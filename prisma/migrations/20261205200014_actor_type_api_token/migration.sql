-- The ActorType enum gains "apiToken". SQLite stores enums as text, so nothing changes here; the migration
-- exists so both databases record the same history.
SELECT 1;
