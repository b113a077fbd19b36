import { connectivityDeadlines, foldServices } from "@/lib/connectivity";
import type { IngestJob } from "./types";

/** What a job changes on its satellite row: deadlines from `now`, state from its newest sample. */
export function satellitePatch(job: IngestJob) {
  const newest = job.samples[job.samples.length - 1];
  const { staleAfter, offlineAfter } = connectivityDeadlines(job.now, job.intervalSec);
  return {
    maxSeq: newest.seq,
    health: foldServices(newest.services),
    services: JSON.stringify(newest.services),
    rx: newest.rxMbps,
    tx: newest.txMbps,
    rtt: newest.rttMs,
    staleAfter,
    offlineAfter,
  };
}

export function parseJson(text: unknown): unknown {
  if (typeof text !== "string") return text;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
