import { beforeAll, describe, expect, it } from "vitest";
import { anonymous, ctxAs, satelliteInput, seedRegions } from "../../test/factories";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { AppError } from "../errors";
import { decommissionSatellite } from "../satellites/decommission";
import { registerSatellite } from "../satellites/register";
import { statusVersion } from "../status/changes";
import { setAffectedSatellites } from "./affected";
import { cancelMaintenance, scheduleMaintenance } from "./maintenance";
import { openIncident } from "./open";
import { dismissProposal, publishIncident } from "./publish";
import { getIncident, incidentCounts, listIncidents } from "./read";
import { postIncidentUpdate, resolveIncident } from "./timeline";

let admin: Ctx;
let operator: Ctx;
let viewer: Ctx;
let euOperator: Ctx;
let eu1: { id: string; slug: string };
let eu2: { id: string; slug: string };
let us1: { id: string; slug: string };
const T0 = new Date("2026-11-20T10:00:00.000Z");
const at = (min: number) => new Date(T0.getTime() + min * 60_000);

beforeAll(async () => {
  await seedRegions();
  admin = await ctxAs("admin");
  operator = await ctxAs("operator");
  viewer = await ctxAs("viewer");
  euOperator = await ctxAs("operator", ["eu-gdpr"]);
  eu1 = await registerSatellite(admin, satelliteInput({ country: "DE" }));
  eu2 = await registerSatellite(admin, satelliteInput({ country: "FR", city: "Paris" }));
  us1 = await registerSatellite(admin, satelliteInput({ country: "US", city: "Ashburn" }));
});

