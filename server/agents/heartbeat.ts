import "server-only";
import { AppError, validationError } from "../errors";
import { ingestWriter } from "../ingest";
import type { IngestResult } from "../ingest/types";
import type { AgentIdentity } from "./auth";
import { ROTATE_COMMAND, withRotatedToken } from "./rotation";
import { HeartbeatInput, sampleTimeErrors } from "./schemas";

export type HeartbeatAnswer = IngestResult & { heartbeatIntervalSec: number };

/** Stores a heartbeat's samples (once per seq) and answers with the commands now delivered. */
export async function recordHeartbeat(
  agent: AgentIdentity,
  input: unknown,
  now = new Date(),
): Promise<HeartbeatAnswer> {
  const parsed = HeartbeatInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  const timeErrors = sampleTimeErrors(parsed.data.samples, now);
  const first = Object.keys(timeErrors)[0];
  if (first) throw new AppError("VALIDATION", `${first}: ${timeErrors[first]}`, { fields: timeErrors });
  const result = await ingestWriter().submit({
    satelliteId: agent.satelliteId,
    intervalSec: agent.intervalSec,
    agentVersion: parsed.data.agentVersion,
    stackVersion: parsed.data.stackVersion,
    samples: parsed.data.samples,
    now,
  });
  // Minted after the commit that delivered the command: if this fails, the answer fails too, and the
  // command is delivered again once its lease lapses.
  const commands = await Promise.all(
    result.commands.map((c) => (c.type === ROTATE_COMMAND ? withRotatedToken(agent, c, now) : c)),
  );
  return { ...result, commands, heartbeatIntervalSec: agent.intervalSec };
}
