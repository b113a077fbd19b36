import { describe, expect, it } from "vitest";
import { FakeClient, failure } from "./fake-client";
import { FACTS_MIX, simulatedFacts } from "./facts-model";
import { FactsSender } from "./facts-sender";
import { parseFleet } from "./fleet";
import { ManualClock } from "./manual-clock";
import { OutageGate } from "./offline";
import { rngFor } from "./prng";
import { SimAgent } from "./sim-agent";
import { SimStats } from "./stats";
import { steadySite } from "./test-site";

const NOW = Date.UTC(2026, 11, 6, 5);
const HOUR = 3_600_000;

function fleet(count: number, country: string) {
  return Array.from({ length: count }, (_, i) =>
    simulatedFacts({ slug: `site-${country}-${i}`, country, agentVersion: "1.4.0" }, NOW),
  );
}
const share = (items: unknown[], test: (x: never) => boolean) =>
  items.filter((x) => test(x as never)).length / items.length;

describe("the simulated facts mix", () => {
  const de = fleet(4000, "DE");
  const reported = de.filter((f) => f !== null);

  it("is the same on every run for a slug", () => {
    expect(simulatedFacts({ slug: "de-ber-edge-01", country: "DE", agentVersion: "1.4.0" }, NOW)).toEqual(
      simulatedFacts({ slug: "de-ber-edge-01", country: "DE", agentVersion: "1.4.0" }, NOW),
    );
  });

  it("has a few silent old agents, and every check failed by some sites and passed by most", () => {
    expect(share(de, (f) => f === null)).toBeCloseTo(FACTS_MIX.silent, 1);
    expect(share(reported, (f: { diskEncrypted: boolean | null }) => f.diskEncrypted === false)).toBeCloseTo(
      0.08,
      1,
    );
    expect(
      share(reported, (f: { diskEncrypted: boolean | null }) => f.diskEncrypted === null),
    ).toBeGreaterThan(0.005);
    expect(share(reported, (f: { clockOffsetMs: number }) => Math.abs(f.clockOffsetMs) > 500)).toBeCloseTo(
      0.05,
      1,
    );
    expect(
      share(reported, (f: { clockOffsetMs: number }) => Math.abs(f.clockOffsetMs) < 100),
    ).toBeGreaterThan(0.9);
    expect(
      share(reported, (f: { pendingSecurityUpdates: number | null }) => (f.pendingSecurityUpdates ?? 0) > 3),
    ).toBeGreaterThan(0.08);
    expect(
      share(reported, (f: { pendingSecurityUpdates: number | null }) => f.pendingSecurityUpdates === 0),
    ).toBeGreaterThan(0.5);
    const stale = (f: { lastBackupAt: string | null }) =>
      !!f.lastBackupAt && NOW - Date.parse(f.lastBackupAt) > 48 * HOUR;
    expect(share(reported, stale)).toBeCloseTo(FACTS_MIX.staleBackup, 1);
    expect(share(reported, (f: { lastBackupAt: string | null }) => f.lastBackupAt === null)).toBeCloseTo(
      FACTS_MIX.noBackupHook,
      1,
    );
    for (const f of reported) {
      if (f.lastBackupAt) expect(Date.parse(f.lastBackupAt)).toBeLessThanOrEqual(NOW);
    }
  });

  it("has FIPS on at most US federal sites, with a few off, and off at most others", () => {
    const us = fleet(2000, "US").filter((f) => f !== null);
    const offInUs = share(us, (f: { fipsEnabled: boolean }) => !f.fipsEnabled);
    expect(offInUs).toBeGreaterThan(0.02);
    expect(offInUs).toBeLessThan(0.12);
    expect(share(reported, (f: { fipsEnabled: boolean }) => f.fipsEnabled)).toBeLessThan(0.15);
  });

  it("moves a healthy site's daily backup forward with time", () => {
    const site = { slug: "de-fra-dc-01", country: "DE", agentVersion: "1.4.0" };
    const [a, b] = [simulatedFacts(site, NOW), simulatedFacts(site, NOW + 2 * 24 * HOUR)];
    if (a?.lastBackupAt && b?.lastBackupAt)
      expect(Date.parse(b.lastBackupAt) - Date.parse(a.lastBackupAt)).toBe(2 * 24 * HOUR);
  });
});

