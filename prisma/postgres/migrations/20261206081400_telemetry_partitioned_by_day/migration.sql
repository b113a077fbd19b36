-- TelemetrySample becomes a table partitioned by range on "at", one partition per UTC day, plus a default
-- partition for rows of a day that has none (late samples of a dropped day, rows older than the first
-- partition). Retention then drops whole days, and reads bounded on "at" scan only the days they need
-- (docs/telemetry-storage.md). A partitioned table's unique keys must hold the partition key, so the
-- primary key is ("satelliteId", "seq", "at"); an agent resends a buffered sample with the same "at".
-- The reconciler creates the days ahead (server/reconciler/partitions.ts, same names).

ALTER TABLE "TelemetrySample" RENAME TO "TelemetrySample_unpartitioned";
ALTER TABLE "TelemetrySample_unpartitioned" DROP CONSTRAINT "TelemetrySample_satelliteId_fkey";
ALTER TABLE "TelemetrySample_unpartitioned" DROP CONSTRAINT "TelemetrySample_pkey";
DROP INDEX "TelemetrySample_satelliteId_at_idx";
DROP INDEX "TelemetrySample_at_idx";
DROP INDEX "TelemetrySample_receivedAt_idx";

CREATE TABLE "TelemetrySample" (
    "satelliteId" TEXT NOT NULL,
    "seq" BIGINT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "cpuPct" DOUBLE PRECISION NOT NULL,
    "memPct" DOUBLE PRECISION NOT NULL,
    "diskPct" DOUBLE PRECISION NOT NULL,
    "rxMbps" DOUBLE PRECISION NOT NULL,
    "txMbps" DOUBLE PRECISION NOT NULL,
    "rttMs" DOUBLE PRECISION NOT NULL,
    "lossPct" DOUBLE PRECISION NOT NULL,
    "health" "Health" NOT NULL,
    "services" JSONB NOT NULL,

    CONSTRAINT "TelemetrySample_pkey" PRIMARY KEY ("satelliteId","seq","at")
) PARTITION BY RANGE ("at");

CREATE INDEX "TelemetrySample_satelliteId_at_idx" ON "TelemetrySample"("satelliteId", "at");
CREATE INDEX "TelemetrySample_at_idx" ON "TelemetrySample"("at");
CREATE INDEX "TelemetrySample_receivedAt_idx" ON "TelemetrySample"("receivedAt");
ALTER TABLE "TelemetrySample" ADD CONSTRAINT "TelemetrySample_satelliteId_fkey" FOREIGN KEY ("satelliteId") REFERENCES "Satellite"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "TelemetrySample_default" PARTITION OF "TelemetrySample" DEFAULT;

-- The days raw retention may still hold (48 h, kept as whole days) and the week ahead; older rows go to
-- the default partition, where retention deletes them.
DO $$
DECLARE
  today date := (now() AT TIME ZONE 'UTC')::date;
  d date;
BEGIN
  FOR d IN SELECT generate_series(today - 3, today + 7, interval '1 day')::date LOOP
    EXECUTE format(
      'CREATE TABLE %I PARTITION OF "TelemetrySample" FOR VALUES FROM (%L) TO (%L)',
      'TelemetrySample_p' || to_char(d, 'YYYYMMDD'), d::timestamp, (d + 1)::timestamp
    );
  END LOOP;
END $$;

INSERT INTO "TelemetrySample" ("satelliteId","seq","at","receivedAt","cpuPct","memPct","diskPct","rxMbps","txMbps","rttMs","lossPct","health","services")
SELECT "satelliteId","seq","at","receivedAt","cpuPct","memPct","diskPct","rxMbps","txMbps","rttMs","lossPct","health","services"
FROM "TelemetrySample_unpartitioned";

DROP TABLE "TelemetrySample_unpartitioned";
