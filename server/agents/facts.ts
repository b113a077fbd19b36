import "server-only";
import { db } from "../db";
import { AppError, validationError } from "../errors";
import type { AgentIdentity } from "./auth";
import { FactsInput, factsTimeErrors } from "./facts-schema";

/** How often an agent should report its facts, and the least time between two stored reports. */
export const FACTS_REPORT_INTERVAL_SEC = 3600;
export const FACTS_MIN_STORE_INTERVAL_SEC = 50 * 60;
const MIN_RETRY_SEC = 60;

export type FactsAnswer = {
  /** Whether this report was stored; a report sooner than 50 min after the stored one is not. */
  stored: boolean;
  /** When the facts the core holds were reported. */
  reportedAt: string;
  /** When to report next, in seconds from now. */
  nextReportSec: number;
};

/**
 * Stores an agent's host facts for its own satellite, at most once per 50 minutes: facts change slowly and
 * policies are re-evaluated when they change, so a chatty or restarting agent must not churn the row.
 */
export async function recordFacts(
  agent: AgentIdentity,
  input: unknown,
  now = new Date(),
): Promise<FactsAnswer> {
  const parsed = FactsInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  const timeErrors = factsTimeErrors(parsed.data, now);
  const first = Object.keys(timeErrors)[0];
  if (first) throw new AppError("VALIDATION", `${first}: ${timeErrors[first]}`, { fields: timeErrors });

  const held = await db.satelliteFacts.findUnique({
    where: { satelliteId: agent.satelliteId },
    select: { reportedAt: true },
  });
  const sinceSec = held ? (now.getTime() - held.reportedAt.getTime()) / 1000 : Infinity;
  // A clock stepped back makes `sinceSec` negative: store, or the row would be frozen until it catches up.
  if (held && sinceSec >= 0 && sinceSec < FACTS_MIN_STORE_INTERVAL_SEC) {
    const wait = Math.ceil(FACTS_MIN_STORE_INTERVAL_SEC - sinceSec);
    return {
      stored: false,
      reportedAt: held.reportedAt.toISOString(),
      nextReportSec: Math.max(MIN_RETRY_SEC, wait),
    };
  }
  const f = parsed.data;
  // Every column is written, so a fact the agent no longer knows goes back to unknown.
  const data = {
    osName: f.osName ?? null,
    osVersion: f.osVersion ?? null,
    kernel: f.kernel ?? null,
    agentVersion: f.agentVersion,
    diskEncrypted: f.diskEncrypted ?? null,
    timeSynced: f.timeSynced ?? null,
    clockOffsetMs: f.clockOffsetMs ?? null,
    fipsEnabled: f.fipsEnabled ?? null,
    pendingSecurityUpdates: f.pendingSecurityUpdates ?? null,
    lastBackupAt: f.lastBackupAt ? new Date(f.lastBackupAt) : null,
    reportedAt: now,
  };
  await db.satelliteFacts.upsert({
    where: { satelliteId: agent.satelliteId },
    create: { satelliteId: agent.satelliteId, ...data },
    update: data,
  });
  return { stored: true, reportedAt: now.toISOString(), nextReportSec: FACTS_REPORT_INTERVAL_SEC };
}
