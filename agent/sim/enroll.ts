// Enrollment of one virtual satellite, and what to do when the core says no.
import type { AgentClient } from "../protocol";
import { errorMessage, retryAfterMs, statusOf } from "./errors";
import type { SiteSpec } from "./fleet";
import type { SimStats } from "./stats";

export type EnrollOutcome =
  | { kind: "enrolled"; satelliteId: string; agentToken: string; heartbeatIntervalSec: number }
  | { kind: "skip" }
  | { kind: "wait"; ms: number }
  | { kind: "retry" };

type EnrollDeps = { client: Pick<AgentClient, "enroll">; stats: SimStats; log: (message: string) => void };

export async function enrollAgent(
  spec: SiteSpec,
  stackVersion: string,
  deps: EnrollDeps,
): Promise<EnrollOutcome> {
  try {
    const answer = await deps.client.enroll({
      joinToken: spec.joinToken,
      ...(spec.satellite ? { satellite: spec.satellite } : {}),
      agentVersion: spec.agentVersion,
      stackVersion,
    });
    deps.stats.enrolled++;
    return { kind: "enrolled", ...answer };
  } catch (error) {
    const status = statusOf(error);
    deps.stats.error(status);
    if (status === 0 || status >= 500) return { kind: "retry" };
    if (status === 429) return { kind: "wait", ms: retryAfterMs(error) };
    const why =
      status === 401
        ? "join token already used, expired or unknown, and no saved agent token"
        : status === 409
          ? "slug already taken by another satellite"
          : errorMessage(error);
    deps.log(`${spec.slug}: enrollment refused (${status}): ${why}; skipping this satellite`);
    return { kind: "skip" };
  }
}