async function refused(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => expect.unreachable("should have been refused"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const incidentInput = (overrides: Record<string, unknown> = {}) => ({
  title: "Storage latency in Frankfurt",
  impact: "minor",
  status: "investigating",
  body: "Writes are slow on the storage tier.",
  satellites: [eu1.slug],
  isPublished: "on",
  ...overrides,
});

/** A reconciler draft, as proposeIncidents writes it. */
async function proposal(regionId = "eu-gdpr", satelliteIds = [eu1.id, eu2.id]) {
  return db.incident.create({
    data: {
      title: `${satelliteIds.length} satellites offline in ${regionId}`,
      impact: "major",
      isProposed: true,
      isPublished: false,
      regionId,
      satellites: { create: satelliteIds.map((satelliteId) => ({ satelliteId })) },
      updates: { create: { status: "investigating", impact: "major", body: "Detected." } },
    },
  });
}

/** Everything a refused call must leave untouched. */
async function snapshot() {
  const [incidents, updates, links, windows, audit, rows] = await Promise.all([
    db.incident.count(),
    db.incidentUpdate.count(),
    db.incidentSatellite.count(),
    db.maintenanceWindow.count(),
    db.auditEvent.count(),
    db.incident.findMany({ orderBy: { id: "asc" } }),
  ]);
  return { incidents, updates, links, windows, audit, rows };
}

describe("the incident timeline", () => {
  it("opens, moves along the timeline (backwards too), resolves, and audits each step", async () => {
    const version = statusVersion();
    const { id } = await openIncident(
      operator,
      incidentInput({ satellites: `${eu1.slug}, ${eu2.id}` }),
      at(0),
    );
    expect(statusVersion()).toBeGreaterThan(version);
    await postIncidentUpdate(
      operator,
      { id, status: "identified", impact: "major", body: "A bad disk." },
      at(5),
    );
    await postIncidentUpdate(
      operator,
      { id, status: "monitoring", impact: "minor", body: "Replaced." },
      at(9),
    );
    await postIncidentUpdate(
      operator,
      { id, status: "identified", impact: "major", body: "It is back." },
      at(12),
    );
    const resolved = await resolveIncident(operator, { id }, at(20));
    expect(resolved).toMatchObject({ status: "resolved", impact: "major" });

    const incident = await getIncident(viewer, id, at(21));
    expect(incident).toMatchObject({
      status: "resolved",
      impact: "major",
      isPublished: true,
      isProposed: false,
      startedAt: at(0).toISOString(),
      resolvedAt: at(20).toISOString(),
      satelliteCount: 2,
      regionIds: ["eu-gdpr"],
    });
    expect(incident.satellites.map((s) => s.slug).sort()).toEqual([eu1.slug, eu2.slug].sort());
    expect(incident.updates.map((u) => u.status)).toEqual([
      "resolved",
      "identified",
      "monitoring",
      "identified",
      "investigating",
    ]);
    expect(incident.updates[0]).toMatchObject({ body: "This incident has been resolved.", impact: "major" });
    expect(incident.updates.every((u) => u.author === operator.actor!.name)).toBe(true);

    const audit = await db.auditEvent.findMany({ where: { targetId: id }, orderBy: { at: "asc" } });
    expect(audit.map((a) => a.action)).toEqual([
      "incident.open",
      "incident.update",
      "incident.update",
      "incident.update",
      "incident.resolve",
    ]);
    expect(audit.every((a) => a.actorId === operator.actor!.id && a.requestId === operator.requestId)).toBe(
      true,
    );
  });

  it("refuses an update on a resolved incident with the reason, and writes nothing", async () => {
    const { id } = await openIncident(operator, incidentInput(), at(0));
    await postIncidentUpdate(operator, { id, status: "resolved", impact: "minor", body: "Fixed." }, at(3));
    expect((await db.incident.findUniqueOrThrow({ where: { id } })).resolvedAt).toEqual(at(3));
    const before = await snapshot();
    for (const call of [
      () =>
        postIncidentUpdate(operator, { id, status: "monitoring", impact: "minor", body: "Again?" }, at(4)),
      () => resolveIncident(operator, { id }, at(4)),
      () => setAffectedSatellites(operator, { id, satellites: [eu2.slug] }),
    ]) {
      const error = await refused(call());
      expect(error.code).toBe("PRECONDITION_FAILED");
      expect(error.message).toMatch(/was resolved at 2026-11-20 10:03 UTC; .*open a new incident/);
    }
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    ["title", { title: "" }],
    ["impact", { impact: "catastrophic" }],
    ["status", { status: "resolved" }],
    ["body", { body: "   " }],
    ["satellites", { satellites: [] }],
    ["satellites", { satellites: "no-such-satellite" }],
  ])("refuses to open with a bad %s and names it", async (field, override) => {
    const before = await snapshot();
    const error = await refused(openIncident(operator, incidentInput(override)));
    expect(error.code).toBe("VALIDATION");
    expect(Object.keys(error.fields ?? {})).toContain(field);
    expect(error.message).toContain(field);
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    ["status", { status: "fixed" }],
    ["impact", { impact: undefined }],
    ["body", { body: "" }],
    ["id", { id: "" }],
  ])("refuses an update with a bad %s and names it", async (field, override) => {
    const { id } = await openIncident(operator, incidentInput());
    const before = await snapshot();
    const error = await refused(
      postIncidentUpdate(operator, { id, status: "identified", impact: "minor", body: "x", ...override }),
    );
    expect(error.code).toBe("VALIDATION");
    expect(Object.keys(error.fields ?? {})).toContain(field);
    expect(await snapshot()).toEqual(before);
  });

  it("names unknown and decommissioned satellites", async () => {
    const gone = await registerSatellite(admin, satelliteInput({ country: "DE" }));
    await decommissionSatellite(admin, { id: gone.id, reason: "site closed" });
    const unknown = await refused(
      openIncident(operator, incidentInput({ satellites: [eu1.slug, "atlantis-01"] })),
    );
    expect(unknown.fields?.satellites).toBe("unknown satellite: atlantis-01");
    const retired = await refused(openIncident(operator, incidentInput({ satellites: [gone.slug] })));
    expect(retired.fields?.satellites).toBe(`${gone.slug} is decommissioned and cannot be affected`);
  });

  it("replaces the affected satellites and records what was added and removed", async () => {
    const { id } = await openIncident(operator, incidentInput());
    const result = await setAffectedSatellites(operator, { id, satellites: [eu2.slug, us1.slug] });
    expect(result).toMatchObject({ added: [eu2.slug, us1.slug].sort(), removed: [eu1.slug] });
    const incident = await getIncident(viewer, id);
    expect(incident.satellites.map((s) => s.slug).sort()).toEqual([eu2.slug, us1.slug].sort());
    expect(incident.regionIds).toEqual(["eu-gdpr", "us-fedramp"]);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { targetId: id, action: "incident.satellites" },
    });
    expect(audit.summary).toContain(`removed ${eu1.slug}`);
  });

  it("answers NOT_FOUND for an unknown incident", async () => {
    expect((await refused(getIncident(viewer, "nope"))).code).toBe("NOT_FOUND");
    const update = postIncidentUpdate(operator, {
      id: "nope",
      status: "identified",
      impact: "minor",
      body: "x",
    });
    expect((await refused(update)).code).toBe("NOT_FOUND");
  });
});

