import "server-only";
import { z } from "zod";
import { isRuleKind, MODES, parseParams, RULE_KINDS, SEVERITIES } from "@/lib/policies/kinds";
import { scopeSchema } from "@/lib/policies/scope";
import { recordAudit } from "../audit";
import { personOf } from "../auth/actor";
import { authorize, type Ctx } from "../auth/context";
import { conflictOnUnique, transaction, type Prisma, type Tx } from "../db";
import { AppError, parseInput, validationError } from "../errors";

// Policies are versioned: a change writes a new PolicyVersion and moves currentVersion, never editing a
// version in place, so every result and report can name the rule it was judged by.

const fields = {
  name: z.string().trim().min(1).max(120).meta({ label: "Name" }),
  description: z.string().trim().max(2000).meta({ label: "Description" }),
  kind: z.enum(RULE_KINDS as [string, ...string[]]).meta({ label: "Rule" }),
  params: z.record(z.string(), z.unknown()).meta({ label: "Parameters" }),
  scope: scopeSchema.meta({ label: "Scope" }),
  severity: z.enum(SEVERITIES).meta({ label: "Severity" }),
  mode: z.enum(MODES).meta({ label: "Mode" }),
  frameworks: z.array(z.string().trim().min(1).max(80)).max(20).meta({ label: "Frameworks" }),
};

export const CreatePolicyInput = z
  .object({
    id: z
      .string()
      .trim()
      .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, "use lower-case letters, digits and dashes")
      .meta({ label: "Id" }),
    ...fields,
    description: fields.description.default(""),
    params: fields.params.default({}),
    scope: fields.scope.default({ all: true }),
    mode: fields.mode.default("audit"),
    frameworks: fields.frameworks.default([]),
  })
  .strict();
export type CreatePolicyInput = z.input<typeof CreatePolicyInput>;

export const UpdatePolicyInput = z.object(fields).partial().strict();
export type UpdatePolicyInput = z.input<typeof UpdatePolicyInput>;

type VersionData = z.output<typeof UpdatePolicyInput> &
  Required<Pick<z.output<typeof UpdatePolicyInput>, "kind" | "params">>;

/** The kind's own schema for its parameters, answering with fields under "params.". */
function checkedParams(kind: string, params: unknown): Prisma.InputJsonValue {
  if (!isRuleKind(kind))
    throw new AppError("VALIDATION", "kind: unknown rule", { fields: { kind: "unknown rule" } });
  const parsed = parseParams(kind, params);
  if (!parsed.success) throw validationError(parsed.error, "params.");
  return parsed.data as Prisma.InputJsonValue;
}

function versionRow(data: VersionData, ctx: Ctx) {
  return {
    name: data.name!,
    description: data.description ?? "",
    kind: data.kind,
    params: checkedParams(data.kind, data.params),
    scope: data.scope as Prisma.InputJsonValue,
    severity: data.severity!,
    mode: data.mode!,
    frameworks: [...new Set(data.frameworks ?? [])],
    createdById: personOf(ctx.actor),
  };
}

export async function createPolicy(ctx: Ctx, input: unknown): Promise<{ id: string; version: number }> {
  authorize(ctx, "policies.manage");
  const data = parseInput(CreatePolicyInput, input ?? {});
  const version = versionRow(data, ctx);
  return transaction(async (tx) => {
    try {
      await tx.policy.create({
        data: { id: data.id, currentVersion: 1, versions: { create: { version: 1, ...version } } },
      });
    } catch (error) {
      conflictOnUnique(error, { id: `A policy ${data.id} already exists.` });
    }
    await recordAudit(tx, ctx, {
      action: "policy.create",
      targetType: "policy",
      targetId: data.id,
      summary: `Created policy ${version.name} (${data.kind}, ${version.mode})`,
      data: { version: 1, ...version, createdById: undefined },
    });
    return { id: data.id, version: 1 };
  });
}

async function current(tx: Tx, id: string) {
  const policy = await tx.policy.findUnique({ where: { id } });
  if (!policy) throw new AppError("NOT_FOUND", `No policy ${id}.`);
  const version = await tx.policyVersion.findUniqueOrThrow({
    where: { policyId_version: { policyId: id, version: policy.currentVersion } },
  });
  return { policy, version };
}

/** Writes the next version from the current one and the changed fields; an unchanged input writes nothing. */
export async function updatePolicy(
  ctx: Ctx,
  id: string,
  input: unknown,
): Promise<{ id: string; version: number; changed: boolean }> {
  authorize(ctx, "policies.manage");
  const changes = parseInput(UpdatePolicyInput, input ?? {});
  return transaction(async (tx) => {
    const { policy, version } = await current(tx, id);
    if (policy.archivedAt)
      throw new AppError("CONFLICT", `Policy ${id} is archived; it can no longer change.`);
    const merged: VersionData = {
      name: version.name,
      description: version.description,
      kind: version.kind,
      params: version.params as Record<string, unknown>,
      scope: version.scope as z.output<typeof scopeSchema>,
      severity: version.severity,
      mode: version.mode,
      frameworks: version.frameworks as string[],
      ...changes,
    };
    // A new kind starts from its own parameters, not the old kind's.
    if (changes.kind && changes.kind !== version.kind && !changes.params) merged.params = {};
    const next = versionRow(merged, ctx);
    const before = { ...version, createdById: null, createdAt: null, policyId: null, version: null };
    const after = { ...next, createdById: null };
    const keys = [
      "name",
      "description",
      "kind",
      "params",
      "scope",
      "severity",
      "mode",
      "frameworks",
    ] as const;
    const diff = keys.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
    if (diff.length === 0) return { id, version: policy.currentVersion, changed: false };
    const number = policy.currentVersion + 1;
    await tx.policyVersion.create({ data: { policyId: id, version: number, ...next } });
    await tx.policy.update({ where: { id }, data: { currentVersion: number } });
    await recordAudit(tx, ctx, {
      action: "policy.update",
      targetType: "policy",
      targetId: id,
      summary: `Changed policy ${next.name} (version ${number}): ${diff.join(", ")}`,
      data: {
        version: number,
        changed: diff,
        before: pick(before, diff),
        after: pick(after, diff),
      } as Prisma.InputJsonValue,
    });
    return { id, version: number, changed: true };
  });
}

function pick(row: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, row[k]]));
}

/** Retires a policy: it is no longer evaluated, and its results leave the posture on the next pass. */
export async function archivePolicy(ctx: Ctx, id: string, now = new Date()): Promise<void> {
  authorize(ctx, "policies.manage");
  await transaction(async (tx) => {
    const { policy, version } = await current(tx, id);
    if (policy.archivedAt) throw new AppError("CONFLICT", `Policy ${id} is already archived.`);
    await tx.policy.update({ where: { id }, data: { archivedAt: now } });
    await recordAudit(tx, ctx, {
      action: "policy.archive",
      targetType: "policy",
      targetId: id,
      summary: `Archived policy ${version.name}`,
      data: { version: policy.currentVersion },
    });
  });
}
