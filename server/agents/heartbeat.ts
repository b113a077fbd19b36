import "server-only";
import { validationError } from "../errors";
import { ingestWriter } from "../ingest";
import type { IngestResult } from "../ingest/types";
import type { AgentIdentity } from "./auth";
import { heartbeatSchema } from "./schemas";

export type HeartbeatAnswer = IngestResult & { heartbeatIntervalSec: number };

/** Stores a heartbeat's samples (once per seq) and answers with the commands now delivered. */
export async function recordHeartbeat(
  agent: AgentIdentity,
  input: unknown,
  now = new Date(),
): Promise<HeartbeatAnswer> {
  const parsed = heartbeatSchema(now).safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  const result = await ingestWriter().submit({
    satelliteId: agent.satelliteId,
    intervalSec: agent.intervalSec,
    agentVersion: parsed.data.agentVersion,
    stackVersion: parsed.data.stackVersion,
    samples: parsed.data.samples,
    now,
  });
  return { ...result, heartbeatIntervalSec: agent.intervalSec };
}
