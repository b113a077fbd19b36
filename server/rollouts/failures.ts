// Why a rollout target did not upgrade, and whether trying again can change that: one pure decision, asked
// by the engine's resume, the resume dialog and the "left behind" list of a rollout that finished.
import { UNDELIVERABLE_MESSAGE, type CommandState } from "../commands/lifecycle";
import type { TargetState } from "./types";

export type FailureVerdict = {
  /** A retry can succeed: the agent never had (or never finished answering) the upgrade. */
  isRetryable: boolean;
  /** In a person's words, for the dialog and the list. */
  reason: string;
};

export type FailedUpgrade = {
  /** The upgrade command's state; null once the command row is gone. */
  commandState: CommandState | null;
  commandMessage?: string | null;
  /** How often the command was handed to the agent: an expired one never delivered means offline. */
  commandDeliveries?: number | null;
};

/**
 * Retry only what a retry can change: an upgrade that timed out or expired, or that the agent never
 * answered (offline or stale), or whose command vanished. A failure the agent reported itself (a failed
 * health check, a bad download) and a cancelled upgrade happen the same way again: those are skipped.
 */
export function classifyFailure(t: FailedUpgrade): FailureVerdict {
  const message = t.commandMessage?.trim() ?? "";
  switch (t.commandState) {
    case null:
      return { isRetryable: true, reason: "the upgrade command no longer exists" };
    case "expired":
      return (t.commandDeliveries ?? 0) === 0
        ? { isRetryable: true, reason: "agent offline: the upgrade was never delivered before it expired" }
        : { isRetryable: true, reason: "timed out: the agent took the upgrade but never confirmed it" };
    case "failed":
      if (message === UNDELIVERABLE_MESSAGE) {
        return { isRetryable: true, reason: `agent stale or offline: ${UNDELIVERABLE_MESSAGE}` };
      }
      return {
        isRetryable: false,
        reason: message ? `the agent reported: ${message}` : "the agent reported a failure",
      };
    case "cancelled":
      return {
        isRetryable: false,
        reason: message ? `the upgrade was ${message}` : "the upgrade was cancelled",
      };
    default:
      // Not a failure (queued, delivered, running, succeeded): nothing to retry yet.
      return { isRetryable: false, reason: `the upgrade is ${t.commandState}` };
  }
}

export type LeftBehindTarget = FailedUpgrade & {
  state: TargetState;
  /** Why it was set aside: "skipped by Ada: …" for a skip. */
  excludedReason?: string | null;
};

/**
 * Why a satellite of a finished rollout is not on the release: its failure, who skipped it, or that it
 * was never upgraded. null for targets that are not left behind (upgraded, or excluded by planning).
 */
export function leftBehindReason(t: LeftBehindTarget): string | null {
  switch (t.state) {
    case "succeeded":
    case "excluded":
    case "rolled_back":
      return null;
    case "failed":
      return classifyFailure(t).reason;
    case "skipped":
      return t.excludedReason ?? `skipped (${classifyFailure(t).reason})`;
    case "pending":
    case "upgrading":
      return "not upgraded before the rollout ended";
  }
}
