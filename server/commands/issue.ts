import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { FLEET_FILTER_KEYS } from "@/lib/fleet-map";
import { recordAudit } from "../audit";
import { personOf } from "../auth/actor";
import { authorize, type AuthorizedCtx, type Ctx } from "../auth/context";
import { refusal } from "../auth/refusal";
import { db, transaction, type Tx } from "../db";
import { AppError, validationError } from "../errors";
import { satelliteWhere } from "../satellites/list";
import { SatelliteQuery } from "../satellites/schemas";
import { auditQueued, DEFAULT_EXPIRY_SEC } from "./enqueue";
import { insertCommands } from "./insert";
import { assertResidency } from "./residency";
import { COMMAND_PAYLOADS, COMMAND_TYPES, isCommandType, type CommandType } from "./types";

/** The most satellites one request may command: beyond it, a rollout with waves is the right tool. */
export const MAX_TARGETS = 5000;
const FILTER_KEYS: readonly string[] = [...FLEET_FILTER_KEYS, "lifecycle"];
const MAX_EXPIRY_SEC = 7 * 24 * 3600;

export const IssueCommandsInput = z.object({
  type: z
    .string({ error: "is required" })
    .refine(isCommandType, `must be one of ${COMMAND_TYPES.join(", ")}`),
  payload: z.record(z.string(), z.unknown(), { error: "must be an object" }).default({}),
  target: z
    .object({
      satelliteIds: z
        .array(z.string().min(1).max(100))
        .min(1, "choose at least one satellite")
        .max(MAX_TARGETS, `at most ${MAX_TARGETS.toLocaleString("en")} satellites per request`)
        .optional(),
      // The fleet filters as the map and the Satellites list put them in the URL.
      filter: z.record(z.string(), z.unknown()).optional(),
    })
    .refine((t) => (t.satelliteIds === undefined) !== (t.filter === undefined), {
      message: "give either satelliteIds or filter",
    }),
  // Each satellite's command gets `<key>/<satellite id>`, within the 120 characters a command key may have.
  idempotencyKey: z
    .string()
    .trim()
    .min(8, "must be at least 8 characters")
    .max(90, "must be at most 90 characters")
    .regex(/^[A-Za-z0-9.:-]+$/, "use letters, digits, '.', ':' and '-'")
    .optional(),
  expiresInSec: z.number().int().min(30).max(MAX_EXPIRY_SEC).optional(),
  // The count the operator confirmed: if the selection has changed since, nothing is sent.
  expectedCount: z.number().int().min(0).optional(),
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

type Target = { id: string; slug: string; regionId: string; lifecycle: string };
/** The satellites a request resolved to; `filter` is the filter as given, "region=eu-gdpr&kind=edge". */
type Resolved = { targets: Target[]; filter: string | null };

function parseRequest(input: unknown): IssueRequest {
  const parsed = IssueCommandsInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  const request = parsed.data;
  if (!isCommandType(request.type)) throw new AppError("VALIDATION", "type: is not a command type");
  const payload = COMMAND_PAYLOADS[request.type].safeParse(request.payload);
  if (!payload.success) throw validationError(payload.error, "payload.");
  return { ...request, type: request.type, payload: payload.data };
}

async function resolveTargets(client: Tx, target: IssueRequest["target"], now: Date): Promise<Resolved> {
  const select = { id: true, slug: true, regionId: true, lifecycle: true } as const;
  if (target.satelliteIds) {
    const ids = [...new Set(target.satelliteIds)];
    const rows = await client.satellite.findMany({ where: { id: { in: ids } }, select });
    const missing = ids.filter((id) => !rows.some((r) => r.id === id));
    if (missing.length) {
      const message = `no satellite ${missing.slice(0, 5).join(", ")}${missing.length > 5 ? ` and ${missing.length - 5} more` : ""}`;
      throw new AppError("NOT_FOUND", `target.satelliteIds: ${message}`, {
        fields: { "target.satelliteIds": message },
      });
    }
    const retired = rows.filter((r) => r.lifecycle === "decommissioned").map((r) => r.slug);
    if (retired.length) {
      const who = retired.length === 1 ? `${retired[0]} is` : `${retired.length} of these satellites are`;
      throw new AppError(
        "PRECONDITION_FAILED",
        `${who} decommissioned and take${retired.length === 1 ? "s" : ""} no commands${retired.length > 1 ? ` (${retired.slice(0, 5).join(", ")})` : ""}.`,
      );
    }
    return { targets: rows.sort((a, b) => a.slug.localeCompare(b.slug)), filter: null };
  }
  const raw = Object.fromEntries(
    Object.entries(target.filter ?? {}).filter(([k, v]) => FILTER_KEYS.includes(k) && v !== "" && v != null),
  );
  const query = SatelliteQuery.safeParse(raw);
  if (!query.success) throw validationError(query.error, "target.filter.");
  // A decommissioned satellite takes no commands, whatever the lifecycle filter says.
  const where = { AND: [satelliteWhere(query.data, now), { lifecycle: { not: "decommissioned" as const } }] };
  const rows = await client.satellite.findMany({
    where,
    select,
    orderBy: { slug: "asc" },
    take: MAX_TARGETS + 1,
  });
  if (rows.length > MAX_TARGETS) {
    const total = await client.satellite.count({ where });
    throw new AppError(
      "VALIDATION",
      `These filters match ${total.toLocaleString("en")} satellites; one request may command at most ${MAX_TARGETS.toLocaleString("en")}. Narrow the filters, or use a rollout.`,
      { fields: { target: `matches ${total.toLocaleString("en")} satellites` } },
    );
  }
  if (rows.length === 0) {
    throw new AppError("PRECONDITION_FAILED", "No satellite that can take commands matches these filters.", {
      fields: { target: "matches no satellite" },
    });
  }
  const filter = Object.entries(raw)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(",") : String(v)}`)
    .join("&");
  return { targets: rows, filter: filter || "the whole fleet" };
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
    const queued = await insertCommands(
      tx,
      targets.map((t) => ({
        satelliteId: t.id,
        type: request.type,
        payload: request.payload,
        idempotencyKey: keyOf(t),
        expiresInSec: request.expiresInSec ?? DEFAULT_EXPIRY_SEC,
        issuedById: personOf(ctx.actor),
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
    if (targets.length > 1 || filter) {
      // One row for the decision itself: the selection as the operator made it and what they confirmed.
      await recordAudit(tx, ctx, {
        action: "command.issue-bulk",
        targetType: "fleet",
        summary: `Sent ${result.summary}${filter ? ` (filter: ${filter})` : ""}`,
        data: {
          type: request.type,
          payload: request.payload,
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
