// What a failed heartbeat means for the samples it carried.
import { statusOf } from "./errors";

export type HeartbeatFailure =
  /** Network error or 5xx: keep the samples, try again next beat. */
  | "retry-next-beat"
  /** 429: keep the samples, wait as long as Retry-After says. */
  | "rate-limited"
  /** 401: the agent token is no good; this agent stops. */
  | "revoked"
  /** 413: the batch was too big; send smaller ones. */
  | "shrink-batch"
  /** Other 4xx: the samples will never be accepted; drop them rather than block every later one. */
  | "drop-batch";

export function classifyHeartbeatError(error: unknown, batchSize: number): HeartbeatFailure {
  const status = statusOf(error);
  if (status === 0 || status >= 500) return "retry-next-beat";
  if (status === 429) return "rate-limited";
  if (status === 401) return "revoked";
  if (status === 413 && batchSize > 1) return "shrink-batch";
  return "drop-batch";
}
