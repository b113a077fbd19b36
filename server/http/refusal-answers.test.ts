import { describe, expect, it, vi } from "vitest";
import { authorize, type Ctx } from "../auth/context";
import type { Permission } from "../auth/policy";
import type { ScopeTargets } from "../auth/refusal";

// The session comes from Next's request cookies; here each test says who is asking.
const session = vi.hoisted(() => ({ ctx: null as Ctx | null }));
vi.mock("@/server/auth/session", () => ({ getCtx: async () => session.ctx }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { route } = await import("./route");
const { runAction } = await import("./action");

const euOperator: Ctx = {
  actor: {
    kind: "user",
    id: "u1",
    email: "eu@example.test",
    name: "EU",
    role: "operator",
    regionIds: ["eu-gdpr"],
  },
  requestId: "req-1",
};
const viewer: Ctx = { actor: { ...euOperator.actor!, role: "viewer", regionIds: null }, requestId: "req-2" };
const nyc = { slug: "nyc-dc-01", regionId: "us-fedramp" };

/** One refusal through both wrappers: the route's status and body, and the action's result. */
async function bothAnswers(ctx: Ctx, permission: Permission, targets?: ScopeTargets) {
  session.ctx = ctx;
  const verb = async (c: Ctx) => {
    authorize(c, permission, targets);
    return { done: true };
  };
  const res = await route(verb)(new Request("http://orrery.test/api/v1/x"), undefined);
  const action = await runAction(verb);
  return { status: res.status, body: (await res.json()) as { error: unknown }, action };
}

describe("a refusal answers the same through route() and runAction()", () => {
  it.each([
    [
      "out of region",
      euOperator,
      "commands.write",
      { satellites: [nyc] },
      403,
      "FORBIDDEN",
      'Your role is limited to eu-gdpr: nyc-dc-01 is in us-fedramp. "commands.write" is region-scoped.',
    ],
    [
      "missing permission",
      viewer,
      "users.manage",
      undefined,
      403,
      "FORBIDDEN",
      'The viewer role does not have the "users.manage" permission.',
    ],
    [
      "signed out",
      { actor: null },
      "satellites.read",
      undefined,
      401,
      "UNAUTHORIZED",
      "Sign in to continue.",
    ],
  ] as const)("%s", async (_name, ctx, permission, targets, status, code, message) => {
    const answers = await bothAnswers(ctx, permission, targets);
    expect(answers.status).toBe(status);
    expect(answers.body.error).toEqual({ code, message });
    expect(answers.action).toEqual({ ok: false, error: { code, message } });
  });

  it("lets an allowed caller through both", async () => {
    const answers = await bothAnswers(euOperator, "commands.write", {
      satellites: [{ ...nyc, regionId: "eu-gdpr" }],
    });
    expect(answers.status).toBe(200);
    expect(answers.action).toEqual({ ok: true, data: { done: true } });
  });
});