describe("proposals", () => {
  it("takes no updates until published; publishing makes it a normal published incident", async () => {
    const draft = await proposal();
    const early = await refused(
      postIncidentUpdate(operator, { id: draft.id, status: "identified", impact: "major", body: "x" }),
    );
    expect(early.code).toBe("PRECONDITION_FAILED");
    expect(early.message).toMatch(/proposal from the reconciler: publish it or dismiss it first/);

    const version = statusVersion();
    await publishIncident(operator, { id: draft.id });
    expect(statusVersion()).toBeGreaterThan(version);
    expect(await db.incident.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({
      isProposed: false,
      isPublished: true,
    });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { targetId: draft.id } });
    expect(audit).toMatchObject({ action: "incident.publish", actorId: operator.actor!.id });
    expect((await refused(publishIncident(operator, { id: draft.id }))).code).toBe("CONFLICT");
    await postIncidentUpdate(operator, {
      id: draft.id,
      status: "identified",
      impact: "major",
      body: "Power.",
    });
  });

  it("dismissing keeps the proposal for the record, off the open lists", async () => {
    const draft = await proposal();
    await dismissProposal(operator, { id: draft.id }, at(1));
    const row = await db.incident.findUniqueOrThrow({ where: { id: draft.id } });
    expect(row).toMatchObject({ dismissedAt: at(1), isPublished: false, isProposed: true });
    const dismissed = await listIncidents(viewer, { filter: "dismissed", limit: 200 });
    expect(dismissed.items.map((i) => i.id)).toContain(draft.id);
    for (const filter of ["open", "proposed", "resolved"]) {
      const page = await listIncidents(viewer, { filter, limit: 200 });
      expect(page.items.map((i) => i.id)).not.toContain(draft.id);
    }
    const audit = await db.auditEvent.findFirstOrThrow({ where: { targetId: draft.id } });
    expect(audit.action).toBe("incident.dismiss");

    expect((await refused(dismissProposal(operator, { id: draft.id }))).code).toBe("CONFLICT");
    expect((await refused(publishIncident(operator, { id: draft.id }))).code).toBe("PRECONDITION_FAILED");
    const update = postIncidentUpdate(operator, {
      id: draft.id,
      status: "identified",
      impact: "major",
      body: "x",
    });
    expect((await refused(update)).message).toMatch(/dismissed at 2026-11-20 10:01 UTC/);
  });

  it("only a proposal can be dismissed; an internal incident can be published later", async () => {
    const { id } = await openIncident(operator, incidentInput({ isPublished: undefined }));
    expect((await db.incident.findUniqueOrThrow({ where: { id } })).isPublished).toBe(false);
    const error = await refused(dismissProposal(operator, { id }));
    expect(error.code).toBe("PRECONDITION_FAILED");
    expect(error.message).toMatch(/not a proposal/);
    await publishIncident(operator, { id });
    expect((await db.incident.findUniqueOrThrow({ where: { id } })).isPublished).toBe(true);
  });
});

describe("listing", () => {
  it("filters open, proposed and resolved incidents and pages on the server", async () => {
    // Far ahead of every other incident in this file, so they sort first.
    const a = await openIncident(operator, incidentInput({ title: "List A" }), at(1_000_000));
    const b = await openIncident(operator, incidentInput({ title: "List B" }), at(1_000_001));
    const draft = await proposal("eu-gdpr", [eu1.id]);
    const counts = await incidentCounts(viewer);
    const open = await listIncidents(viewer, { filter: "open", limit: 1, page: 1 });
    expect(open.total).toBe(counts.open);
    expect(open.items).toHaveLength(1);
    expect(open.items[0].id).toBe(b.id); // newest first
    const second = await listIncidents(viewer, { filter: "open", limit: 1, page: 2 });
    expect(second.items[0].id).toBe(a.id);
    const proposed = await listIncidents(viewer, { filter: "proposed" });
    expect(proposed.items.map((i) => i.id)).toContain(draft.id);
    expect(proposed.items.every((i) => i.isProposed)).toBe(true);
    await resolveIncident(operator, { id: a.id }, at(1_000_002));
    const resolved = await listIncidents(viewer, { filter: "resolved", limit: 1 });
    expect(resolved.items[0]).toMatchObject({
      id: a.id,
      status: "resolved",
      satellitePreview: [{ slug: eu1.slug }],
    });
    // A nonsense filter falls back to the open list rather than failing the page.
    expect((await listIncidents(viewer, { filter: "bogus", page: "x" })).page).toBe(1);
  });
});

