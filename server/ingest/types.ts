import type { SampleInput } from "../agents/schemas";

export type IngestJob = {
  satelliteId: string;
  intervalSec: number;
  agentVersion: string;
  stackVersion: string;
  samples: SampleInput[];
  now: Date;
};

export type DeliveredCommand = {
  id: string;
  type: string;
  payload: unknown;
  idempotencyKey: string;
  issuedAt: string;
  expiresAt: string;
};

export type IngestResult = {
  accepted: number;
  duplicates: number;
  lastSeq: number;
  commands: DeliveredCommand[];
};

export interface IngestWriter {
  /** Resolves once the job's samples and satellite update are committed. */
  submit(job: IngestJob): Promise<IngestResult>;
  close(): Promise<void>;
}

/** How long a flush waits for more heartbeats to share its commit, and the most samples it takes. */
export const FLUSH_WINDOW_MS = 3;
export const FLUSH_MAX_SAMPLES = 1000;
