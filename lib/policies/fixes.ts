import { releaseAllowedIn } from "../residency";
import type { RuleKind } from "./kinds";

// Enforce mode: which changes may still go to a satellite in violation. A change passes when it fixes the
// violation, or when it cannot make the satellite's posture worse (containment and read-only commands).

export type PolicyChange =
  { kind: "rollout"; releaseId: string } | { kind: "command"; type: string; releaseId?: string };

/** Commands that change nothing a policy judges: they contain or inspect a satellite, so never blocked. */
export const NEUTRAL_COMMANDS: ReadonlySet<string> = new Set([
  "satellite.cordon",
  "satellite.maintenance",
  "diagnostics.run",
  "agent.rotate-credentials",
]);

/** Commands that carry a release onto the satellite (the residency check has already refused uncertified ones). */
const RELEASE_COMMANDS: ReadonlySet<string> = new Set(["stack.upgrade", "stack.rollback"]);
/** Commands that upgrade the agent itself, fixing an agent-version violation. */
const AGENT_UPGRADE_COMMANDS: ReadonlySet<string> = new Set(["agent.upgrade"]);

/**
 * Whether `change` fixes a violation of a rule of `kind` on a satellite in `regionId`. `release` is the
 * release the change carries, when it carries one (its certified regions).
 */
export function changeFixes(
  kind: RuleKind,
  change: PolicyChange,
  regionId: string,
  release: { certifiedRegionIds: readonly string[] } | null,
): boolean {
  if (change.kind === "command" && NEUTRAL_COMMANDS.has(change.type)) return true;
  switch (kind) {
    case "release-residency":
      if (change.kind === "command" && !RELEASE_COMMANDS.has(change.type)) return false;
      // A stack.upgrade passed the command residency check already; a rollback only with a named release.
      return release
        ? releaseAllowedIn(release, regionId)
        : change.kind === "command" && change.type === "stack.upgrade";
    case "min-agent-version":
      return change.kind === "command" && AGENT_UPGRADE_COMMANDS.has(change.type);
    default:
      return false;
  }
}
