import "server-only";
import { collectDefaultMetrics, Counter, Histogram, Registry } from "prom-client";
import { processSingleton } from "../cache/process-singleton";

// The process's one Prometheus registry and the instruments that count as things happen in this process.
// Fleet-wide series are not here: they are built at scrape time from the database (fleet-collectors.ts).

export type Instruments = {
  registry: Registry;
  heartbeats: Counter;
  samples: Counter;
  ingestBatch: Histogram;
  reconcilerTick: Histogram;
};

export function instruments(): Instruments {
  return processSingleton("metrics.instruments", () => {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry });
    // Gauges named like counters, which promtool rejects; the same counts remain by type without the suffix.
    for (const misnamed of ["handles", "requests", "resources"]) {
      registry.removeSingleMetric(`nodejs_active_${misnamed}_total`);
    }
    return {
      registry,
      heartbeats: new Counter({
        name: "orrery_ingest_heartbeats_total",
        help: "Heartbeats this process stored (each answered 200 after its transaction committed).",
        registers: [registry],
      }),
      samples: new Counter({
        name: "orrery_ingest_samples_total",
        help: "Telemetry samples this process stored; a sample sent again with a seq already stored is not counted.",
        registers: [registry],
      }),
      ingestBatch: new Histogram({
        name: "orrery_ingest_batch_seconds",
        help: "Time to write one group-commit batch of heartbeats, from its start to its commit.",
        buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
        registers: [registry],
      }),
      reconcilerTick: new Histogram({
        name: "orrery_reconciler_tick_seconds",
        help: "Duration of the reconciler passes that held the lease, as reported by the reconciler this process supervises.",
        buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
        registers: [registry],
      }),
    };
  });
}

/** Called by the ingest writers once a batch committed, with `performance.now()` from just before it began. */
export function recordIngestBatch(startedMs: number, results: readonly { accepted: number }[]): void {
  const m = instruments();
  m.ingestBatch.observe((performance.now() - startedMs) / 1000);
  m.heartbeats.inc(results.length);
  const samples = results.reduce((n, r) => n + r.accepted, 0);
  if (samples > 0) m.samples.inc(samples);
}
