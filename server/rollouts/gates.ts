import "server-only";
import { formatSeconds } from "@/lib/format";
import { recordAudit } from "../audit";
import { mayDo, type Ctx } from "../auth/context";
import type { Db, Tx } from "../db";
import { AppError } from "../errors";
import { loadEnabledWindows, openingsFor } from "../windows/load";
import type { Plan } from "./make-plan";

export type WindowEstimate = {
  /** Each wave's estimate with the time its satellites wait for their windows. */
  estimates: number[];
  /** Of which waiting, per wave. */
  waits: number[];
  /** In words, for the preview. */
  notes: string[];
};

/**
 * The plan's estimates with deployment windows: each wave starts when the one before is estimated to end,
 * and lasts at least until its last satellite's window opens plus its own estimate. An estimate, not a
 * schedule: a window closing mid-wave is not modelled.
 */
export async function estimateWithWindows(client: Db | Tx, plan: Plan, now: Date): Promise<WindowEstimate> {
  const none = { estimates: plan.estimates, waits: plan.estimates.map(() => 0), notes: [] };
  if (plan.input.windowBypass) {
    return { ...none, notes: ["Deployment windows are bypassed: every wave goes ahead at once."] };
  }
  const windows = await loadEnabledWindows(client);
  if (windows.length === 0) return none;
  const estimates: number[] = [];
  const waits: number[] = [];
  const notes: string[] = [];
  let start = now.getTime();
  for (const [i, wave] of plan.waves.entries()) {
    const openings = await openingsFor(client, wave.satelliteIds, new Date(start), windows);
    let latest = start;
    let waiting = 0;
    for (const o of openings.values()) {
      if (o.open) continue;
      waiting++;
      // Never within the horizon: counted as a year, and said so.
      latest = Math.max(latest, o.opensAt?.getTime() ?? start + 366 * 86_400_000);
    }
    const wait = Math.ceil((latest - start) / 60_000);
    if (waiting > 0) {
      const label = wave.label;
      notes.push(
        `${waiting} of ${wave.satelliteIds.length} satellites in ${label} wait for their deployment window, up to ${formatSeconds(wait * 60)}.`,
      );
    }
    estimates.push(plan.estimates[i] + wait);
    waits.push(wait);
    start += (plan.estimates[i] + wait) * 60_000;
  }
  return { estimates, waits, notes };
}

/** Only an admin (rollouts.approve) may let a rollout change satellites outside their windows. */
export function assertMayBypassWindows(ctx: Ctx, reason: string | undefined): void {
  if (reason && !mayDo(ctx, "rollouts.approve")) {
    throw new AppError("FORBIDDEN", "Only an admin may let a rollout bypass deployment windows.", {
      fields: { windowBypass: "only an admin may bypass deployment windows" },
    });
  }
}

export async function auditWindowBypass(
  tx: Tx,
  ctx: Ctx,
  rollout: { id: string; name: string },
  reason: string | undefined,
): Promise<void> {
  if (!reason) return;
  await recordAudit(tx, ctx, {
    action: "rollout.window-bypass",
    targetType: "rollout",
    targetId: rollout.id,
    summary: `Let "${rollout.name}" change satellites outside their deployment windows. Reason: ${reason}`,
    data: { reason },
  });
}
