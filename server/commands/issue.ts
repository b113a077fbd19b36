import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { recordAudit } from "../audit";
import { personOf } from "../auth/actor";
import { authorize, type AuthorizedCtx, type Ctx } from "../auth/context";
import { refusal } from "../auth/refusal";
import { db, transaction, type Tx } from "../db";
import { AppError, parseInput } from "../errors";
import { auditQueued, DEFAULT_EXPIRY_SEC } from "./enqueue";
import { insertCommands } from "./insert";
import { auditWindows, policyGate, releaseIdOf, windowHolds } from "./gates";
import { CommandReason, liftReason } from "./reason";
import { assertResidency } from "./residency";
import { MAX_TARGETS, resolveTargets, type Resolved, type Target } from "./targets";
import { COMMAND_PAYLOADS, COMMAND_TYPES, isCommandType, type CommandType } from "./types";

export { MAX_TARGETS } from "./targets";

const overrideReason = (label: string) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z
      .string({ error: "must be text" })
      .trim()
      .min(8, "say why in at least 8 characters")
      .max(500, "must be at most 500 characters")
      .meta({ label })
      .optional(),
  );
const MAX_EXPIRY_SEC = 7 * 24 * 3600;

export const IssueCommandsInput = z.object({
  type: z
    .string({ error: "is required" })
    .refine(isCommandType, `must be one of ${COMMAND_TYPES.join(", ")}`)
    .meta({ label: "Command" }),
  payload: z.record(z.string(), z.unknown(), { error: "must be an object" }).default({}),
  target: z
    .object({
      satelliteIds: z
        .array(z.string().min(1).max(100))
        .min(1, "choose at least one satellite")
        .max(MAX_TARGETS, `at most ${MAX_TARGETS.toLocaleString("en")} satellites per request`)
        .meta({ label: "Satellites" })
        .optional(),
      // The fleet filters as the map and the Satellites list put them in the URL.
      filter: z.record(z.string(), z.unknown()).meta({ label: "Filters" }).optional(),
    })
    .refine((t) => (t.satelliteIds === undefined) !== (t.filter === undefined), {
      message: "give either satelliteIds or filter",
    })
    .meta({ label: "Satellites" }),
  reason: CommandReason,
  // Each satellite's command gets `<key>/<satellite id>`, within the 120 characters a command key may have.
  idempotencyKey: z
    .string()
    .trim()
    .min(8, "must be at least 8 characters")
    .max(90, "must be at most 90 characters")
    .regex(/^[A-Za-z0-9.:-]+$/, "use letters, digits, '.', ':' and '-'")
    .meta({ label: "Idempotency key" })
    .optional(),
  expiresInSec: z.number().int().min(30).max(MAX_EXPIRY_SEC).meta({ label: "Expires after" }).optional(),
  // The count the operator confirmed: if the selection has changed since, nothing is sent.
  expectedCount: z.number().int().min(0).optional(),
  /** Why an urgent command may change satellites outside their deployment windows (audited). */
  windowBypass: overrideReason("Window bypass reason"),
  /** Why an admin sends it to satellites violating an enforce-mode policy (audited). */
  policyOverride: overrideReason("Policy override reason"),
});
export type IssueCommandsInput = z.input<typeof IssueCommandsInput>;
type CommandPayload = z.output<(typeof COMMAND_PAYLOADS)[CommandType]>;
type IssueRequest = Omit<z.infer<typeof IssueCommandsInput>, "type" | "payload"> & {
  type: CommandType;
  payload: CommandPayload;
};

export type RegionCount = { regionId: string; count: number };

export type CommandTargetPreview = {
  type: CommandType;
  total: number;
  byRegion: RegionCount[];
  /** A few slugs, sorted, to name in the confirmation. */
  sample: string[];
  /** "satellite.cordon to 42 satellites in eu-gdpr (30), uk-gdpr (12)" */
  summary: string;
};

export type IssuedCommands = CommandTargetPreview & {
  idempotencyKey: string;
  /** Commands queued by this call; 0 when the key was already used and the earlier commands stand. */
  created: number;
  isReplay: boolean;
};

function parseRequest(input: unknown): IssueRequest {
  const request = parseInput(IssueCommandsInput, input);
  if (!isCommandType(request.type)) throw new AppError("VALIDATION", "type: is not a command type");
  const { reason, payload } = liftReason(request.reason, request.payload);
  const parsed = parseInput(COMMAND_PAYLOADS[request.type], payload, "payload.");
  return { ...request, type: request.type, reason, payload: parsed };
}

/**
 * For pages: why ctx may not command these satellites (role, a decommissioned one, region scope), or null
 * when it may. The verbs check the same rules again; this only decides what the console offers.
 */
export function commandRefusal(
  ctx: Ctx,
  satellites: readonly { slug: string; regionId: string; lifecycle: string }[],
): string | null {
  const byRole = refusal(ctx, "commands.write");
  if (byRole) return byRole.message;
  const retired = satellites.find((s) => s.lifecycle === "decommissioned");
  if (retired) return `${retired.slug} is decommissioned and takes no commands.`;
  return refusal(ctx, "commands.write", { satellites })?.message ?? null;
}

