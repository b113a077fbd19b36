import { randomBytes } from "node:crypto";
import type { UserActor } from "../server/auth/actor";
import type { Ctx } from "../server/auth/context";
import type { Role } from "../server/auth/policy";
import { db } from "../server/db";
import { REGIONS } from "../prisma/seed-data/regions";

const unique = () => randomBytes(4).toString("hex");

export async function seedRegions(): Promise<void> {
  for (const r of REGIONS) {
    const { id, ...data } = r;
    await db.complianceRegion.upsert({ where: { id }, create: { id, ...data }, update: {} });
  }
}

export async function makeUser(role: Role, regionIds: string[] = []): Promise<UserActor> {
  const email = `${role}-${unique()}@example.test`;
  const user = await db.user.create({
    data: {
      email,
      name: `${role} ${email}`,
      role,
      // Not a real hash: tests that sign in create users through createUser instead.
      passwordHash: "x",
      regionScope: { create: regionIds.map((regionId) => ({ regionId })) },
    },
  });
  return {
    kind: "user",
    id: user.id,
    email,
    name: user.name,
    role,
    regionIds: regionIds.length ? regionIds : null,
  };
}

/** A signed-in user's ctx: tests read the user's email and id from it. */
export type UserCtx = Ctx & { actor: UserActor };

export async function ctxAs(role: Role, regionIds: string[] = []): Promise<UserCtx> {
  return { actor: await makeUser(role, regionIds), ip: "127.0.0.1", requestId: `test-${unique()}` };
}

export const anonymous: Ctx = { actor: null };

export function satelliteInput(overrides: Record<string, unknown> = {}) {
  return {
    slug: `test-${unique()}`,
    name: "Frankfurt Edge 01",
    kind: "edge",
    provider: "own",
    city: "Frankfurt",
    country: "DE",
    lat: 50.11,
    lon: 8.68,
    labels: { tier: "gold" },
    cpuCores: 64,
    memoryGb: 512,
    storageTb: 40,
    uplinkMbps: 1000,
    downlinkMbps: 1000,
    ...overrides,
  };
}
