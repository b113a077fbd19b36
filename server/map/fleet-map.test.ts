import { beforeAll, describe, expect, it } from "vitest";
import { connectivityDeadlines } from "@/lib/connectivity";
import { decodePoints, MAP_ROLLOUT_STATES, MAP_STATUSES, type MapStatus } from "@/lib/fleet-map";
import { anonymous, ctxAs, satelliteInput, seedRegions } from "../../test/factories";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { AppError } from "../errors";
import { registerSatellite } from "../satellites/register";
import { fleetMap, fleetMapShared } from "./fleet-map";

let admin: Ctx;
let viewer: Ctx;
const now = new Date("2026-11-28T12:00:00.000Z");
const slugs: Record<string, string> = {};

/** A satellite last heard `agoSec` before `now`, reporting `health` and some traffic. */
async function satellite(
  key: string,
  agoSec: number | null,
  health: "healthy" | "degraded" | "critical" = "healthy",
  extra: Record<string, unknown> = {},
  traffic = { rx: 400, tx: 200 },
) {
  const created = await registerSatellite(admin, satelliteInput({ ...extra }));
  slugs[key] = created.slug;
  if (agoSec !== null) {
    const lastSeenAt = new Date(now.getTime() - agoSec * 1000);
    await db.satellite.update({
      where: { id: created.id },
      data: {
        lifecycle: "active",
        lastSeenAt,
        ...connectivityDeadlines(lastSeenAt, 10),
        reportedHealth: health,
        lastRxMbps: traffic.rx,
        lastTxMbps: traffic.tx,
      },
    });
  }
  return created;
}

beforeAll(async () => {
  await seedRegions();
  admin = await ctxAs("admin");
  viewer = await ctxAs("viewer");
  await satellite("healthy", 5);
  await satellite("degraded", 5, "degraded", { kind: "datacenter" });
  await satellite("critical", 5, "critical", { country: "US", lat: 40.7, lon: -74 });
  // Stale: silent past 2×10 s + 20 s, still reporting critical: the map says stale, never "critical".
  await satellite("stale", 60, "critical");
  await satellite("offline", 600, "healthy", { country: "US", lat: 37.77, lon: -122.42 });
  await satellite("never", null);
  await satellite("hot", 5, "healthy", { labels: { tier: "edge-hot" } }, { rx: 900, tx: 800 });
  const rolling = await satellite("rolling", 5);
  const release = await db.release.create({
    data: { version: "2026.12.0", artifactSizeMb: 800, minAgentVersion: "1.0.0" },
  });
  const rollout = await db.rollout.create({
    data: {
      name: "December",
      releaseId: release.id,
      status: "running",
      selector: {},
      maxConcurrency: 5,
      bakeMinutes: 10,
      failureThresholdPct: 20,
    },
  });
  await db.rolloutTarget.create({
    data: { rolloutId: rollout.id, satelliteId: rolling.id, state: "upgrading" },
  });
  // A finished rollout holds nobody: its targets must not colour the map.
  const done = await db.rollout.create({
    data: {
      name: "November",
      releaseId: release.id,
      status: "completed",
      selector: {},
      maxConcurrency: 5,
      bakeMinutes: 10,
      failureThresholdPct: 20,
    },
  });
  const healthy = await db.satellite.findUniqueOrThrow({ where: { slug: slugs.healthy } });
  await db.rolloutTarget.create({ data: { rolloutId: done.id, satelliteId: healthy.id, state: "failed" } });
  await db.incident.create({ data: { title: "Frankfurt link loss", impact: "minor" } });
  await db.incident.create({ data: { title: "Proposed", impact: "minor", isProposed: true } });
  await db.incident.create({
    data: { title: "Old", impact: "minor", status: "resolved", resolvedAt: now },
  });
});

function statusBySlug(payload: Awaited<ReturnType<typeof fleetMap>>["payload"]) {
  return new Map(decodePoints(payload).map((p) => [p.slug, MAP_STATUSES[p.status]]));
}

