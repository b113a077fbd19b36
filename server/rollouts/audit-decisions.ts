import "server-only";
import { recordAudit } from "../audit";
import { systemActor } from "../auth/context";
import type { Tx } from "../db";
import { nameSome } from "./holds";
import type { LoadedRollout } from "./load";
import type { Decision } from "./types";

/**
 * The system's audit rows for what the engine decided: waves opening or skipped, approval requests, pauses
 * by the gate, completion (with the satellites left behind) and the end of a rollback. Per-target outcomes are audited by the agents' acks.
 */
export async function auditDecisions(
  tx: Tx,
  { row }: LoadedRollout,
  decisions: readonly Decision[],
): Promise<void> {
  const base = { targetType: "rollout", targetId: row.id } as const;
  const waveLabel = (index: number) => {
    const wave = row.waves.find((w) => w.index === index);
    return `wave ${index}${wave ? ` (${wave.label})` : ""}`;
  };
  for (const d of decisions) {
    switch (d.type) {
      case "start_wave":
        await recordAudit(tx, systemActor, {
          ...base,
          action: "rollout.wave-start",
          summary: `Started ${waveLabel(d.wave)} of "${row.name}"`,
        });
        break;
      case "request_approval":
        await recordAudit(tx, systemActor, {
          ...base,
          action: "rollout.approval-requested",
          summary: `"${row.name}" waits for an admin to approve ${waveLabel(d.wave)}`,
        });
        break;
      case "pause":
        await recordAudit(tx, systemActor, {
          ...base,
          action: "rollout.pause",
          summary: `Paused "${row.name}" by itself: ${d.reason}`,
          data: { wave: d.wave, reason: d.reason },
        });
        break;
      case "complete":
        await recordAudit(tx, systemActor, {
          ...base,
          action: "rollout.complete",
          summary: d.leftBehind
            ? `Completed "${row.name}" with exceptions: ${row.release.version} rolled out, ${d.leftBehind} satellite${d.leftBehind === 1 ? "" : "s"} left behind`
            : `Completed "${row.name}": ${row.release.version} rolled out`,
          data: { leftBehind: d.leftBehind },
        });
        break;
      case "skip_wave":
        await recordAudit(tx, systemActor, {
          ...base,
          action: "rollout.wave-skipped",
          summary: `Skipped ${waveLabel(d.wave)} of "${row.name}": none of its satellites upgraded`,
          data: { wave: d.wave },
        });
        break;
      case "finish_rollback": {
        const failed = d.notRolledBack.length;
        const slugOf = new Map(row.targets.map((t) => [t.satelliteId, t.satellite.slug]));
        await recordAudit(tx, systemActor, {
          ...base,
          action: "rollout.rolled-back",
          summary:
            `Rolled "${row.name}" back: ${d.rolledBack} satellites returned to their previous version` +
            (failed
              ? `, ${failed} did not: ${nameSome(d.notRolledBack.map((n) => `${slugOf.get(n.satelliteId) ?? n.satelliteId}: ${n.reason}`))}`
              : ""),
          data: { rolledBack: d.rolledBack, notRolledBack: d.notRolledBack },
        });
        break;
      }
      default:
        break;
    }
  }
}
