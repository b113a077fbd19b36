import "server-only";
import { openSqlite, sqliteDate, type RawSqlite } from "../db-raw";
import { parseJson, SAMPLE_COLUMNS, sampleValues, satellitePatch } from "./latest";
import {
  FLUSH_MAX_SAMPLES,
  FLUSH_WINDOW_MS,
  type DeliveredCommand,
  type IngestJob,
  type IngestResult,
  type IngestWriter,
} from "./types";
import { leaseUntilFrom, MAX_DELIVERIES } from "../commands/lifecycle";
import { recordIngestBatch } from "../metrics/instruments";

type Pending = { job: IngestJob; resolve: (r: IngestResult) => void; reject: (e: unknown) => void };
type CommandRow = {
  id: string;
  type: string;
  payload: string;
  idempotencyKey: string;
  issuedAt: string;
  expiresAt: string;
};

/**
 * Group commit on better-sqlite3: heartbeats arriving within a few milliseconds share one transaction, and
 * each is answered only after that transaction commits.
 */
export class SqliteIngestWriter implements IngestWriter {
  private queue: Pending[] = [];
  private queuedSamples = 0;
  private timer: NodeJS.Timeout | null = null;
  private readonly statements;
  // Made once: better-sqlite3 prepares BEGIN/COMMIT each time a transaction function is created.
  private readonly applyAll: { immediate: (jobs: IngestJob[]) => IngestResult[] };
  private readonly applyOne: { immediate: (job: IngestJob) => IngestResult };

  // Its own connection that never waits for the lock: better-sqlite3 would wait by blocking the event loop,
  // and the lock holder may be a Prisma transaction on this very loop. A busy flush is retried in a moment.
  constructor(private readonly db: RawSqlite = openSqlite(0)) {
    this.statements = {
      insertSample: db.prepare(
        `INSERT OR IGNORE INTO "TelemetrySample" (${SAMPLE_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)`,
      ),
      // Expressions on the right see the row as it was, so an old buffered batch never overwrites newer state.
      updateSatellite: db.prepare(
        `UPDATE "Satellite" SET
           "lastSeenAt" = @now, "staleAfter" = @staleAfter, "offlineAfter" = @offlineAfter,
           "agentVersion" = @agentVersion, "stackVersion" = @stackVersion, "updatedAt" = @now,
           "reportedHealth" = CASE WHEN @maxSeq > COALESCE("lastSeq", -1) THEN @health ELSE "reportedHealth" END,
           "healthChangedAt" = CASE WHEN @maxSeq > COALESCE("lastSeq", -1) AND "reportedHealth" <> @health THEN @now ELSE "healthChangedAt" END,
           "services" = CASE WHEN @maxSeq > COALESCE("lastSeq", -1) THEN @services ELSE "services" END,
           "lastRxMbps" = CASE WHEN @maxSeq > COALESCE("lastSeq", -1) THEN @rx ELSE "lastRxMbps" END,
           "lastTxMbps" = CASE WHEN @maxSeq > COALESCE("lastSeq", -1) THEN @tx ELSE "lastTxMbps" END,
           "lastRttMs" = CASE WHEN @maxSeq > COALESCE("lastSeq", -1) THEN @rtt ELSE "lastRttMs" END,
           "lastSeq" = MAX(COALESCE("lastSeq", -1), @maxSeq),
           "lifecycle" = CASE WHEN "lifecycle" = 'pending' THEN 'active' ELSE "lifecycle" END
         WHERE "id" = @id
         RETURNING "lastSeq"`,
      ),
      // The lifecycle's "leased" transition for a whole satellite at once (server/commands/lifecycle.ts).
      claimCommands: db.prepare(
        `UPDATE "Command" SET "state" = 'delivered', "deliveries" = "deliveries" + 1, "leaseUntil" = @leaseUntil,
           "deliveredAt" = @now, "updatedAt" = @now
         WHERE "satelliteId" = @id AND "expiresAt" > @now AND "deliveries" < @max
           AND ("notBefore" IS NULL OR "notBefore" <= @now)
           AND ("state" = 'queued' OR ("state" = 'delivered' AND "leaseUntil" <= @now))
         RETURNING "id","type","payload","idempotencyKey","issuedAt","expiresAt"`,
      ),
    };
    this.applyAll = db.transaction((jobs: IngestJob[]) => jobs.map((job) => this.apply(job)));
    this.applyOne = db.transaction((job: IngestJob) => this.apply(job));
  }

