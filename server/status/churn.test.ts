// The simulator's normal churn, replayed against the real evaluation and snapshot code with a simulated
// clock: the public status of a whole-fleet page must stay calm while almost everything is healthy.
import { beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "@/agent/sim/manual-clock";
import { flakySlugs, OutageGate } from "@/agent/sim/offline";
import { SampleModel } from "@/agent/sim/sampler";
import { Uplink } from "@/agent/sim/uplink";
import { connectivityDeadlines, foldServices, type Health } from "@/lib/connectivity";
import type { StatusIndicator } from "@/lib/status/indicator";
import { buildFleet } from "../../prisma/seed-data/fleet";
import { REGIONS } from "../../prisma/seed-data/regions";
import { ctxAs, seedRegions } from "../../test/factories";
import { db } from "../db";
import { derivedColumns } from "../satellites/view";
import { evaluateStatusPages } from "./evaluate";
import { createStatusPage } from "./pages";
import { buildSnapshot } from "./snapshot";

const FLEET = 300;
/** The simulator's default share of satellites that drop off the network now and then. */
const OFFLINE_SHARE = 0.02;
const STEP_MS = 10_000;
const WARM_UP_MS = 30 * 60_000;
const POLL_MS = 5 * 60_000;
const start = Date.parse("2026-03-02T09:00:00Z");

type SimSite = { slug: string; model: SampleModel; uplink: Uplink; seq: number };

const regionOf = (country: string) => REGIONS.find((r) => r.countries.includes(country))?.id ?? "global";

let sites: SimSite[] = [];

beforeAll(async () => {
  await seedRegions();
  const fleet = buildFleet(FLEET);
  await db.satellite.createMany({
    data: fleet.map((s) => ({
      ...s,
      lifecycle: "active" as const,
      regionId: regionOf(s.country),
      ...derivedColumns(s),
    })),
  });
  const clock = new ManualClock(start);
  const gate = new OutageGate();
  const flaky = flakySlugs(
    fleet.map((s) => s.slug),
    OFFLINE_SHARE,
  );
  sites = fleet.map((s) => {
    const model = new SampleModel({
      slug: s.slug,
      lat: s.lat,
      lon: s.lon,
      link: { uplinkMbps: s.uplinkMbps, downlinkMbps: s.downlinkMbps },
    });
    const uplink = new Uplink(s.slug, model.profile.isSlowLink, flaky.has(s.slug), clock, gate);
    return { slug: s.slug, model, uplink, seq: 0 };
  });
  const admin = await ctxAs("admin");
  await createStatusPage(admin, {
    slug: "global",
    title: "Global",
    visibility: "public",
    includeAll: "on",
    showSatellites: "",
    allowedOrigins: "",
  });
}, 60_000);

/** Every satellite beats once at `now`, as the simulator's agents do; those cut off are not heard. */
async function beat(now: number): Promise<void> {
  const heard = new Map<Health, string[]>();
  for (const site of sites) {
    const isCutOff = site.uplink.step(now);
    const sample = site.model.sample(++site.seq, now);
    if (isCutOff) continue;
    const health = foldServices(sample.services);
    heard.set(health, [...(heard.get(health) ?? []), site.slug]);
  }
  const seen = new Date(now);
  for (const [health, slugs] of heard) {
    await db.satellite.updateMany({
      where: { slug: { in: slugs } },
      data: { lastSeenAt: seen, ...connectivityDeadlines(seen, 10), reportedHealth: health },
    });
  }
}

describe("public status under the simulator's normal churn", () => {
  it("a whole-fleet page changes its indicator at most twice in 5 minutes and stays calm while ≥ 95 % are healthy", async () => {
    let now = start;
    for (; now < start + WARM_UP_MS; now += STEP_MS) {
      await beat(now);
      // The reconciler's step; it runs every 5 s in production, every 10 s here.
      await evaluateStatusPages(new Date(now));
    }
    const samples: { indicator: StatusIndicator; healthyShare: number; regions: string }[] = [];
    for (const end = now + POLL_MS; now < end; now += STEP_MS) {
      await beat(now);
      await evaluateStatusPages(new Date(now));
      const doc = (await buildSnapshot("global", new Date(now), 0))!.document;
      const counts = doc.regions.map((r) => r.counts);
      const total = counts.reduce((n, c) => n + Object.values(c).reduce((a, b) => a + b, 0), 0);
      const healthy = counts.reduce((n, c) => n + c.operational, 0);
      samples.push({
        indicator: doc.indicator,
        healthyShare: healthy / total,
        regions: doc.regions.map((r) => `${r.id}:${r.status}`).join(" "),
      });
    }
    expect(samples).toHaveLength(30);
    const changes = samples.filter((s, i) => i > 0 && s.indicator !== samples[i - 1].indicator).length;
    const report = samples.map((s) => `${s.indicator} ${(s.healthyShare * 100).toFixed(1)}%`).join(", ");
    expect(changes, report).toBeLessThanOrEqual(2);
    for (const s of samples) {
      if (s.healthyShare >= 0.95) expect(["none", "minor"], `${report}\n${s.regions}`).toContain(s.indicator);
    }
    // The churn is real: some satellites were not healthy during the window.
    expect(Math.min(...samples.map((s) => s.healthyShare))).toBeLessThan(1);
  }, 240_000);
});
