import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { ctxAs, satelliteInput, seedRegions, type UserCtx } from "../../test/factories";
import { sample } from "../../test/gateway";
import { recordHeartbeat } from "../agents/heartbeat";
import { db } from "../db";
import { AppError } from "../errors";
import { registerSatellite } from "../satellites/register";
import { createWindow } from "../windows/crud";
import { issueCommands } from "./issue";

let admin: UserCtx;
let operator: UserCtx;
let sat: { id: string; slug: string };
// 10:00 UTC; the satellite's allow window is 22:00–02:00 UTC every night.
const now = new Date("2026-11-28T10:00:00Z");
const at = (min: number) => new Date(now.getTime() + min * 60_000);

beforeAll(async () => {
  await seedRegions();
  admin = await ctxAs("admin");
  operator = await ctxAs("operator");
  sat = await registerSatellite(admin, satelliteInput({ slug: `win${randomBytes(3).toString("hex")}` }));
  await createWindow(admin, {
    name: "Nightly",
    kind: "allow",
    rrule: "DTSTART:20261101T220000\nRRULE:FREQ=DAILY",
    durationMin: 240,
    timeZone: "UTC",
    satelliteIds: [sat.id],
  });
});

async function beat(when: Date) {
  const agent = {
    credentialId: "c",
    satelliteId: sat.id,
    slug: sat.slug,
    regionId: "eu-gdpr",
    intervalSec: 10,
    expiresAt: null,
  };
  const answer = await recordHeartbeat(
    agent,
    {
      agentVersion: "1.4.0",
      stackVersion: "2026.11.1",
      samples: [sample(Math.floor(when.getTime() / 1000), when)],
    },
    when,
  );
  return answer.commands.map((c) => c.type);
}

async function rejected(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("commands and deployment windows", () => {
  it("holds a command outside the window and delivers it once the window opens", async () => {
    await issueCommands(
      operator,
      { type: "service.restart", payload: { service: "ingress" }, target: { satelliteIds: [sat.id] } },
      now,
    );
    const held = await db.command.findFirstOrThrow({
      where: { satelliteId: sat.id, type: "service.restart" },
    });
    expect(held.notBefore?.toISOString()).toBe("2026-11-28T22:00:00.000Z");
    expect(held.expiresAt.toISOString()).toBe("2026-11-28T23:00:00.000Z");
    expect(await beat(at(1))).toEqual([]);
    expect(await beat(at(12 * 60 + 1))).toEqual(["service.restart"]);
    const audit = await db.auditEvent.findFirst({ where: { action: "command.window-hold" } });
    expect(audit?.summary).toMatch(
      /Held service.restart for 1 satellite until their deployment window opens/,
    );
  });

  it("never holds read-only diagnostics", async () => {
    await issueCommands(operator, { type: "diagnostics.run", target: { satelliteIds: [sat.id] } }, at(2));
    const c = await db.command.findFirstOrThrow({ where: { satelliteId: sat.id, type: "diagnostics.run" } });
    expect(c.notBefore).toBeNull();
  });

  it("lets an urgent command bypass the window with a reason, audited", async () => {
    const reason = "credential leaked in a support ticket";
    await issueCommands(
      operator,
      { type: "agent.rotate-credentials", target: { satelliteIds: [sat.id] }, windowBypass: reason },
      at(3),
    );
    const c = await db.command.findFirstOrThrow({
      where: { satelliteId: sat.id, type: "agent.rotate-credentials" },
    });
    expect(c).toMatchObject({ notBefore: null, windowBypass: reason });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "command.window-bypass" } });
    expect(audit.summary).toContain(reason);
  });

  it("refuses a bypass for a command that is not urgent, naming the field", async () => {
    const error = await rejected(
      issueCommands(
        operator,
        { type: "satellite.uncordon", target: { satelliteIds: [sat.id] }, windowBypass: "because I want to" },
        at(4),
      ),
    );
    expect(error.code).toBe("VALIDATION");
    expect(error.fields?.windowBypass).toMatch(/only urgent commands/);
  });
});

describe("commands and enforced policies", () => {
  beforeAll(async () => {
    await db.policy.create({
      data: {
        id: "owner-label",
        versions: {
          create: {
            version: 1,
            name: "Owner label",
            kind: "required-labels",
            params: { labels: ["owner"] },
            scope: { all: true },
            severity: "high",
            mode: "enforce",
            frameworks: [],
          },
        },
      },
    });
  });

  it("refuses a command to a violating satellite, naming the policy and the satellite", async () => {
    const error = await rejected(
      issueCommands(operator, { type: "diagnostics.run", target: { satelliteIds: [sat.id] } }, at(5)).then(
        () =>
          issueCommands(
            operator,
            { type: "service.restart", payload: { service: "ingress" }, target: { satelliteIds: [sat.id] } },
            at(5),
          ),
      ),
    );
    expect(error.code).toBe("PRECONDITION_FAILED");
    expect(error.message).toContain("Owner label (enforced) is violated by");
    expect(error.message).toContain(sat.slug);
  });

  it("lets an admin override with a reason, audited; an operator may not", async () => {
    const input = {
      type: "service.restart",
      payload: { service: "ingress" },
      target: { satelliteIds: [sat.id] },
      policyOverride: "owner is being assigned in CHG-77",
    };
    expect((await rejected(issueCommands(operator, input, at(6)))).code).toBe("FORBIDDEN");
    await issueCommands(admin, input, at(6));
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "policy.override" } });
    expect(audit.summary).toContain("CHG-77");
  });
});