describe("who may do what", () => {
  it("refuses viewers and anonymous callers every mutation, and nothing changes", async () => {
    const { id } = await openIncident(operator, incidentInput());
    const draft = await proposal();
    const window = await scheduleMaintenance(operator, {
      title: "Kernel patching",
      startsAt: new Date(Date.now() + 3_600_000),
      endsAt: new Date(Date.now() + 7_200_000),
      satellites: [eu1.slug],
    });
    const before = await snapshot();
    const windowBefore = await db.maintenanceWindow.findUniqueOrThrow({ where: { id: window.id } });
    for (const [ctx, code] of [
      [viewer, "FORBIDDEN"],
      [anonymous, "UNAUTHORIZED"],
    ] as const) {
      const calls = [
        () => openIncident(ctx, incidentInput()),
        () => postIncidentUpdate(ctx, { id, status: "identified", impact: "major", body: "x" }),
        () => resolveIncident(ctx, { id }),
        () => setAffectedSatellites(ctx, { id, satellites: [eu2.slug] }),
        () => publishIncident(ctx, { id: draft.id }),
        () => dismissProposal(ctx, { id: draft.id }),
        () =>
          scheduleMaintenance(ctx, {
            title: "Sneaky",
            startsAt: new Date(Date.now() + 60_000),
            endsAt: new Date(Date.now() + 120_000),
            satellites: [eu1.slug],
          }),
        () => cancelMaintenance(ctx, { id: window.id }),
        // Bad input is refused for who is asking first: a viewer learns nothing about validation.
        () => openIncident(ctx, {}),
      ];
      for (const call of calls) expect((await refused(call())).code).toBe(code);
    }
    expect((await refused(listIncidents(anonymous, {}))).code).toBe("UNAUTHORIZED");
    expect(await snapshot()).toEqual(before);
    expect(await db.maintenanceWindow.findUniqueOrThrow({ where: { id: window.id } })).toEqual(windowBefore);
  });

  it("lets a region-scoped operator act only where every affected satellite is in scope", async () => {
    const before = await snapshot();
    const outside = await refused(
      openIncident(euOperator, incidentInput({ satellites: [eu1.slug, us1.slug] })),
    );
    expect(outside.code).toBe("FORBIDDEN");
    expect(outside.message).toBe(
      `Your role is limited to eu-gdpr: 1 of these 2 satellites is outside it — us-fedramp (1, e.g. ${us1.slug}). "incidents.write" is region-scoped.`,
    );
    expect(await snapshot()).toEqual(before);

    const usIncident = await openIncident(operator, incidentInput({ satellites: [us1.slug] }));
    const usDraft = await proposal("us-fedramp", [us1.id]);
    const mine = await openIncident(euOperator, incidentInput({ satellites: [eu1.slug, eu2.slug] }));
    const beforeScoped = await snapshot();
    for (const call of [
      () =>
        postIncidentUpdate(euOperator, {
          id: usIncident.id,
          status: "identified",
          impact: "minor",
          body: "x",
        }),
      () => resolveIncident(euOperator, { id: usIncident.id }),
      () => setAffectedSatellites(euOperator, { id: usIncident.id, satellites: [eu1.slug] }),
      () => setAffectedSatellites(euOperator, { id: mine.id, satellites: [eu1.slug, us1.slug] }),
      () => publishIncident(euOperator, { id: usDraft.id }),
      () => dismissProposal(euOperator, { id: usDraft.id }),
    ]) {
      const error = await refused(call());
      expect(error.code).toBe("FORBIDDEN");
      expect(error.message).toMatch(/^Your role is limited to eu-gdpr: .*us-fedramp.*\.$/);
    }
    expect(await snapshot()).toEqual(beforeScoped);

    await postIncidentUpdate(euOperator, {
      id: mine.id,
      status: "identified",
      impact: "minor",
      body: "Ours.",
    });
    await resolveIncident(euOperator, { id: mine.id });
  });
});
