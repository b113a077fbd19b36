import "server-only";
import { pgDate } from "../db-raw";
import { SAMPLE_COLUMNS, sampleValues, satellitePatch } from "./latest";
import { toDelivered } from "./sqlite-writer";
import type { IngestJob, IngestResult } from "./types";
import { leaseUntilFrom, MAX_DELIVERIES } from "../commands/lifecycle";

/*
 * A whole flush in one statement, so one round trip and one implicit transaction:
 * 1. `ins` stores every sample not stored yet, by the rule in docs/telemetry-storage.md ("Stored once per
 *    (satellite, seq)"): the table is partitioned by day, so its primary key is (satelliteId, seq, at) and
 *    ON CONFLICT DO NOTHING (no conflict target) dedupes every resend, which carries the same `at`. A copy
 *    in flight on another replica holds that key until it commits; this insert waits for it and then skips
 *    the row, so a sample lands once and exactly one writer counts it new. NOT EXISTS also counts a resend
 *    with a different `at` as a duplicate once the first copy has committed, as SQLite's key does.
 * 2. `locked` + `upd` move each satellite's latest state, only forward: SET expressions read the row as
 *    committed when the lock was granted, so an old buffered batch never overwrites newer state.
 * 3. `cmd` leases the satellites' due commands (server/commands/lifecycle.ts, "leased").
 * Locks are taken in one global order (sample keys sorted, then satellites sorted, then commands), which every
 * flush on every replica shares, so overlapping flushes wait for each other but cannot deadlock. The three
 * results are read left to right in the final SELECT, which is what runs the steps in that order.
 */
export const INGEST_BATCH_SQL = `
WITH s AS (
  SELECT * FROM unnest($1::text[], $2::bigint[], $3::timestamp(3)[], $4::timestamp(3)[], $5::float8[], $6::float8[],
    $7::float8[], $8::float8[], $9::float8[], $10::float8[], $11::float8[], $12::text[], $13::text[], $14::int[])
    AS s(sat, seq, at, received, cpu, mem, disk, rx, tx, rtt, loss, health, services, job)
), ins AS (
  INSERT INTO "TelemetrySample" (${SAMPLE_COLUMNS})
  SELECT sat, seq, at, received, cpu, mem, disk, rx, tx, rtt, loss, health::"Health", services::jsonb
  FROM s
  -- OFFSET 0 keeps this a per-row probe of each partition's primary key: as an anti-join the planner may
  -- hash the whole table instead.
  WHERE NOT EXISTS (SELECT 1 FROM "TelemetrySample" t WHERE t."satelliteId" = s.sat AND t."seq" = s.seq OFFSET 0)
  ORDER BY sat, seq
  ON CONFLICT DO NOTHING
  RETURNING "satelliteId", "seq"
), v AS (
  SELECT * FROM unnest($15::text[], $16::timestamp(3)[], $17::timestamp(3)[], $18::timestamp(3)[], $19::text[], $20::text[],
    $21::bigint[], $22::text[], $23::text[], $24::float8[], $25::float8[], $26::float8[])
    AS v(id, now, stale, offline, av, sv, maxseq, health, services, rx, tx, rtt)
), locked AS (
  SELECT "id" FROM "Satellite" WHERE "id" = ANY($15::text[]) ORDER BY "id" FOR NO KEY UPDATE
), upd AS (
  UPDATE "Satellite" t SET
    "lastSeenAt" = v.now, "staleAfter" = v.stale, "offlineAfter" = v.offline,
    "agentVersion" = v.av, "stackVersion" = v.sv, "updatedAt" = v.now,
    "reportedHealth" = CASE WHEN v.maxseq > COALESCE(t."lastSeq", -1) THEN v.health::"Health" ELSE t."reportedHealth" END,
    "healthChangedAt" = CASE WHEN v.maxseq > COALESCE(t."lastSeq", -1) AND t."reportedHealth" <> v.health::"Health" THEN v.now ELSE t."healthChangedAt" END,
    "services" = CASE WHEN v.maxseq > COALESCE(t."lastSeq", -1) THEN v.services::jsonb ELSE t."services" END,
    "lastRxMbps" = CASE WHEN v.maxseq > COALESCE(t."lastSeq", -1) THEN v.rx ELSE t."lastRxMbps" END,
    "lastTxMbps" = CASE WHEN v.maxseq > COALESCE(t."lastSeq", -1) THEN v.tx ELSE t."lastTxMbps" END,
    "lastRttMs" = CASE WHEN v.maxseq > COALESCE(t."lastSeq", -1) THEN v.rtt ELSE t."lastRttMs" END,
    "lastSeq" = GREATEST(COALESCE(t."lastSeq", -1), v.maxseq),
    "lifecycle" = CASE WHEN t."lifecycle" = 'pending' THEN 'active'::"Lifecycle" ELSE t."lifecycle" END
  FROM v JOIN locked l ON l."id" = v.id
  WHERE t."id" = v.id
  RETURNING t."id", t."lastSeq"
), cmd AS (
  UPDATE "Command" SET "state" = 'delivered', "deliveries" = "deliveries" + 1, "leaseUntil" = $27::timestamp(3),
    "deliveredAt" = $28::timestamp(3), "updatedAt" = $28::timestamp(3)
  WHERE "satelliteId" = ANY($15::text[]) AND "expiresAt" > $28::timestamp(3) AND "deliveries" < $29::int
    AND ("notBefore" IS NULL OR "notBefore" <= $28::timestamp(3))
    AND ("state" = 'queued' OR ("state" = 'delivered' AND "leaseUntil" <= $28::timestamp(3)))
  RETURNING "id","satelliteId","type","payload","idempotencyKey","issuedAt","expiresAt"
)
SELECT
  (SELECT COALESCE(json_agg(json_build_array(x.job, x.n)), '[]') FROM
    (SELECT s.job, count(*) AS n FROM ins JOIN s ON s.sat = ins."satelliteId" AND s.seq = ins."seq" GROUP BY s.job) x) AS accepted,
  (SELECT COALESCE(json_agg(json_build_array(upd."id", upd."lastSeq")), '[]') FROM upd) AS satellites,
  -- timestamp holds UTC (Prisma's convention); AT TIME ZONE 'UTC' makes the JSON carry the offset.
  (SELECT COALESCE(json_agg(json_build_object('id', cmd."id", 'satelliteId', cmd."satelliteId", 'type', cmd."type",
    'payload', cmd."payload", 'idempotencyKey', cmd."idempotencyKey", 'issuedAt', cmd."issuedAt" AT TIME ZONE 'UTC',
    'expiresAt', cmd."expiresAt" AT TIME ZONE 'UTC')), '[]') FROM cmd) AS commands`;

