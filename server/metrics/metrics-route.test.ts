import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ctxAs, satelliteInput, seedRegions } from "../../test/factories";
import { sample, startGateway } from "../../test/gateway";
import { db } from "../db";
import { metricsRoute } from "../gateway/metrics-route";
import { GatewayRouter } from "../gateway/router";
import { CLIENT_IP_HEADER } from "../http/headers";
import { ingestWriter } from "../ingest";
import { LEASE_NAME } from "../reconciler";
import { registerSatellite } from "../satellites/register";
import { metricsAccessConfig } from "./access";
import { forgetFleetReads, RECONCILER_LEASE } from "./fleet-source";
import { parseExposition, seriesKey } from "./parse-exposition";

const TOKEN = vi.hoisted(() => (process.env.METRICS_TOKEN = "metrics-test-token-0123456789"));
const auth = { authorization: `Bearer ${TOKEN}` };

let gateway: Awaited<ReturnType<typeof startGateway>>;
const id: Record<string, string> = {};

async function scrape(headers: Record<string, string> = auth) {
  const res = await fetch(`${gateway.url}/metrics`, { headers });
  return { status: res.status, type: res.headers.get("content-type"), text: await res.text() };
}

beforeAll(async () => {
  await seedRegions();
  const admin = await ctxAs("admin");
  const make = async (slug: string, over: Record<string, unknown> = {}) =>
    (id[slug] = (await registerSatellite(admin, satelliteInput({ slug, ...over }))).id);
  await make("m-fra-01", { country: "DE", provider: "hetzner", kind: "edge" });
  await make("m-fra-02", { country: "DE" });
  await make("m-nyc-01", { country: "US", kind: "datacenter" });
  await make("m-old-01", { country: "DE" });
  await db.satellite.update({ where: { id: id["m-old-01"] }, data: { lifecycle: "decommissioned" } });
  // A heartbeat through the ingest writer: m-fra-01 is connected and the ingest counters move.
  await ingestWriter().submit({
    satelliteId: id["m-fra-01"],
    intervalSec: 10,
    agentVersion: "1.4.0",
    stackVersion: "2.4.1",
    samples: [{ ...sample(1, new Date(), { rxMbps: 500, txMbps: 250 }), services: { compute: "ok" } }],
    now: new Date(),
  });
  await db.satellite.update({
    where: { id: id["m-fra-02"] },
    data: { lastSeenAt: new Date(Date.now() - 3_600_000) },
  });

  const release = await db.release.create({
    data: { version: "2.5.0", artifactSizeMb: 100, minAgentVersion: "1.0.0" },
  });
  const rollout = (status: "paused" | "completed", pausedReason: string | null) =>
    db.rollout.create({
      data: {
        name: `r-${status}`,
        releaseId: release.id,
        status,
        pausedReason,
        selector: {},
        maxConcurrency: 1,
        bakeMinutes: 0,
        failureThresholdPct: 10,
      },
    });
  const paused = await rollout("paused", "Failure threshold reached: 1 of 2 failed");
  id.paused = paused.id;
  const done = await rollout("completed", null);
  id.done = done.id;
  await db.rolloutTarget.createMany({
    data: [
      { rolloutId: paused.id, satelliteId: id["m-fra-01"], state: "succeeded" },
      { rolloutId: paused.id, satelliteId: id["m-fra-02"], state: "failed" },
      { rolloutId: done.id, satelliteId: id["m-nyc-01"], state: "succeeded" },
    ],
  });
  const command = (state: "succeeded" | "failed" | "expired" | "queued", type = "service.restart") =>
    db.command.create({
      data: {
        satelliteId: id["m-fra-01"],
        type,
        state,
        payload: {},
        idempotencyKey: `k-${Math.random()}`,
        expiresAt: new Date(Date.now() + 3_600_000),
      },
    });
  for (const s of ["succeeded", "succeeded", "failed", "expired", "queued"] as const) await command(s);
  await command("succeeded", "stack.upgrade");
  await db.lease.create({
    data: { name: RECONCILER_LEASE, holder: "test", expiresAt: new Date(Date.now() + 20_000) },
  });
  gateway = await startGateway();
});

afterAll(async () => {
  await gateway?.close();
});