describe("FactsSender", () => {
  function sender(
    facts = simulatedFacts({ slug: "x", agentVersion: "1.4.0" }, NOW) ?? { agentVersion: "1.4.0" },
  ) {
    const clock = new ManualClock(NOW);
    const client = new FakeClient();
    let revoked = 0;
    const s = new FactsSender({
      client,
      clock,
      rng: rngFor("x", "t"),
      facts: () => facts,
      onUnauthorized: () => revoked++,
    });
    return { s, clock, client, revoked: () => revoked };
  }

  it("reports within two minutes of starting, then when the core asks", async () => {
    const { s, clock, client } = sender();
    await clock.advance(120_000);
    await s.maybeSend();
    expect(client.factsReports).toHaveLength(1);
    await s.maybeSend();
    await clock.advance(HOUR - 1000);
    await s.maybeSend();
    expect(client.factsReports).toHaveLength(1);
    await clock.advance(1000);
    await s.maybeSend();
    expect(client.factsReports).toHaveLength(2);
  });

  it("an old agent sends nothing; a 401 revokes, a 429 waits, a network failure retries in 5 min", async () => {
    const silent = new FactsSender({
      client: new FakeClient(),
      clock: new ManualClock(NOW + 200_000),
      rng: () => 0,
      facts: () => null,
      onUnauthorized: () => {},
    });
    await silent.maybeSend();
    expect(silent.sent).toBe(0);
    const { s, clock, client, revoked } = sender();
    client.factsScript.push(failure(401), failure(429, 600), new TypeError("fetch failed"));
    await clock.advance(120_000);
    await s.maybeSend();
    expect(revoked()).toBe(1);
    await clock.advance(HOUR);
    await s.maybeSend();
    await clock.advance(599_000);
    await s.maybeSend();
    expect(client.factsReports).toHaveLength(2);
    await clock.advance(1_000);
    await s.maybeSend();
    await clock.advance(5 * 60_000);
    await s.maybeSend();
    expect(client.factsReports).toHaveLength(4);
  });
});

describe("a simulated satellite", () => {
  it("reports its own facts beside its heartbeats, once in its first two minutes", async () => {
    const clock = new ManualClock(NOW);
    const client = new FakeClient();
    const spec = { ...steadySite("facts-site"), country: "US" };
    const saved = {
      satelliteId: "sat-1",
      agentToken: "orr_agent_t",
      seq: 0,
      stackVersion: "",
      executedKeys: [],
    };
    const deps = { client, clock, stats: new SimStats(NOW), gate: new OutageGate(), log: () => {} };
    const agent = new SimAgent(spec, saved, { speed: 1, upgradeFailureRate: 0, isFlaky: false }, deps);
    agent.start(0);
    await clock.advance(150_000);
    agent.stop();
    expect(client.heartbeats.length).toBeGreaterThan(10);
    const expected = simulatedFacts(spec, NOW);
    expect(client.factsReports).toHaveLength(expected ? 1 : 0);
    if (expected)
      expect(client.factsReports[0]).toMatchObject({ agentVersion: "1.4.0", osName: expected.osName });
  });
});

describe("the fleet file", () => {
  it("carries each satellite's country for its facts, and an older file without it still loads", () => {
    const entry = {
      slug: "us-nyc-dc-01",
      satelliteId: "s1",
      joinToken: "orr_join_x",
      heartbeatIntervalSec: 10,
      lat: 40.7,
      lon: -74,
      kind: "datacenter",
      uplinkMbps: 10_000,
      downlinkMbps: 10_000,
      stackVersion: "2026.11.1",
      agentVersion: "1.4.0",
    };
    const [withCountry, without] = parseFleet(
      JSON.stringify([{ ...entry, country: "US" }, entry]),
      "fleet.json",
    );
    expect(withCountry.country).toBe("US");
    expect(without.country).toBeNull();
  });
});