export type BatchRow = {
  accepted: [number, number][];
  satellites: [string, number][];
  commands: {
    id: string;
    satelliteId: string;
    type: string;
    payload: unknown;
    idempotencyKey: string;
    issuedAt: string;
    expiresAt: string;
  }[];
};

/** The statement's parameters for a flush; a (satellite, seq) sent twice in it belongs to the first job. */
export function batchParams(jobs: IngestJob[]): unknown[] {
  const cols: unknown[][] = Array.from({ length: 14 }, () => []);
  const seen = new Set<string>();
  jobs.forEach((job, j) => {
    const received = pgDate(job.now);
    for (const s of job.samples) {
      const key = `${job.satelliteId}:${s.seq}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const row = [...sampleValues(job.satelliteId, s, received, pgDate), j];
      row.forEach((value, c) => cols[c].push(value));
    }
  });

  // A satellite beating twice in the flush keeps the state of its newest sample.
  const newest = new Map<string, IngestJob>();
  for (const job of jobs) {
    const prev = newest.get(job.satelliteId);
    const seq = job.samples[job.samples.length - 1].seq;
    if (!prev || seq > prev.samples[prev.samples.length - 1].seq) newest.set(job.satelliteId, job);
  }
  const sat: unknown[][] = Array.from({ length: 12 }, () => []);
  for (const job of newest.values()) {
    const p = satellitePatch(job);
    const row = [
      job.satelliteId,
      pgDate(job.now),
      pgDate(p.staleAfter),
      pgDate(p.offlineAfter),
      job.agentVersion,
      job.stackVersion,
      p.maxSeq,
      p.health,
      p.services,
      p.rx,
      p.tx,
      p.rtt,
    ];
    row.forEach((value, c) => sat[c].push(value));
  }
  const now = jobs[jobs.length - 1].now;
  return [...cols, ...sat, pgDate(leaseUntilFrom(now)), pgDate(now), MAX_DELIVERIES];
}

/** Each job's answer from the statement's one row. */
export function batchResults(jobs: IngestJob[], row: BatchRow): IngestResult[] {
  const accepted = new Map(row.accepted.map(([job, n]) => [Number(job), Number(n)]));
  const lastSeq = new Map(row.satellites.map(([id, seq]) => [id, Number(seq)]));
  for (const job of jobs)
    if (!lastSeq.has(job.satelliteId)) throw new Error(`satellite ${job.satelliteId} vanished during ingest`);
  const delivered = new Set<string>();
  return jobs.map((job, j) => {
    // Each satellite's commands ride on the first of its heartbeats in this flush.
    const mine = delivered.has(job.satelliteId)
      ? []
      : row.commands.filter((c) => c.satelliteId === job.satelliteId);
    delivered.add(job.satelliteId);
    const n = accepted.get(j) ?? 0;
    return {
      accepted: n,
      duplicates: job.samples.length - n,
      lastSeq: lastSeq.get(job.satelliteId) ?? -1,
      commands: mine.map(toDelivered),
    };
  });
}
