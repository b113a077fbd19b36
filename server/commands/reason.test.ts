import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { ctxAs, satelliteInput, seedRegions, type UserCtx } from "../../test/factories";
import { db } from "../db";
import { AppError, readableError } from "../errors";
import { registerSatellite } from "../satellites/register";
import { enqueueCommand } from "./enqueue";
import { issueCommands } from "./issue";

let admin: UserCtx;
let operator: UserCtx;
const now = new Date("2026-11-28T10:00:00Z");

beforeAll(async () => {
  await seedRegions();
  admin = await ctxAs("admin");
  operator = await ctxAs("operator");
});

async function satellite(country = "DE") {
  const slug = `rsn-${randomBytes(3).toString("hex")}`;
  return registerSatellite(admin, satelliteInput({ slug, country }));
}

async function refused(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => expect.unreachable("the call should have been refused"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("a command's reason", () => {
  it("is stored on every command of a bulk request and written to each audit row and the request's", async () => {
    const [a, b] = [await satellite(), await satellite("FR")];
    const issued = await issueCommands(
      operator,
      { type: "diagnostics.run", reason: "ticket 4711", target: { satelliteIds: [a.id, b.id] } },
      now,
    );
    const commands = await db.command.findMany({ where: { satelliteId: { in: [a.id, b.id] } } });
    expect(commands.map((c) => c.reason)).toEqual(["ticket 4711", "ticket 4711"]);
    const rows = await db.auditEvent.findMany({
      where: { action: { in: ["command.issue", "command.issue-bulk"] } },
      orderBy: { at: "asc" },
    });
    const mine = rows.filter(
      (r) =>
        r.targetId === a.id ||
        r.targetId === b.id ||
        (r.data as { idempotencyKey?: string })?.idempotencyKey === issued.idempotencyKey,
    );
    expect(mine).toHaveLength(3);
    for (const row of mine) {
      expect(row.summary).toMatch(/: ticket 4711$/);
      expect(row.data).toMatchObject({ reason: "ticket 4711" });
    }
  });

  it("given the old way, inside a cordon's payload, becomes the command's own", async () => {
    const s = await satellite();
    const queued = await enqueueCommand(
      operator,
      { satelliteId: s.id, type: "satellite.cordon", payload: { reason: "disk swap" } },
      now,
    );
    const cmd = await db.command.findUniqueOrThrow({ where: { id: queued.id } });
    expect(cmd).toMatchObject({ reason: "disk swap", payload: {} });
  });

  it("is optional, and refused past 500 characters in words a person reads, with nothing written", async () => {
    const s = await satellite();
    await issueCommands(
      operator,
      { type: "satellite.uncordon", reason: "  ", target: { satelliteIds: [s.id] } },
      now,
    );
    expect((await db.command.findFirstOrThrow({ where: { satelliteId: s.id } })).reason).toBeNull();
    const before = await db.command.count();
    const error = await refused(
      issueCommands(
        operator,
        { type: "satellite.cordon", reason: "x".repeat(501), target: { satelliteIds: [s.id] } },
        now,
      ),
    );
    expect(error.code).toBe("VALIDATION");
    expect(readableError(error)).toEqual({
      message: "Reason must be at most 500 characters.",
      fields: { reason: "Reason must be at most 500 characters" },
    });
    expect(await db.command.count()).toBe(before);
  });

  it("a payload's fields are named by their labels: 'Service is required', never schema text", async () => {
    const s = await satellite();
    const error = await refused(
      issueCommands(
        operator,
        { type: "service.restart", payload: {}, target: { satelliteIds: [s.id] } },
        now,
      ),
    );
    expect(readableError(error)).toEqual({
      message: "Service is required.",
      fields: { "payload.service": "Service is required" },
    });
    const bad = await refused(
      issueCommands(
        operator,
        { type: "service.restart", payload: { service: "No Such" }, target: { satelliteIds: [s.id] } },
        now,
      ),
    );
    expect(readableError(bad).message).toBe("Service is not a service name.");
  });
});
