import { beforeAll, describe, expect, it } from "vitest";
import { ctxAs, seedRegions, type UserCtx } from "../test/factories";
import { recordAudit } from "./audit";
import { listAuditEvents } from "./audit-log";
import { systemActor, type Actor } from "./auth/actor";
import { authorize, type Ctx } from "./auth/context";
import { transaction } from "./db";

let operator: UserCtx;

beforeAll(async () => {
  await seedRegions();
  operator = await ctxAs("operator");
});

describe("the audit log records which kind of actor acted", () => {
  it("names a user, an API token, an agent and the system, and filters on the kind", async () => {
    const token: Actor = {
      kind: "apiToken",
      id: "tok_1",
      name: "ci-deployer",
      userId: operator.actor.id,
      role: "operator",
      regionIds: ["eu-gdpr"],
    };
    const agent: Actor = { kind: "agent", id: "sat_1", name: "fra-edge-01", role: "viewer", regionIds: null };
    const actors: Ctx[] = [
      operator,
      { actor: token, requestId: "req-token" },
      { actor: agent },
      { actor: systemActor },
    ];
    await transaction(async (tx) => {
      for (const ctx of actors) {
        await recordAudit(tx, ctx, { action: "kinds.test", targetType: "x", summary: ctx.actor?.kind ?? "" });
      }
    });
    const rows = async (actorType?: string) =>
      (await listAuditEvents(operator, { action: "kinds.test", actorType, limit: 10 })).items.map((e) => [
        e.actorType,
        e.actorLabel,
      ]);
    expect((await rows()).sort()).toEqual([
      ["agent", "fra-edge-01"],
      ["apiToken", "ci-deployer"],
      ["system", "reconciler"],
      ["user", operator.actor.email],
    ]);
    expect(await rows("apiToken")).toEqual([["apiToken", "ci-deployer"]]);
  });

  it("lets an API token act only within its own role and region scope", () => {
    const ctx: Ctx = {
      actor: {
        kind: "apiToken",
        id: "tok_2",
        name: "eu-bot",
        userId: "u",
        role: "operator",
        regionIds: ["eu-gdpr"],
      },
    };
    expect(() => authorize(ctx, "users.manage")).toThrow(
      'The operator role does not have the "users.manage" permission.',
    );
    expect(() =>
      authorize(ctx, "commands.write", { satellites: [{ slug: "nyc-dc-01", regionId: "us-fedramp" }] }),
    ).toThrow("Your role is limited to eu-gdpr: nyc-dc-01 is in us-fedramp.");
  });
});
