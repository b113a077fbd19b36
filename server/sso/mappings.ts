import "server-only";
import { z } from "zod";
import { recordAudit } from "../audit";
import { authorize, type Ctx } from "../auth/context";
import { ROLES, type Role } from "../auth/policy";
import { conflictOnUnique, db, transaction, type Tx } from "../db";
import { AppError, parseInput } from "../errors";
import type { GroupGrant } from "./access";
import { ssoProviders } from "./providers";

export type SsoMappingView = {
  id: string;
  provider: string;
  group: string;
  role: Role;
  /** Empty: every region. */
  regionIds: string[];
  updatedAt: string;
};

const regionIds = z.preprocess(
  (v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.string().trim().min(1).max(40)).max(50),
);

const MappingFields = {
  provider: z.string().trim().min(1, "is required").max(32),
  group: z.string().trim().min(1, "is required").max(200),
  role: z.enum(ROLES, { error: `must be one of ${ROLES.join(", ")}` }),
  regionIds,
};
export const CreateSsoMappingInput = z.object(MappingFields);
export type CreateSsoMappingInput = z.infer<typeof CreateSsoMappingInput>;
export const UpdateSsoMappingInput = z.object({ id: z.string().min(1).max(40), ...MappingFields });
export const DeleteSsoMappingInput = z.object({ id: z.string().min(1).max(40) });

const include = { regionScope: { select: { regionId: true } } } as const;
type Row = Awaited<ReturnType<typeof db.ssoGroupMapping.findFirstOrThrow<{ include: typeof include }>>>;

function toView(m: Row): SsoMappingView {
  return {
    id: m.id,
    provider: m.provider,
    group: m.group,
    role: m.role,
    regionIds: m.regionScope.map((r) => r.regionId).sort(),
    updatedAt: m.updatedAt.toISOString(),
  };
}

const describe = (m: { provider: string; group: string; role: Role; regionIds: string[] }) =>
  `${m.provider} group ${m.group} → ${m.role}${m.regionIds.length ? ` in ${m.regionIds.join(", ")}` : ""}`;

async function check(tx: Tx, input: CreateSsoMappingInput): Promise<void> {
  if (!ssoProviders().some((p) => p.id === input.provider)) {
    const message = `is not a configured provider (${
      ssoProviders()
        .map((p) => p.id)
        .join(", ") || "none"
    })`;
    throw new AppError("VALIDATION", `provider: ${message}`, { fields: { provider: message } });
  }
  const found = await tx.complianceRegion.findMany({
    where: { id: { in: input.regionIds } },
    select: { id: true },
  });
  const missing = input.regionIds.filter((id) => !found.some((f) => f.id === id));
  if (missing.length) {
    const message = `names unknown regions: ${missing.join(", ")}`;
    throw new AppError("VALIDATION", `regionIds: ${message}`, { fields: { regionIds: message } });
  }
}

const duplicate = (input: { provider: string; group: string }) => ({
  group: `group: ${input.group} is already mapped for ${input.provider}`,
});

export async function listSsoMappings(ctx: Ctx): Promise<SsoMappingView[]> {
  authorize(ctx, "users.manage");
  const rows = await db.ssoGroupMapping.findMany({
    include,
    orderBy: [{ provider: "asc" }, { group: "asc" }],
  });
  return rows.map(toView);
}

export async function createSsoMapping(ctx: Ctx, input: unknown): Promise<SsoMappingView> {
  authorize(ctx, "users.manage");
  const data = parseInput(CreateSsoMappingInput, input);
  return transaction(async (tx) => {
    await check(tx, data);
    try {
      const row = await tx.ssoGroupMapping.create({
        data: {
          provider: data.provider,
          group: data.group,
          role: data.role,
          regionScope: { create: data.regionIds.map((regionId) => ({ regionId })) },
        },
        include,
      });
      await recordAudit(tx, ctx, {
        action: "sso-mapping.create",
        targetType: "sso-mapping",
        targetId: row.id,
        summary: `Mapped ${describe(data)}`,
      });
      return toView(row);
    } catch (error) {
      conflictOnUnique(error, duplicate(data));
    }
  });
}

export async function updateSsoMapping(ctx: Ctx, input: unknown): Promise<SsoMappingView> {
  authorize(ctx, "users.manage");
  const data = parseInput(UpdateSsoMappingInput, input);
  return transaction(async (tx) => {
    const before = await tx.ssoGroupMapping.findUnique({ where: { id: data.id }, include });
    if (!before) throw new AppError("NOT_FOUND", "No such group mapping.");
    await check(tx, data);
    try {
      await tx.ssoGroupMappingRegion.deleteMany({ where: { mappingId: data.id } });
      const row = await tx.ssoGroupMapping.update({
        where: { id: data.id },
        data: {
          provider: data.provider,
          group: data.group,
          role: data.role,
          regionScope: { create: data.regionIds.map((regionId) => ({ regionId })) },
        },
        include,
      });
      await recordAudit(tx, ctx, {
        action: "sso-mapping.update",
        targetType: "sso-mapping",
        targetId: row.id,
        summary: `Changed the mapping ${describe(toView(before))} to ${describe(data)}`,
      });
      return toView(row);
    } catch (error) {
      conflictOnUnique(error, duplicate(data));
    }
  });
}

export async function deleteSsoMapping(ctx: Ctx, input: unknown): Promise<void> {
  authorize(ctx, "users.manage");
  const { id } = parseInput(DeleteSsoMappingInput, input);
  await transaction(async (tx) => {
    const before = await tx.ssoGroupMapping.findUnique({ where: { id }, include });
    if (!before) throw new AppError("NOT_FOUND", "No such group mapping.");
    await tx.ssoGroupMapping.delete({ where: { id } });
    await recordAudit(tx, ctx, {
      action: "sso-mapping.delete",
      targetType: "sso-mapping",
      targetId: id,
      summary: `Removed the mapping ${describe(toView(before))}`,
    });
  });
}

/** The grants of one provider, for deciding a sign-in. */
export async function grantsOf(tx: Tx, provider: string): Promise<GroupGrant[]> {
  const rows = await tx.ssoGroupMapping.findMany({ where: { provider }, include });
  return rows.map((m) => ({ group: m.group, role: m.role, regionIds: m.regionScope.map((r) => r.regionId) }));
}
