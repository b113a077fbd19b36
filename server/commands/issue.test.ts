import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { anonymous, ctxAs, satelliteInput, seedRegions, type UserCtx } from "../../test/factories";
import { db } from "../db";
import { AppError } from "../errors";
import { decommissionSatellite } from "../satellites/decommission";
import { registerSatellite } from "../satellites/register";
import { issueCommands, MAX_TARGETS, previewCommandTarget } from "./issue";

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

const tagged = () => `cmd${randomBytes(3).toString("hex")}`;

/** Registers satellites in the given countries, slugged `<tag>-<i>` so a filter on the tag finds them. */
async function satellites(tag: string, countries: string[]) {
  const out: { id: string; slug: string }[] = [];
  for (const [i, country] of countries.entries()) {
    out.push(await registerSatellite(admin, satelliteInput({ slug: `${tag}-${i}`, country })));
  }
  return out;
}

async function counts() {
  return { commands: await db.command.count(), audit: await db.auditEvent.count() };
}

async function expectRejected(promise: Promise<unknown>, code: string, field?: string): Promise<AppError> {
  const error = await promise.then(
    () => expect.unreachable("the call should have been refused"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  const appError = error as AppError;
  expect(appError.code, appError.message).toBe(code);
  if (field) {
    // `kind[0]` names `kind` too.
    const named = Object.keys(appError.fields ?? {}).some(
      (k) => k === field || (/^[.[]/.test(k.slice(field.length)) && k.startsWith(field)),
    );
    expect(named, JSON.stringify(appError.fields)).toBe(true);
    expect(appError.message).toContain(field);
  }
  return appError;
}

describe("issuing commands", () => {
  it("queues one command for one satellite, with its reason, its audit row and the issuer", async () => {
    const [s] = await satellites(tagged(), ["DE"]);
    const before = await counts();
    const issued = await issueCommands(
      operator,
      { type: "satellite.cordon", reason: " disk swap ", target: { satelliteIds: [s.id] } },
      now,
    );
    expect(issued).toMatchObject({
      type: "satellite.cordon",
      total: 1,
      created: 1,
      isReplay: false,
      byRegion: [{ regionId: "eu-gdpr", count: 1 }],
      summary: `satellite.cordon to ${s.slug} in eu-gdpr`,
    });
    const cmd = await db.command.findFirstOrThrow({ where: { satelliteId: s.id } });
    expect(cmd).toMatchObject({ type: "satellite.cordon", state: "queued", issuedById: operator.actor?.id });
    expect(cmd.payload).toEqual({});
    expect(cmd.reason).toBe("disk swap");
    expect(cmd.idempotencyKey).toBe(`${issued.idempotencyKey}/${s.id}`);
    const audit = await db.auditEvent.findMany({ where: { targetId: s.id, action: "command.issue" } });
    expect(audit).toHaveLength(1);
    expect(audit[0].actorLabel).toBe(operator.actor?.email);
    expect(audit[0].summary).toBe(`Queued satellite.cordon for ${s.slug}: disk swap`);
    expect(audit[0].data).toMatchObject({ commandId: cmd.id, reason: "disk swap" });
    // One satellite: its own row says it all, so no request-level row.
    expect(await counts()).toEqual({ commands: before.commands + 1, audit: before.audit + 1 });
  });

  it("resolves the shared fleet filters, skips decommissioned satellites and counts by region", async () => {
    const tag = tagged();
    const sats = await satellites(tag, ["DE", "FR", "GB", "US", "DE"]);
    await decommissionSatellite(admin, { id: sats[4].id, reason: "site closed" });
    const input = {
      type: "diagnostics.run",
      payload: { checks: ["dns"] },
      target: { filter: { q: tag, region: "eu-gdpr,uk-gdpr", lifecycle: "pending,decommissioned" } },
    };
    const preview = await previewCommandTarget(operator, input, now);
    expect(preview).toEqual({
      type: "diagnostics.run",
      total: 3,
      byRegion: [
        { regionId: "eu-gdpr", count: 2 },
        { regionId: "uk-gdpr", count: 1 },
      ],
      sample: [`${tag}-0`, `${tag}-1`, `${tag}-2`],
      summary: "diagnostics.run to 3 satellites in eu-gdpr (2), uk-gdpr (1)",
    });
    const before = await counts();
    const issued = await issueCommands(operator, { ...input, expectedCount: 3 }, now);
    expect(issued).toMatchObject({ total: 3, created: 3, byRegion: preview.byRegion });
    const cmds = await db.command.findMany({ where: { satellite: { slug: { startsWith: tag } } } });
    expect(cmds.map((c) => c.satelliteId).sort()).toEqual([sats[0].id, sats[1].id, sats[2].id].sort());
    const bulk = await db.auditEvent.findFirstOrThrow({
      where: { action: "command.issue-bulk", summary: { contains: tag } },
    });
    expect(bulk.summary).toContain("diagnostics.run to 3 satellites in eu-gdpr (2), uk-gdpr (1)");
    expect(bulk.summary).toContain(`q=${tag}`);
    // Per-command rows for each satellite's trail, plus one for the request.
    expect(await counts()).toEqual({ commands: before.commands + 3, audit: before.audit + 4 });
  });

  it("refuses viewers and anonymous callers, and changes nothing", async () => {
    const [s] = await satellites(tagged(), ["DE"]);
    const input = { type: "satellite.cordon", target: { satelliteIds: [s.id] } };
    const before = await counts();
    const refused = await expectRejected(issueCommands(viewer, input, now), "FORBIDDEN");
    expect(refused.message).toContain('"commands.write"');
    await expectRejected(previewCommandTarget(viewer, input, now), "FORBIDDEN");
    await expectRejected(issueCommands(anonymous, input, now), "UNAUTHORIZED");
    await expectRejected(previewCommandTarget(anonymous, input, now), "UNAUTHORIZED");
    expect(await counts()).toEqual(before);
  });

  it("refuses the whole request when one satellite is outside a scoped operator's regions", async () => {
    const tag = tagged();
    const [de, us, fr] = await satellites(tag, ["DE", "US", "FR"]);
    const before = await counts();
    const one = await expectRejected(
      issueCommands(euOperator, { type: "satellite.cordon", target: { satelliteIds: [us.id] } }, now),
      "FORBIDDEN",
    );
    expect(one.message).toBe(
      `Your role is limited to eu-gdpr: ${us.slug} is in us-fedramp. "commands.write" is region-scoped. Nothing was sent.`,
    );
    const mixed = await expectRejected(
      issueCommands(
        euOperator,
        { type: "satellite.cordon", target: { satelliteIds: [de.id, us.id, fr.id] } },
        now,
      ),
      "FORBIDDEN",
    );
    expect(mixed.message).toBe(
      `Your role is limited to eu-gdpr: 1 of these 3 satellites is outside it — us-fedramp (1, e.g. ${us.slug}). "commands.write" is region-scoped. Nothing was sent.`,
    );
    await expectRejected(
      previewCommandTarget(euOperator, { type: "satellite.cordon", target: { filter: { q: tag } } }, now),
      "FORBIDDEN",
    );
    expect(await counts()).toEqual(before);
    const inScope = await issueCommands(
      euOperator,
      { type: "satellite.cordon", target: { filter: { q: tag, region: "eu-gdpr" } } },
      now,
    );
    expect(inScope.total).toBe(2);
  });

  it("refuses decommissioned and unknown satellites by id", async () => {
    const [s] = await satellites(tagged(), ["DE"]);
    await decommissionSatellite(admin, { id: s.id, reason: "site closed" });
    const before = await counts();
    const refused = await expectRejected(
      issueCommands(operator, { type: "satellite.cordon", target: { satelliteIds: [s.id] } }, now),
      "PRECONDITION_FAILED",
    );
    expect(refused.message).toBe(`${s.slug} is decommissioned and takes no commands.`);
    await expectRejected(
      issueCommands(operator, { type: "satellite.cordon", target: { satelliteIds: ["nope"] } }, now),
      "NOT_FOUND",
      "target.satelliteIds",
    );
    expect(await counts()).toEqual(before);
  });

  it.each([
    ["type", { type: "satellite.launch" }],
    ["payload.service", { type: "service.restart", payload: { service: "Not A Service" } }],
    ["payload.uplinkMbps", { type: "link.set-limit", payload: { uplinkMbps: 0 } }],
    ["payload.version", { type: "stack.upgrade", payload: {} }],
    ["payload.until", { type: "satellite.maintenance", payload: { until: "tomorrow" } }],
    ["target", { target: { satelliteIds: ["x"], filter: { q: "x" } } }],
    ["target.satelliteIds", { target: { satelliteIds: [] } }],
    ["target.filter.kind", { target: { filter: { kind: "spaceship" } } }],
    ["idempotencyKey", { idempotencyKey: "short" }],
    ["expiresInSec", { expiresInSec: 5 }],
  ])("names the bad field %s and writes nothing", async (field, override) => {
    const [s] = await satellites(tagged(), ["DE"]);
    const before = await counts();
    const input = { type: "satellite.cordon", target: { satelliteIds: [s.id] }, ...override };
    await expectRejected(issueCommands(operator, input, now), "VALIDATION", field);
    expect(await counts()).toEqual(before);
  });

  it("sends a request once per idempotency key", async () => {
    const tag = tagged();
    await satellites(tag, ["DE", "FR"]);
    const input = {
      type: "service.restart",
      payload: { service: "dns" },
      target: { filter: { q: tag } },
      idempotencyKey: `retry-${tag}`,
    };
    const first = await issueCommands(operator, input, now);
    const before = await counts();
    const again = await issueCommands(operator, input, now);
    expect(again).toMatchObject({ total: 2, created: 0, isReplay: true, idempotencyKey: `retry-${tag}` });
    expect(first).toMatchObject({ total: 2, created: 2, isReplay: false });
    expect(await counts()).toEqual(before);
    await expectRejected(
      issueCommands(operator, { ...input, type: "satellite.cordon", payload: {} }, now),
      "CONFLICT",
      "idempotencyKey",
    );
    expect(await counts()).toEqual(before);
  });

  it("refuses a selection that changed since it was confirmed", async () => {
    const tag = tagged();
    await satellites(tag, ["DE", "FR"]);
    const before = await counts();
    const refused = await expectRejected(
      issueCommands(
        operator,
        { type: "satellite.cordon", target: { filter: { q: tag } }, expectedCount: 3 },
        now,
      ),
      "CONFLICT",
    );
    expect(refused.message).toContain("now holds 2 satellites, not 3");
    expect(await counts()).toEqual(before);
  });

  it(`refuses more than ${MAX_TARGETS.toLocaleString("en")} satellites in one request`, async () => {
    const tag = tagged();
    await db.satellite.createMany({
      data: Array.from({ length: MAX_TARGETS + 1 }, (_, i) => ({
        ...satelliteInput({ slug: `${tag}-${i}` }),
        kind: "edge" as const,
        regionId: "eu-gdpr",
        labels: {},
        labelText: "|",
        searchText: `${tag}-${i}`,
      })),
    });
    const before = await counts();
    const refused = await expectRejected(
      previewCommandTarget(operator, { type: "satellite.cordon", target: { filter: { q: tag } } }, now),
      "VALIDATION",
    );
    expect(refused.message).toContain("match 5,001 satellites; one request may command at most 5,000");
    await expectRejected(
      issueCommands(operator, { type: "satellite.cordon", target: { filter: { q: tag } } }, now),
      "VALIDATION",
    );
    const ids = Array.from({ length: MAX_TARGETS + 1 }, (_, i) => `id-${i}`);
    await expectRejected(
      issueCommands(operator, { type: "satellite.cordon", target: { satelliteIds: ids } }, now),
      "VALIDATION",
      "target.satelliteIds",
    );
    expect(await counts()).toEqual(before);
    await db.satellite.deleteMany({ where: { slug: { startsWith: `${tag}-` } } });
  });
});

describe("residency", () => {
  let euOnly: { id: string; version: string };

  beforeAll(async () => {
    euOnly = await db.release.create({
      data: {
        version: "2027.1.0",
        artifactSizeMb: 100,
        minAgentVersion: "1.0.0",
        certifiedRegions: { create: [{ regionId: "eu-gdpr" }, { regionId: "uk-gdpr" }] },
      },
    });
  });

  it("sends a release to regions it is certified for, by version or by id", async () => {
    const tag = tagged();
    const [de, gb] = await satellites(tag, ["DE", "GB"]);
    const byVersion = await issueCommands(
      operator,
      { type: "stack.upgrade", payload: { version: "2027.1.0" }, target: { satelliteIds: [de.id] } },
      now,
    );
    expect(byVersion.created).toBe(1);
    const byId = await issueCommands(
      operator,
      {
        type: "stack.upgrade",
        payload: { version: "2027.1.0", releaseId: euOnly.id },
        target: { satelliteIds: [gb.id] },
      },
      now,
    );
    expect(byId.created).toBe(1);
  });

  it("refuses an uncertified region with the reason, and sends nothing anywhere", async () => {
    const tag = tagged();
    const [de, india, india2] = await satellites(tag, ["DE", "IN", "IN"]);
    const before = await counts();
    const refused = await expectRejected(
      issueCommands(
        operator,
        {
          type: "stack.upgrade",
          payload: { version: "2027.1.0" },
          target: { satelliteIds: [de.id, india.id, india2.id] },
        },
        now,
      ),
      "PRECONDITION_FAILED",
    );
    expect(refused.message).toBe(
      `Residency: release 2027.1.0 is not certified for in-dpdp (2 of these satellites, e.g. ${india.slug}). It is certified for eu-gdpr, uk-gdpr.`,
    );
    expect(refused.fields).toEqual({ "payload.version": "is not certified for in-dpdp" });
    const one = await expectRejected(
      previewCommandTarget(
        operator,
        { type: "stack.rollback", payload: { version: "2027.1.0" }, target: { satelliteIds: [india.id] } },
        now,
      ),
      "PRECONDITION_FAILED",
    );
    expect(one.message).toContain(`not certified for in-dpdp (${india.slug})`);
    expect(await counts()).toEqual(before);
    // A rollback without a version brings nothing new into the region.
    const back = await issueCommands(
      operator,
      { type: "stack.rollback", target: { satelliteIds: [india.id] } },
      now,
    );
    expect(back.created).toBe(1);
  });

  it("names an unknown release or a release id that disagrees with the version", async () => {
    const [de] = await satellites(tagged(), ["DE"]);
    const before = await counts();
    const target = { satelliteIds: [de.id] };
    await expectRejected(
      issueCommands(operator, { type: "stack.upgrade", payload: { version: "9.9.9" }, target }, now),
      "VALIDATION",
      "payload.version",
    );
    await expectRejected(
      issueCommands(
        operator,
        { type: "stack.upgrade", payload: { version: "1.0", releaseId: euOnly.id }, target },
        now,
      ),
      "VALIDATION",
      "payload.version",
    );
    await expectRejected(
      issueCommands(
        operator,
        { type: "stack.upgrade", payload: { version: "1.0", releaseId: "nope" }, target },
        now,
      ),
      "VALIDATION",
      "payload.releaseId",
    );
    expect(await counts()).toEqual(before);
  });
});