  submit(job: IngestJob): Promise<IngestResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      this.queuedSamples += job.samples.length;
      if (this.queuedSamples >= FLUSH_MAX_SAMPLES) {
        if (this.timer) clearTimeout(this.timer);
        this.timer = null;
        setImmediate(() => this.flush());
      } else {
        this.timer ??= setTimeout(() => this.flush(), FLUSH_WINDOW_MS);
      }
    });
  }

  private apply(job: IngestJob): IngestResult {
    const received = sqliteDate(job.now);
    let accepted = 0;
    for (const s of job.samples) {
      const info = this.statements.insertSample.run(
        ...sampleValues(job.satelliteId, s, received, sqliteDate),
      );
      accepted += info.changes;
    }
    const patch = satellitePatch(job);
    const row = this.statements.updateSatellite.get({
      id: job.satelliteId,
      now: received,
      staleAfter: sqliteDate(patch.staleAfter),
      offlineAfter: sqliteDate(patch.offlineAfter),
      agentVersion: job.agentVersion,
      stackVersion: job.stackVersion,
      maxSeq: patch.maxSeq,
      health: patch.health,
      services: patch.services,
      rx: patch.rx,
      tx: patch.tx,
      rtt: patch.rtt,
    }) as { lastSeq: number | bigint } | undefined;
    if (!row) throw new Error(`satellite ${job.satelliteId} vanished during ingest`);
    const commands = this.statements.claimCommands.all({
      id: job.satelliteId,
      now: received,
      leaseUntil: sqliteDate(leaseUntilFrom(job.now)),
      max: MAX_DELIVERIES,
    }) as CommandRow[];
    return {
      accepted,
      duplicates: job.samples.length - accepted,
      lastSeq: Number(row.lastSeq),
      commands: commands.map(toDelivered),
    };
  }

  private flush(): void {
    this.timer = null;
    const batch = this.queue;
    this.queue = [];
    this.queuedSamples = 0;
    if (batch.length === 0) return;
    try {
      const started = performance.now();
      const results = this.applyAll.immediate(batch.map((p) => p.job));
      recordIngestBatch(started, results);
      batch.forEach((p, i) => p.resolve(results[i]));
    } catch (error) {
      if (isBusy(error)) {
        // Another connection holds the write lock: try again in a moment, without blocking the loop.
        this.queue = batch.concat(this.queue);
        this.queuedSamples += batch.reduce((n, p) => n + p.job.samples.length, 0);
        this.timer ??= setTimeout(() => this.flush(), 2 + Math.random() * 3);
        return;
      }
      // One bad job must not fail its neighbours: retry each alone.
      for (const p of batch) {
        try {
          const started = performance.now();
          const result = this.applyOne.immediate(p.job);
          recordIngestBatch(started, [result]);
          p.resolve(result);
        } catch (e) {
          if (isBusy(e)) this.submit(p.job).then(p.resolve, p.reject);
          else p.reject(e);
        }
      }
    }
  }

  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.flush();
  }
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("SQLITE_BUSY");
}

export function toDelivered(
  row:
    | CommandRow
    | (Omit<CommandRow, "issuedAt" | "expiresAt" | "payload"> & {
        payload: unknown;
        issuedAt: Date | string;
        expiresAt: Date | string;
      }),
): DeliveredCommand {
  const iso = (d: Date | string) => new Date(d).toISOString();
  return {
    id: row.id,
    type: row.type,
    payload: parseJson(row.payload) ?? {},
    idempotencyKey: row.idempotencyKey,
    issuedAt: iso(row.issuedAt),
    expiresAt: iso(row.expiresAt),
  };
}
