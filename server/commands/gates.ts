import "server-only";
import { WINDOW_BYPASS_TYPES, WINDOW_EXEMPT } from "@/lib/command-windows";
import { recordAudit } from "../audit";
import { mayDo, type Ctx } from "../auth/context";
import type { Tx } from "../db";
import { AppError } from "../errors";
import { describeViolations, findEnforcedViolations, type PolicyChange } from "../policies/enforce";
import { openingsFor } from "../windows/load";
import type { CommandType } from "./types";

export { WINDOW_BYPASS_TYPES, WINDOW_EXEMPT };

type Target = { id: string; slug: string };

/**
 * When each target's command may first be delivered: the satellite's next opening when it is outside its
 * deployment window or frozen, nothing when it is open. A bypass (urgent types only) holds nobody.
 */
export async function windowHolds(
  tx: Tx,
  type: CommandType,
  targets: readonly Target[],
  bypass: string | undefined,
  now: Date,
): Promise<Map<string, Date>> {
  const holds = new Map<string, Date>();
  if (WINDOW_EXEMPT.has(type)) return holds;
  if (bypass) {
    if (WINDOW_BYPASS_TYPES.has(type)) return holds;
    const message = `only urgent commands (${[...WINDOW_BYPASS_TYPES].join(", ")}) may bypass a deployment window`;
    throw new AppError("VALIDATION", `windowBypass: ${message}`, { fields: { windowBypass: message } });
  }
  const openings = await openingsFor(
    tx,
    targets.map((t) => t.id),
    now,
  );
  const never: string[] = [];
  for (const t of targets) {
    const o = openings.get(t.id);
    if (!o || o.open) continue;
    if (o.opensAt) holds.set(t.id, o.opensAt);
    else never.push(t.slug);
  }
  if (never.length > 0) {
    throw new AppError(
      "PRECONDITION_FAILED",
      `${never.slice(0, 5).join(", ")}${never.length > 5 ? ` and ${never.length - 5} more` : ""} ` +
        `${never.length === 1 ? "has" : "have"} no deployment window opening within a year; nothing was sent.`,
    );
  }
  return holds;
}

/**
 * Refuses a change that targets satellites violating an enforce-mode policy it does not fix, naming the
 * policy and the satellites, unless an admin overrides it with a reason; the override is audited.
 */
export async function policyGate(
  tx: Tx,
  ctx: Ctx,
  targets: readonly Target[],
  change: PolicyChange,
  override: { reason: string | null | undefined; targetType: string; targetId?: string | null; what: string },
  now: Date,
): Promise<void> {
  const found = await findEnforcedViolations(
    targets.map((t) => t.id),
    change,
    tx,
    now,
  );
  if (found.length === 0) return;
  const slugOf = new Map(targets.map((t) => [t.id, t.slug]));
  const words = describeViolations(found, (id) => slugOf.get(id) ?? id);
  if (!override.reason) {
    throw new AppError(
      "PRECONDITION_FAILED",
      `Refused by policy: ${words}. Fix them, leave them out, or an admin may override with a reason.`,
    );
  }
  if (!mayDo(ctx, "policies.manage")) {
    throw new AppError("FORBIDDEN", `Only an admin may override an enforced policy (${words}).`);
  }
  await recordAudit(tx, ctx, {
    action: "policy.override",
    targetType: override.targetType,
    targetId: override.targetId ?? null,
    summary: `Overrode enforced policy for ${override.what}: ${words}. Reason: ${override.reason}`,
    data: { reason: override.reason, violations: found },
  });
}

/** Enforced violations for a preview, in words, without refusing: empty when there are none. */
export async function policyWarnings(
  tx: Tx,
  targets: readonly Target[],
  change: PolicyChange,
  now: Date,
): Promise<string[]> {
  const found = await findEnforcedViolations(
    targets.map((t) => t.id),
    change,
    tx,
    now,
  );
  if (found.length === 0) return [];
  const slugOf = new Map(targets.map((t) => [t.id, t.slug]));
  return [`Refused by policy: ${describeViolations(found, (id) => slugOf.get(id) ?? id)}.`];
}

/** One audit row for a command held for windows or sent past them, with the reason and who is held. */
export async function auditWindows(
  tx: Tx,
  ctx: Ctx,
  request: { type: string; windowBypass?: string },
  summary: string,
  holds: ReadonlyMap<string, Date>,
): Promise<void> {
  if (request.windowBypass) {
    await recordAudit(tx, ctx, {
      action: "command.window-bypass",
      targetType: "fleet",
      summary: `Sent ${summary} outside deployment windows. Reason: ${request.windowBypass}`,
      data: { type: request.type, reason: request.windowBypass },
    });
  } else if (holds.size > 0) {
    const first = Math.min(...[...holds.values()].map((d) => d.getTime()));
    await recordAudit(tx, ctx, {
      action: "command.window-hold",
      targetType: "fleet",
      summary: `Held ${request.type} for ${holds.size} satellite${holds.size === 1 ? "" : "s"} until their deployment window opens (the first ${new Date(first).toISOString()})`,
      data: { type: request.type, holds: Object.fromEntries(holds) },
    });
  }
}

/** The release a command carries, for the policy check: an upgrade to a certified release fixes residency. */
export function releaseIdOf(payload: unknown): string | undefined {
  const id = (payload as { releaseId?: unknown } | null)?.releaseId;
  return typeof id === "string" ? id : undefined;
}
