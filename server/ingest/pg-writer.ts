import "server-only";
import type pg from "pg";
import { rawPgPool } from "../db-raw";
import { batchParams, batchResults, INGEST_BATCH_SQL, type BatchRow } from "./pg-batch";
import {
  FLUSH_MAX_SAMPLES,
  FLUSH_WINDOW_MS,
  type IngestJob,
  type IngestResult,
  type IngestWriter,
} from "./types";
import { recordIngestBatch } from "../metrics/instruments";

type Pending = { job: IngestJob; resolve: (r: IngestResult) => void; reject: (e: unknown) => void };
// Two flushes overlap: one gathers and sends while the other waits on the server.
const MAX_IN_FLIGHT = 2;

/**
 * Group commit on PostgreSQL: each flush is one statement (./pg-batch.ts), so one round trip commits its
 * samples, the satellites' latest state and the commands it delivers; one flush waits on the server while the
 * next batch gathers.
 */
export class PgIngestWriter implements IngestWriter {
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
    const jobs = batch.map((p) => p.job);
    try {
      // A deadlock with another writer (the reconciler, a console action) rolls the statement back whole:
      // the batch is tried once more before it is split.
      const results = await this.apply(jobs).catch((error: unknown) => {
        if (isTransient(error)) return this.apply(jobs);
        throw error;
      });
      batch.forEach((p, i) => p.resolve(results[i]));
    } catch (error) {
      if (batch.length === 1) batch[0].reject(error);
      // One bad job must not fail its neighbours: retry each alone.
      else
        for (const p of batch) {
          try {
            const [result] = await this.apply([p.job]);
            p.resolve(result);
          } catch (e) {
            p.reject(e);
          }
        }
    }
  }

  /** One statement, committed on its own: no BEGIN/COMMIT round trips. */
  private async apply(jobs: IngestJob[]): Promise<IngestResult[]> {
    const started = performance.now();
    // Named: each pooled connection parses and plans the statement once.
    const { rows } = await this.pool.query<BatchRow>({
      name: "orrery-ingest-batch",
      text: INGEST_BATCH_SQL,
      values: batchParams(jobs),
    });
    const results = batchResults(jobs, rows[0]);
    recordIngestBatch(started, results);
    return results;
  }

  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await Promise.all(this.flushing);
    await this.flush();
  }
}

/** deadlock_detected and serialization_failure: nothing was written, and trying again may well succeed. */
function isTransient(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "40P01" || code === "40001";
}
