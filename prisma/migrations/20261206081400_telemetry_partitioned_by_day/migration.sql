-- Nothing to do on SQLite: only PostgreSQL partitions telemetry by day (docs/telemetry-storage.md).
-- The file exists because both databases ship the same list of migrations.
SELECT 1;
