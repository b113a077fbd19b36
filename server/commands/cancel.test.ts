import { beforeAll, describe, expect, it } from "vitest";
import { anonymous, ctxAs, satelliteInput, seedRegions, type UserCtx } from "../../test/factories";
import { db } from "../db";
import { AppError } from "../errors";
import { registerSatellite } from "../satellites/register";
import { cancelCommand } from "./cancel";
import { issueCommands } from "./issue";

let admin: UserCtx;
let operator: UserCtx;
let euOperator: UserCtx;
let viewer: UserCtx;
const now = new Date("2026-11-28T10:00:00Z");

beforeAll(async () => {
  await seedRegions();
  admin = await ctxAs("admin");
  operator = await ctxAs("operator");
  euOperator = await ctxAs("operator", ["eu-gdpr"]);
  viewer = await ctxAs("viewer");
});

/** A queued command for a new satellite in `country`. */
async function queued(country = "DE") {
  const s = await registerSatellite(admin, satelliteInput({ country }));
  await issueCommands(operator, { type: "satellite.cordon", target: { satelliteIds: [s.id] } }, now);
  const command = await db.command.findFirstOrThrow({ where: { satelliteId: s.id } });
  return { ...command, slug: s.slug };
}

async function snapshot(id: string) {
  const c = await db.command.findUniqueOrThrow({ where: { id } });
  return { state: c.state, finishedAt: c.finishedAt, audit: await db.auditEvent.count() };
}

async function expectRejected(promise: Promise<unknown>, code: string): Promise<AppError> {
  const error = await promise.then(
    () => expect.unreachable("the call should have been refused"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code, (error as AppError).message).toBe(code);
  return error as AppError;
}

describe("cancelling a command", () => {
  it("withdraws a queued command no agent has received, with an audit row", async () => {
    const c = await queued();
    const later = new Date(now.getTime() + 60_000);
    const result = await cancelCommand(operator, c.id, later);
    expect(result).toEqual({ id: c.id, type: "satellite.cordon", satelliteSlug: c.slug, state: "cancelled" });
    const after = await db.command.findUniqueOrThrow({ where: { id: c.id } });
    expect(after).toMatchObject({ state: "cancelled", finishedAt: later });
    expect(after.message).toBe(`cancelled by ${operator.actor?.email}`);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "command.cancel", targetId: c.id },
    });
    expect(audit.summary).toBe(`Cancelled satellite.cordon for ${c.slug}`);
    expect(audit.actorLabel).toBe(operator.actor?.email);
  });

  it.each([
    ["delivered", { state: "delivered" as const, deliveries: 1 }, "the agent has received it"],
    ["running", { state: "running" as const, deliveries: 1 }, "the agent is running it"],
    [
      "queued again after a lapsed lease",
      { state: "queued" as const, deliveries: 2 },
      "it was already delivered 2 times",
    ],
    ["succeeded", { state: "succeeded" as const, deliveries: 1 }, "it has already succeeded"],
    ["cancelled", { state: "cancelled" as const, deliveries: 0 }, "it was already cancelled"],
  ])("refuses a %s command with the reason and changes nothing", async (_label, data, reason) => {
    const c = await queued();
    await db.command.update({ where: { id: c.id }, data });
    const before = await snapshot(c.id);
    const refused = await expectRejected(cancelCommand(operator, c.id, now), "CONFLICT");
    expect(refused.message).toContain(`satellite.cordon for ${c.slug} cannot be cancelled: ${reason}`);
    expect(await snapshot(c.id)).toEqual(before);
  });

  it("refuses viewers, anonymous callers and operators outside the satellite's region", async () => {
    const c = await queued("US");
    const before = await snapshot(c.id);
    await expectRejected(cancelCommand(viewer, c.id, now), "FORBIDDEN");
    await expectRejected(cancelCommand(anonymous, c.id, now), "UNAUTHORIZED");
    const scoped = await expectRejected(cancelCommand(euOperator, c.id, now), "FORBIDDEN");
    expect(scoped.message).toBe(
      `Your role is limited to eu-gdpr: ${c.slug} is in us-fedramp. "commands.write" is region-scoped.`,
    );
    expect(await snapshot(c.id)).toEqual(before);
  });

  it("answers NOT_FOUND for an unknown command and names a missing id", async () => {
    await expectRejected(cancelCommand(operator, "no-such-command", now), "NOT_FOUND");
    const missing = await expectRejected(cancelCommand(operator, "", now), "VALIDATION");
    expect(missing.fields).toEqual({ id: "is required" });
  });
});
