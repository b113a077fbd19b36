import { connectivityDeadlines, foldServices } from "@/lib/connectivity";
import type { SampleInput } from "../agents/schemas";
import type { IngestJob } from "./types";

/** A stored sample's columns, in the order both writers bind them. */
export const SAMPLE_COLUMNS = `"satelliteId","seq","at","receivedAt","cpuPct","memPct","diskPct","rxMbps","txMbps","rttMs","lossPct","health","services"`;

/** A sample's values in SAMPLE_COLUMNS order; `date` turns a time into the database's stored form. */
export function sampleValues<D>(
  satelliteId: string,
  s: SampleInput,
  received: D,
  date: (at: Date) => D,
): unknown[] {
  return [
    satelliteId,
    s.seq,
    date(new Date(s.at)),
    received,
    s.cpuPct,
    s.memPct,
    s.diskPct,
    s.rxMbps,
    s.txMbps,
    s.rttMs,
    s.lossPct,
    foldServices(s.services),
    JSON.stringify(s.services),
  ];
}

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
