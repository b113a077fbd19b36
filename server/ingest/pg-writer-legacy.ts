import "server-only";
import type pg from "pg";
import { foldServices } from "@/lib/connectivity";
import { pgDate, rawPgPool } from "../db-raw";
import { satellitePatch } from "./latest";
import { toDelivered } from "./sqlite-writer";
import {
  FLUSH_MAX_SAMPLES,
  FLUSH_WINDOW_MS,
  type IngestJob,
  type IngestResult,
  type IngestWriter,
} from "./types";
import { leaseUntilFrom, MAX_DELIVERIES } from "../commands/lifecycle";
import { recordIngestBatch } from "../metrics/instruments";

type Pending = { job: IngestJob; resolve: (r: IngestResult) => void; reject: (e: unknown) => void };
const COLUMNS = 13;
const ROWS_PER_INSERT = 2000; // PostgreSQL allows 65,535 parameters per statement
// Two flushes overlap: one gathers and sends while the other waits on the server.
const MAX_IN_FLIGHT = 2;

/**
 * Group commit on PostgreSQL: one transaction per flush with multi-row inserts (ON CONFLICT DO NOTHING) and
 * one set-based satellite update; one flush runs at a time while the next batch gathers.
 */
export class LegacyPgIngestWriter implements IngestWriter {
  private queue: Pending[] = [];
  private queuedSamples = 0;
  private timer: NodeJS.Timeout | null = null;
  private inFlight = 0;
  private readonly flushing = new Set<Promise<void>>();

  constructor(private readonly pool: pg.Pool = rawPgPool()) {}