function countByRegion(targets: readonly { regionId: string }[]): RegionCount[] {
  const counts = new Map<string, number>();
  for (const t of targets) counts.set(t.regionId, (counts.get(t.regionId) ?? 0) + 1);
  return [...counts]
    .map(([regionId, count]) => ({ regionId, count }))
    .sort((a, b) => b.count - a.count || a.regionId.localeCompare(b.regionId));
}

function describe(type: CommandType, targets: readonly Target[]): CommandTargetPreview {
  const byRegion = countByRegion(targets);
  const who = targets.length === 1 ? targets[0].slug : `${targets.length.toLocaleString("en")} satellites`;
  const where = byRegion.map((r) => (targets.length === 1 ? r.regionId : `${r.regionId} (${r.count})`));
  return {
    type,
    total: targets.length,
    byRegion,
    sample: targets.slice(0, 5).map((t) => t.slug),
    summary: `${type} to ${who} in ${where.join(", ")}`,
  };
}

/** Everything but the writes: who is targeted, and whether this caller may send this there. */
async function plan(ctx: AuthorizedCtx, request: IssueRequest, now: Date, client: Tx): Promise<Resolved> {
  const resolved = await resolveTargets(client, request.target, now);
  authorize(ctx, "commands.write", { satellites: resolved.targets }, "Nothing was sent.");
  await assertResidency(client, request.type, request.payload, resolved.targets);
  return resolved;
}

/** What a request would command, for the confirmation step; refuses exactly as issueCommands would. */
export async function previewCommandTarget(
  ctx: Ctx,
  input: unknown,
  now = new Date(),
): Promise<CommandTargetPreview> {
  authorize(ctx, "commands.write");
  const request = parseRequest(input);
  return describe(request.type, (await plan(ctx, request, now, db)).targets);
}

/**
 * Sends one command to each targeted satellite (by id, or by the shared fleet filters), all or nothing, in
 * one transaction. Repeating a request with the same idempotency key queues nothing new and answers with
 * the commands the first call queued.
 */
export async function issueCommands(ctx: Ctx, input: unknown, now = new Date()): Promise<IssuedCommands> {
  authorize(ctx, "commands.write");
  const request = parseRequest(input);
  const key = request.idempotencyKey ?? randomUUID();
  return transaction(async (tx) => {
    const { targets, filter } = await plan(ctx, request, now, tx);
    const keyOf = (t: Target) => `${key}/${t.id}`;
    const earlier = await tx.command.findMany({
      where: { idempotencyKey: { in: targets.map(keyOf) } },
      select: { type: true, satelliteId: true },
    });
    if (earlier.length) {
      if (earlier.some((c) => c.type !== request.type)) {
        throw new AppError("CONFLICT", `idempotencyKey ${key} was already used for another command`, {
          fields: { idempotencyKey: "already used for another command" },
        });
      }
      const sent = new Set(earlier.map((c) => c.satelliteId));
      const replayed = describe(
        request.type,
        targets.filter((t) => sent.has(t.id)),
      );
      return { ...replayed, idempotencyKey: key, created: 0, isReplay: true };
    }
    if (request.expectedCount !== undefined && request.expectedCount !== targets.length) {
      throw new AppError(
        "CONFLICT",
        `The selection changed since you confirmed it: it now holds ${targets.length.toLocaleString("en")} satellites, not ${request.expectedCount.toLocaleString("en")}. Review it and confirm again.`,
      );
    }
    const holds = await windowHolds(tx, request.type, targets, request.windowBypass, now);
    await policyGate(
      tx,
      ctx,
      targets,
      { kind: "command", type: request.type, releaseId: releaseIdOf(request.payload) },
      { reason: request.policyOverride, targetType: "fleet", what: describe(request.type, targets).summary },
      now,
    );
    const queued = await insertCommands(
      tx,
      targets.map((t) => ({
        satelliteId: t.id,
        type: request.type,
        payload: request.payload,
        idempotencyKey: keyOf(t),
        expiresInSec: request.expiresInSec ?? DEFAULT_EXPIRY_SEC,
        issuedById: personOf(ctx.actor),
        reason: request.reason ?? null,
        notBefore: holds.get(t.id) ?? null,
        windowBypass: request.windowBypass ?? null,
      })),
      now,
    );
    const slugOf = new Map(targets.map((t) => [t.id, t.slug]));
    await auditQueued(
      tx,
      ctx,
      request,
      queued.map((c) => ({ ...c, slug: slugOf.get(c.satelliteId) ?? c.satelliteId })),
    );
    const result = describe(request.type, targets);
    await auditWindows(tx, ctx, request, result.summary, holds);
    if (targets.length > 1 || filter) {
      // One row for the decision itself: the selection as the operator made it and what they confirmed.
      await recordAudit(tx, ctx, {
        action: "command.issue-bulk",
        targetType: "fleet",
        summary: `Sent ${result.summary}${filter ? ` (filter: ${filter})` : ""}${request.reason ? `: ${request.reason}` : ""}`,
        data: {
          type: request.type,
          payload: request.payload,
          reason: request.reason ?? null,
          idempotencyKey: key,
          total: targets.length,
          byRegion: result.byRegion,
          filter,
        },
      });
    }
    return { ...result, idempotencyKey: key, created: targets.length, isReplay: false };
  });
}
