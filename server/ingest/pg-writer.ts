import "server-only";
import type pg from "pg";
import { foldServices } from "@/lib/connectivity";
import { pgDate, rawPgPool } from "../db-raw";
import { satellitePatch } from "./latest";
import { toDelivered } from "./sqlite-writer";
import {
  COMMAND_LEASE_MS,
  FLUSH_MAX_SAMPLES,
  FLUSH_WINDOW_MS,
  MAX_DELIVERIES,
  type IngestJob,
  type IngestResult,
  type IngestWriter,
} from "./types";

type Pending = { job: IngestJob; resolve: (r: IngestResult) => void; reject: (e: unknown) => void };
const COLUMNS = 13;
const ROWS_PER_INSERT = 2000; // PostgreSQL allows 65,535 parameters per statement

/**
 * Group commit on PostgreSQL: one transaction per flush with multi-row inserts (ON CONFLICT DO NOTHING) and
 * one set-based satellite update; one flush runs at a time while the next batch gathers.
 */
export class PgIngestWriter implements IngestWriter {
  private queue: Pending[] = [];
  private queuedSamples = 0;
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;

  constructor(private readonly pool: pg.Pool = rawPgPool()) {}

  submit(job: IngestJob): Promise<IngestResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      this.queuedSamples += job.samples.length;
      this.schedule();
    });
  }

  private schedule() {
    if (this.flushing || this.timer) return;
    const wait = this.queuedSamples >= FLUSH_MAX_SAMPLES ? 0 : FLUSH_WINDOW_MS;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flushing = this.flush().finally(() => {
        this.flushing = null;
        if (this.queue.length) this.schedule();
      });
    }, wait);
  }

  private async flush(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    this.queuedSamples = 0;
    if (batch.length === 0) return;
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      const results = await this.apply(
        client,
        batch.map((p) => p.job),
      );
      await client.query("COMMIT");
      batch.forEach((p, i) => p.resolve(results[i]));
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      if (batch.length === 1) batch[0].reject(error);
      else {
        // One bad job must not fail its neighbours: retry each alone.
        for (const p of batch) {
          try {
            await client.query("BEGIN");
            const [result] = await this.apply(client, [p.job]);
            await client.query("COMMIT");
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

    const lastSeq = new Map<string, number>();
    for (const job of jobs) {
      const p = satellitePatch(job);
      const { rows } = await client.query<{ lastSeq: string }>(
        `UPDATE "Satellite" SET
           "lastSeenAt" = $2, "staleAfter" = $3, "offlineAfter" = $4, "agentVersion" = $5, "stackVersion" = $6, "updatedAt" = $2,
           "reportedHealth" = CASE WHEN $7 > COALESCE("lastSeq", -1) THEN $8::"Health" ELSE "reportedHealth" END,
           "services" = CASE WHEN $7 > COALESCE("lastSeq", -1) THEN $9::jsonb ELSE "services" END,
           "lastRxMbps" = CASE WHEN $7 > COALESCE("lastSeq", -1) THEN $10 ELSE "lastRxMbps" END,
           "lastTxMbps" = CASE WHEN $7 > COALESCE("lastSeq", -1) THEN $11 ELSE "lastTxMbps" END,
           "lastRttMs" = CASE WHEN $7 > COALESCE("lastSeq", -1) THEN $12 ELSE "lastRttMs" END,
           "lastSeq" = GREATEST(COALESCE("lastSeq", -1), $7),
           "lifecycle" = CASE WHEN "lifecycle" = 'pending' THEN 'active'::"Lifecycle" ELSE "lifecycle" END
         WHERE "id" = $1 RETURNING "lastSeq"`,
        [
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
        ],
      );
      if (!rows[0]) throw new Error(`satellite ${job.satelliteId} vanished during ingest`);
      lastSeq.set(job.satelliteId, Number(rows[0].lastSeq));
    }

    const ids = [...new Set(jobs.map((j) => j.satelliteId))];
    const now = jobs[jobs.length - 1].now;
    const { rows: commands } = await client.query(
      `UPDATE "Command" SET "state" = 'delivered', "deliveries" = "deliveries" + 1, "leaseUntil" = $2, "deliveredAt" = $3, "updatedAt" = $3
       WHERE "satelliteId" = ANY($1) AND "expiresAt" > $3 AND "deliveries" < $4
         AND ("state" = 'queued' OR ("state" = 'delivered' AND "leaseUntil" <= $3))
       RETURNING "id","satelliteId","type","payload","idempotencyKey","issuedAt","expiresAt"`,
      [ids, pgDate(new Date(now.getTime() + COMMAND_LEASE_MS)), pgDate(now), MAX_DELIVERIES],
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
    await this.flushing;
    await this.flush();
  }
}