describe("GET /metrics on the machine path", () => {
  it("asks for the bearer token", async () => {
    expect((await scrape({})).status).toBe(401);
    expect((await scrape({ authorization: "Bearer metrics-test-token-wrong" })).status).toBe(401);
    const ok = await scrape();
    expect(ok.status).toBe(200);
    expect(ok.type).toBe("text/plain; version=0.0.4; charset=utf-8");
  });

  it("exposes the seeded fleet, its rollouts, commands and the reconciler's lease", async () => {
    forgetFleetReads();
    const series = parseExposition((await scrape()).text).samples;
    const value = (name: string, labels: Record<string, string> = {}) =>
      series.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
        ?.value;
    const all = (name: string) => series.filter((s) => s.name === name);

    expect(
      all("orrery_satellite_info")
        .map((s) => s.labels.satellite)
        .sort(),
    ).toEqual(["m-fra-01", "m-fra-02", "m-nyc-01"]);
    expect(all("orrery_satellite_info").find((s) => s.labels.satellite === "m-fra-01")?.labels).toEqual({
      satellite: "m-fra-01",
      region: "eu-gdpr",
      provider: "hetzner",
      kind: "edge",
      version: "2.4.1",
      lifecycle: "active",
    });
    expect(value("orrery_satellite_connectivity", { satellite: "m-fra-01", state: "connected" })).toBe(1);
    expect(value("orrery_satellite_connectivity", { satellite: "m-fra-01", state: "offline" })).toBe(0);
    expect(value("orrery_satellite_connectivity", { satellite: "m-fra-02", state: "offline" })).toBe(1);
    expect(value("orrery_satellite_connectivity", { satellite: "m-nyc-01", state: "never_seen" })).toBe(1);
    expect(value("orrery_satellite_last_heartbeat_timestamp_seconds", { satellite: "m-fra-01" })).toBeCloseTo(
      Date.now() / 1000,
      -2,
    );
    expect(value("orrery_satellite_link_utilisation_ratio", { satellite: "m-fra-01", direction: "rx" })).toBe(
      0.5,
    );
    expect(value("orrery_satellite_link_utilisation_ratio", { satellite: "m-fra-01", direction: "tx" })).toBe(
      0.25,
    );
    expect(all("orrery_satellite_link_utilisation_ratio").map((s) => s.labels.satellite)).toEqual([
      "m-fra-01",
      "m-fra-01",
    ]);

    const total = all("orrery_satellites").reduce((n, s) => n + s.value, 0);
    expect(total).toBe(3);
    expect(value("orrery_satellites", { region: "eu-gdpr", connectivity: "connected" })).toBe(1);
    expect(value("orrery_satellites", { region: "eu-gdpr", connectivity: "offline" })).toBe(1);

    expect(value("orrery_rollout_satellites", { rollout: id.paused, state: "failed" })).toBe(1);
    expect(value("orrery_rollout_satellites", { rollout: id.paused, state: "pending" })).toBe(0);
    expect(all("orrery_rollout_satellites").some((s) => s.labels.rollout === id.done)).toBe(false);
    expect(value("orrery_rollout_auto_paused", { rollout: id.paused })).toBe(1);

    expect(value("orrery_commands_total", { type: "service.restart", result: "succeeded" })).toBe(2);
    expect(value("orrery_commands_total", { type: "service.restart", result: "expired" })).toBe(1);
    expect(value("orrery_commands_total", { type: "stack.upgrade", result: "succeeded" })).toBe(1);
    expect(value("orrery_commands_total", { type: "stack.upgrade", result: "cancelled" })).toBe(0);
    expect(value("orrery_reconciler_leader")).toBe(1);

    expect(value("orrery_ingest_heartbeats_total")).toBeGreaterThanOrEqual(1);
    expect(value("orrery_ingest_batch_seconds_count")).toBeGreaterThanOrEqual(1);
    expect(value("orrery_reconciler_tick_seconds_count")).toBeDefined();
    expect(value("process_cpu_user_seconds_total")).toBeGreaterThan(0);
    expect(value("nodejs_heap_size_used_bytes")).toBeGreaterThan(0);
  });

  it("names each series once and declares every family once", async () => {
    const { samples, families, declaredTwice } = parseExposition((await scrape()).text);
    const keys = samples.map(seriesKey);
    expect(keys.length).toBeGreaterThan(50);
    expect(new Set(keys).size).toBe(keys.length);
    expect(declaredTwice).toEqual([]);
    for (const s of samples) {
      const family = s.name.replace(/_(bucket|sum|count)$/, "");
      expect(families.has(s.name) || families.has(family), s.name).toBe(true);
    }
  });

  it("says when no reconciler holds the lease", async () => {
    expect(LEASE_NAME).toBe(RECONCILER_LEASE);
    await db.lease.update({
      where: { name: RECONCILER_LEASE },
      data: { expiresAt: new Date(Date.now() - 1) },
    });
    forgetFleetReads();
    const { samples } = parseExposition((await scrape()).text);
    expect(samples.find((s) => s.name === "orrery_reconciler_leader")?.value).toBe(0);
  });
});

describe("other access settings", () => {
  /** The route behind a server that stamps the socket's address, as the server entry does. */
  async function serve(token: string | undefined, allow: string): Promise<{ url: string; server: Server }> {
    const router = new GatewayRouter().on(
      "GET",
      "/metrics",
      metricsRoute(metricsAccessConfig({ token, allow })),
    );
    const server = createServer((req, res) => {
      req.headers[CLIENT_IP_HEADER] = req.socket.remoteAddress ?? "unknown";
      if (!router.handle(req, res)) res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`, server };
  }

  it("is off (404) while neither a token nor an allow-list is set", async () => {
    const { url, server } = await serve(undefined, "");
    const res = await fetch(url, { headers: auth });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: "NOT_FOUND", message: "No such endpoint: /metrics" } });
    server.close();
  });

  it("lets an allowed address in without a token and refuses another", async () => {
    const allowed = await serve(undefined, "127.0.0.0/8");
    expect((await fetch(allowed.url)).status).toBe(200);
    allowed.server.close();
    const elsewhere = await serve(undefined, "192.0.2.0/24");
    expect((await fetch(elsewhere.url)).status).toBe(403);
    elsewhere.server.close();
  });
});