describe("the fleet map's data", () => {
  it("refuses a caller without a session", async () => {
    await expect(fleetMap(anonymous, {}, now)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("gives every satellite one status, connectivity before reported health", async () => {
    const { payload } = await fleetMap(viewer, {}, now);
    const status = statusBySlug(payload);
    const expected: Record<string, MapStatus> = {
      healthy: "healthy",
      degraded: "degraded",
      critical: "critical",
      stale: "stale",
      offline: "offline",
      never: "never_seen",
      hot: "healthy",
    };
    for (const [key, value] of Object.entries(expected)) expect(status.get(slugs[key]), key).toBe(value);
    expect(payload.kpis.total).toBe(payload.slug.length);
    expect(payload.kpis.byStatus).toMatchObject({ stale: 1, offline: 1, never_seen: 1, critical: 1 });
  });

  it("sends coordinates in hundredths of a degree and link use in percent", async () => {
    const { payload } = await fleetMap(viewer, {}, now);
    const points = new Map(decodePoints(payload).map((p) => [p.slug, p]));
    expect(points.get(slugs.critical)).toMatchObject({ lat: 40.7, lon: -74 });
    // 400 + 200 Mbps over 1000 + 1000 Mbps of link.
    expect(points.get(slugs.healthy)?.bw).toBe(30);
    expect(points.get(slugs.hot)?.bw).toBe(85);
    // Offline and never-seen satellites have no live figure, whatever they last sent.
    expect(points.get(slugs.offline)?.bw).toBe(-1);
    expect(points.get(slugs.never)?.bw).toBe(-1);
    expect(payload.kpis.hotLinks).toBe(1);
    // The stale satellite still counts: it is late, not gone.
    expect(payload.kpis.rxMbps).toBe(400 * 5 + 900);
  });

  it("marks satellites held by an active rollout, and only those", async () => {
    const { payload } = await fleetMap(viewer, {}, now);
    const rollout = new Map(decodePoints(payload).map((p) => [p.slug, MAP_ROLLOUT_STATES[p.rollout]]));
    expect(rollout.get(slugs.rolling)).toBe("upgrading");
    expect(rollout.get(slugs.healthy)).toBe("none");
    expect(payload.kpis.activeRollouts).toBe(1);
    expect(payload.kpis.openIncidents).toBe(1);
  });

  it("applies the list's filters to the points and the counts alike", async () => {
    const us = await fleetMap(viewer, { region: "us-fedramp" }, now);
    expect(new Set(us.payload.slug)).toEqual(new Set([slugs.critical, slugs.offline]));
    expect(us.payload.kpis.total).toBe(2);
    const offline = await fleetMap(viewer, { connectivity: "offline" }, now);
    expect(offline.payload.slug).toEqual([slugs.offline]);
    const labelled = await fleetMap(viewer, { label: "tier=edge-hot" }, now);
    expect(labelled.payload.slug).toEqual([slugs.hot]);
    const kind = await fleetMap(viewer, { kind: "datacenter", q: "frankfurt" }, now);
    expect(kind.payload.slug).toEqual([slugs.degraded]);
  });

  it("answers a bad filter with the field that is wrong", async () => {
    const error = await fleetMap(viewer, { connectivity: "sideways" }, now).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("VALIDATION");
    expect(Object.keys((error as AppError).fields ?? {})).toContain("connectivity[0]");
  });

  it("keeps its ETag while nothing changes, and changes it when time alone makes a satellite stale", async () => {
    const a = await fleetMap(viewer, {}, now);
    const b = await fleetMap(viewer, {}, now);
    expect(b.etag).toBe(a.etag);
    const later = await fleetMap(viewer, {}, new Date(now.getTime() + 45_000));
    expect(later.etag).not.toBe(a.etag);
    expect(statusBySlug(later.payload).get(slugs.healthy)).toBe("stale");
  });

  it("shares one answer between callers for a moment, but authorizes and validates each of them", async () => {
    const a = await fleetMapShared(viewer, { region: "us-fedramp" });
    const b = await fleetMapShared(viewer, { region: "us-fedramp" });
    expect(b).toBe(a);
    await expect(fleetMapShared(anonymous, { region: "us-fedramp" })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    await expect(fleetMapShared(viewer, { health: "purple" })).rejects.toMatchObject({ code: "VALIDATION" });
    const other = await fleetMapShared(viewer, { region: "eu-gdpr" });
    expect(other).not.toBe(a);
  });

  it("serialises once: the JSON it answers with is the payload", async () => {
    const { payload, json } = await fleetMap(viewer, {}, now);
    expect(JSON.parse(json)).toEqual(payload);
  });
});