  submit(job: IngestJob): Promise<IngestResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      this.queuedSamples += job.samples.length;
      this.schedule();
    });
  }

  private schedule() {
    if (this.inFlight >= MAX_IN_FLIGHT || this.timer || this.queue.length === 0) return;
    const wait = this.queuedSamples >= FLUSH_MAX_SAMPLES ? 0 : FLUSH_WINDOW_MS;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.inFlight++;
      const done = this.flush().finally(() => {
        this.inFlight--;
        this.flushing.delete(done);
        this.schedule();
      });
      this.flushing.add(done);
      this.schedule();
    }, wait);
  }

  private async flush(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    this.queuedSamples = 0;
    if (batch.length === 0) return;
    const client = await this.pool.connect();
    try {
      const started = performance.now();
      await client.query("BEGIN");
      const results = await this.apply(
        client,
        batch.map((p) => p.job),
      );
      await client.query("COMMIT");
      recordIngestBatch(started, results);
      batch.forEach((p, i) => p.resolve(results[i]));
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      if (batch.length === 1) batch[0].reject(error);
      else {
        // One bad job must not fail its neighbours: retry each alone.
        for (const p of batch) {
          try {
            const started = performance.now();
            await client.query("BEGIN");
            const [result] = await this.apply(client, [p.job]);
            await client.query("COMMIT");
            recordIngestBatch(started, [result]);
            p.resolve(result);
          } catch (e) {
            await client.query("ROLLBACK").catch(() => undefined);
            p.reject(e);
          }
        }
      }
    } finally {
      client.release();
    }
  }

  private async apply(client: pg.PoolClient, jobs: IngestJob[]): Promise<IngestResult[]> {
    // A (satellite, seq) sent twice in one flush belongs to the first job that carries it.
    const seen = new Set<string>();
    const owned: { job: number; values: unknown[] }[] = [];
    const sent = jobs.map(() => 0);
    jobs.forEach((job, j) => {
      for (const s of job.samples) {
        sent[j]++;
        const key = `${job.satelliteId}:${s.seq}`;
        if (seen.has(key)) continue;
        seen.add(key);
        owned.push({
          job: j,
          values: [
            job.satelliteId,
            s.seq,
            pgDate(new Date(s.at)),
            pgDate(job.now),
            s.cpuPct,
            s.memPct,
            s.diskPct,
            s.rxMbps,
            s.txMbps,
            s.rttMs,
            s.lossPct,
            foldServices(s.services),
            JSON.stringify(s.services),
          ],
        });
      }
    });
    const inserted = new Set<string>();
    for (let i = 0; i < owned.length; i += ROWS_PER_INSERT) {
      const chunk = owned.slice(i, i + ROWS_PER_INSERT);
      const placeholders = chunk
        .map((_, r) => `(${Array.from({ length: COLUMNS }, (_, c) => `$${r * COLUMNS + c + 1}`).join(",")})`)
        .join(",");
      const { rows } = await client.query<{ satelliteId: string; seq: string }>(
        `INSERT INTO "TelemetrySample" ("satelliteId","seq","at","receivedAt","cpuPct","memPct","diskPct","rxMbps","txMbps","rttMs","lossPct","health","services")
         VALUES ${placeholders} ON CONFLICT DO NOTHING RETURNING "satelliteId","seq"`,
        chunk.flatMap((o) => o.values),
      );
      for (const r of rows) inserted.add(`${r.satelliteId}:${r.seq}`);
    }
    const accepted = jobs.map(() => 0);
    for (const o of owned) {
      if (inserted.has(`${o.values[0]}:${o.values[1]}`)) accepted[o.job]++;
    }

    // One set-based update for every satellite in the flush; a satellite beating twice keeps its newest state.
    const newest = new Map<string, IngestJob>();
    for (const job of jobs) {
      const prev = newest.get(job.satelliteId);
      const seq = job.samples[job.samples.length - 1].seq;
      if (!prev || seq > prev.samples[prev.samples.length - 1].seq) newest.set(job.satelliteId, job);
    }
    const params: unknown[] = [];
    // Sorted, so overlapping flushes lock satellite rows in the same order and cannot deadlock.
    const tuples = [...newest.values()]
      .sort((a, b) => (a.satelliteId < b.satelliteId ? -1 : 1))
      .map((job) => {
        const p = satellitePatch(job);
        const base = params.length;
        params.push(
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
        );
        return `(${Array.from({ length: 12 }, (_, i) => `$${base + i + 1}`).join(",")})`;
      });
    const { rows: updated } = await client.query<{ id: string; lastSeq: string }>(
      `UPDATE "Satellite" s SET
         "lastSeenAt" = v.now::timestamp(3), "staleAfter" = v.stale::timestamp(3), "offlineAfter" = v.offline::timestamp(3),
         "agentVersion" = v.av, "stackVersion" = v.sv, "updatedAt" = v.now::timestamp(3),
         "reportedHealth" = CASE WHEN v.maxseq::bigint > COALESCE(s."lastSeq", -1) THEN v.health::"Health" ELSE s."reportedHealth" END,
         "healthChangedAt" = CASE WHEN v.maxseq::bigint > COALESCE(s."lastSeq", -1) AND s."reportedHealth" <> v.health::"Health" THEN v.now::timestamp(3) ELSE s."healthChangedAt" END,
         "services" = CASE WHEN v.maxseq::bigint > COALESCE(s."lastSeq", -1) THEN v.services::jsonb ELSE s."services" END,
         "lastRxMbps" = CASE WHEN v.maxseq::bigint > COALESCE(s."lastSeq", -1) THEN v.rx::float8 ELSE s."lastRxMbps" END,
         "lastTxMbps" = CASE WHEN v.maxseq::bigint > COALESCE(s."lastSeq", -1) THEN v.tx::float8 ELSE s."lastTxMbps" END,
         "lastRttMs" = CASE WHEN v.maxseq::bigint > COALESCE(s."lastSeq", -1) THEN v.rtt::float8 ELSE s."lastRttMs" END,
         "lastSeq" = GREATEST(COALESCE(s."lastSeq", -1), v.maxseq::bigint),
         "lifecycle" = CASE WHEN s."lifecycle" = 'pending' THEN 'active'::"Lifecycle" ELSE s."lifecycle" END
       FROM (VALUES ${tuples.join(",")}) AS v(id, now, stale, offline, av, sv, maxseq, health, services, rx, tx, rtt)
       WHERE s."id" = v.id
       RETURNING s."id", s."lastSeq"`,
      params,
    );
    const lastSeq = new Map(updated.map((r) => [r.id, Number(r.lastSeq)]));
    for (const id of newest.keys())
      if (!lastSeq.has(id)) throw new Error(`satellite ${id} vanished during ingest`);

    const ids = [...new Set(jobs.map((j) => j.satelliteId))];
    const now = jobs[jobs.length - 1].now;
    // The lifecycle's "leased" transition for every satellite in the batch (server/commands/lifecycle.ts).
    const { rows: commands } = await client.query(
      `UPDATE "Command" SET "state" = 'delivered', "deliveries" = "deliveries" + 1, "leaseUntil" = $2, "deliveredAt" = $3, "updatedAt" = $3
       WHERE "satelliteId" = ANY($1) AND "expiresAt" > $3 AND "deliveries" < $4
         AND ("notBefore" IS NULL OR "notBefore" <= $3)
         AND ("state" = 'queued' OR ("state" = 'delivered' AND "leaseUntil" <= $3))
       RETURNING "id","satelliteId","type","payload","idempotencyKey","issuedAt","expiresAt"`,
      [ids, pgDate(leaseUntilFrom(now)), pgDate(now), MAX_DELIVERIES],
    );
    const delivered = new Set<string>();
    return jobs.map((job, j) => {
      // Each satellite's commands ride on the first of its heartbeats in this flush.
      const mine = delivered.has(job.satelliteId)
        ? []
        : commands.filter((c) => c.satelliteId === job.satelliteId);
      delivered.add(job.satelliteId);
      return {
        accepted: accepted[j],
        duplicates: sent[j] - accepted[j],
        lastSeq: lastSeq.get(job.satelliteId) ?? -1,
        commands: mine.map(toDelivered),
      };
    });
  }

  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await Promise.all(this.flushing);
    await this.flush();
  }
}
