import { describe, expect, it } from "vitest";
import type { Actor, ActorKind } from "./actor";
import { canOf } from "./can";
import { authorize, mayDo, RefusedError } from "./context";
import { PERMISSIONS, REGION_SCOPED, ROLES, can, type Role } from "./policy";
import { refusal, type ScopeTargets } from "./refusal";

const SCOPE = ["eu-gdpr"];
const fra = { slug: "fra-edge-01", regionId: "eu-gdpr" };
const par = { slug: "par-edge-02", regionId: "eu-gdpr" };
const nyc = { slug: "nyc-dc-01", regionId: "us-fedramp" };
const sgp = { slug: "sgp-dc-03", regionId: "apac" };

function actor(kind: ActorKind, role: Role, regionIds: string[] | null): Actor {
  switch (kind) {
    case "user":
      return { kind, id: "u1", email: "someone@example.test", name: "Someone", role, regionIds };
    case "apiToken":
      return { kind, id: "t1", name: "ci-deployer", userId: "u1", role, regionIds };
    case "agent":
      return { kind, id: "s1", name: "fra-edge-01", role, regionIds };
    case "system":
      return { kind, id: null, name: "reconciler", role, regionIds };
  }
}

// Every target shape a verb or page asks about, with what an operator scoped to eu-gdpr is told.
const SCOPE_CASES: { name: string; targets: ScopeTargets; refusedWith: string | null }[] = [
  { name: "no target", targets: {}, refusedWith: null },
  { name: "in region", targets: { satellites: [fra] }, refusedWith: null },
  {
    name: "in region, several",
    targets: { satellites: [fra, par], regions: ["eu-gdpr"] },
    refusedWith: null,
  },
  {
    name: "out of region",
    targets: { satellites: [nyc] },
    refusedWith: "Your role is limited to eu-gdpr: nyc-dc-01 is in us-fedramp.",
  },
  {
    name: "mixed selection",
    targets: { satellites: [fra, nyc, par, sgp] },
    refusedWith:
      "Your role is limited to eu-gdpr: 2 of these 4 satellites are outside it — us-fedramp (1, e.g. nyc-dc-01), apac (1, e.g. sgp-dc-03).",
  },
  {
    name: "out-of-region region alone",
    targets: { regions: ["us-fedramp"] },
    refusedWith: "Your role is limited to eu-gdpr: us-fedramp is outside it.",
  },
  {
    name: "satellites in region, their proposal's region outside",
    targets: { satellites: [fra], regions: ["apac", null] },
    refusedWith: "Your role is limited to eu-gdpr: apac is outside it.",
  },
  {
    name: "satellite and region both outside",
    targets: { satellites: [nyc], regions: ["apac"] },
    refusedWith: "Your role is limited to eu-gdpr: nyc-dc-01 is in us-fedramp; apac is outside it.",
  },
];

describe("refusal: every permission × role × scope, for every kind of actor", () => {
  for (const kind of ["user", "apiToken", "agent", "system"] as const) {
    for (const permission of PERMISSIONS) {
      for (const role of ROLES) {
        it(`${kind} ${role} ${permission}`, () => {
          for (const regionIds of [null, SCOPE]) {
            for (const { name, targets, refusedWith } of SCOPE_CASES) {
              const ctx = { actor: actor(kind, role, regionIds) };
              const got = refusal(ctx, permission, targets);
              const where = `${regionIds ? "scoped" : "unscoped"}, ${name}`;
              if (!can(role, permission)) {
                expect(got, where).toEqual({
                  reason: "role",
                  code: "FORBIDDEN",
                  message: `The ${role} role does not have the "${permission}" permission.`,
                  role,
                  permission,
                });
              } else if (regionIds && REGION_SCOPED.has(permission) && refusedWith) {
                expect(got, where).toMatchObject({
                  reason: "region-scope",
                  code: "FORBIDDEN",
                  message: `${refusedWith} "${permission}" is region-scoped.`,
                  permission,
                  scope: SCOPE,
                });
              } else {
                expect(got, where).toBeNull();
              }
              expect(mayDo(ctx, permission, targets), where).toBe(got === null);
              if (got) expect(() => authorize(ctx, permission, targets)).toThrow(got.message);
              else expect(() => authorize(ctx, permission, targets)).not.toThrow();
            }
          }
        });
      }
    }
  }

  it("refuses a signed-out caller everything, as UNAUTHORIZED", () => {
    for (const permission of PERMISSIONS) {
      expect(refusal({ actor: null }, permission, { satellites: [fra] })).toEqual({
        reason: "signed-out",
        code: "UNAUTHORIZED",
        message: "Sign in to continue.",
      });
    }
  });

  it("names every refused region with its satellites, for pages that list them", () => {
    const ctx = { actor: actor("user", "operator", SCOPE) };
    const got = refusal(ctx, "rollouts.write", { satellites: [nyc, fra, sgp], regions: ["ch-fadp"] });
    expect(got).toMatchObject({
      outside: [
        { regionId: "us-fedramp", slugs: ["nyc-dc-01"] },
        { regionId: "apac", slugs: ["sgp-dc-03"] },
        { regionId: "ch-fadp", slugs: [] },
      ],
    });
  });

  it("throws the refusal as an AppError carrying it, with a verb's own ending", () => {
    const ctx = { actor: actor("apiToken", "operator", SCOPE) };
    try {
      authorize(ctx, "commands.write", { satellites: [nyc] }, "Nothing was sent.");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(RefusedError);
      const refused = error as RefusedError;
      expect(refused.code).toBe("FORBIDDEN");
      expect(refused.message).toBe(
        'Your role is limited to eu-gdpr: nyc-dc-01 is in us-fedramp. "commands.write" is region-scoped. Nothing was sent.',
      );
      expect(refused.refusal.reason).toBe("region-scope");
    }
  });
});

describe("canOf: the flags the console hands its components", () => {
  it("holds exactly the role's permissions, for every kind of actor, and nothing when signed out", () => {
    for (const kind of ["user", "apiToken", "agent", "system"] as const) {
      for (const role of ROLES) {
        const flags = canOf({ actor: actor(kind, role, SCOPE) });
        for (const permission of PERMISSIONS) expect(flags[permission]).toBe(can(role, permission));
      }
    }
    expect(Object.values(canOf({ actor: null })).some(Boolean)).toBe(false);
  });
});
