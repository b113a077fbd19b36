import { describe, expect, it } from "vitest";
import { FakeClient, command, failure } from "./fake-client";
import type { SiteSpec } from "./fleet";
import { ManualClock } from "./manual-clock";
import { OutageGate, nextOutage } from "./offline";
import { rngFor } from "./prng";
import { siteProfile } from "./profile";
import { steadySite } from "./test-site";
import { SimAgent } from "./sim-agent";
import type { AgentState } from "./state-file";
import { SimStats } from "./stats";

const T0 = Date.UTC(2026, 10, 28, 10);

function setup(options: { slug?: string; isFlaky?: boolean; saved?: AgentState | null } = {}) {
  const spec: SiteSpec = { ...steadySite("fra-edge"), ...(options.slug ? { slug: options.slug } : {}) };
  const slug = spec.slug;
  const saved =
    options.saved === undefined
      ? { satelliteId: "sat-1", agentToken: "orr_agent_t", seq: 0, stackVersion: "", executedKeys: [] }
      : options.saved;
  const clock = new ManualClock(T0);
  const client = new FakeClient();
  const stats = new SimStats(T0);
  const gate = new OutageGate();
  const logs: string[] = [];
  const agentOptions = { speed: 1, upgradeFailureRate: 0, isFlaky: options.isFlaky ?? false };
  const deps = { client, clock, stats, gate, log: (m: string) => logs.push(m) };
  const agent = new SimAgent(spec, saved, agentOptions, deps);
  return { slug, agent, client, clock, stats, gate, logs };
}

const seqs = (client: FakeClient) => client.heartbeats.flatMap((h) => h.samples.map((s) => s.seq));

describe("SimAgent", () => {
  it("buffers while cut off, then sends everything in batches of at most 500 in rising seq order", async () => {
    const { slug, agent, client, clock, gate } = setup({ isFlaky: true });
    const outage = nextOutage(rngFor(slug, "outage"), T0, true);
    await agent.beat();
    await clock.advance(outage.startMs - clock.now());
    let cutOffBeats = 0;
    do {
      await agent.beat();
      if (agent.isCutOff) cutOffBeats++;
      expect(gate.size).toBe(agent.isCutOff ? 1 : 0);
      await clock.advance(200);
    } while (agent.isCutOff);

    expect(cutOffBeats).toBeGreaterThan(500);
    const batches = client.heartbeats.slice(1);
    expect(batches.length).toBeGreaterThanOrEqual(2);
    for (const batch of batches) expect(batch.samples.length).toBeLessThanOrEqual(500);
    const all = seqs(client);
    expect(all).toEqual(all.map((_, i) => i + 1));
    expect(agent.buffer.size).toBe(0);
  });

  it("on a slow link, waits 300–1500 ms before each request and reports that in rttMs", async () => {
    let i = 0;
    while (!siteProfile(`slow-${i}`, 50, 8).isSlowLink) i++;
    const { agent, client, clock } = setup({ slug: `slow-${i}` });
    const beat = agent.beat();
    await clock.advance(250);
    expect(client.heartbeats).toHaveLength(0);
    await clock.advance(1_300);
    await beat;
    expect(client.heartbeats).toHaveLength(1);
    expect(client.heartbeats[0].samples[0].rttMs).toBeGreaterThanOrEqual(300);
  });

  it("keeps samples after a network error or 5xx and sends them with the next beat", async () => {
    const { agent, client, clock, stats } = setup();
    client.heartbeatScript.push(new Error("connect ECONNREFUSED"), failure(503));
    await agent.beat();
    await clock.advance(10_000);
    await agent.beat();
    await clock.advance(10_000);
    await agent.beat();
    expect(client.heartbeats.map((h) => h.samples.length)).toEqual([1, 2, 3]);
    expect(agent.buffer.size).toBe(0);
    expect(Object.fromEntries(stats.errors)).toEqual({ net: 1, "503": 1 });
  });

  it("honours Retry-After on 429", async () => {
    const { agent, client, clock } = setup();
    client.heartbeatScript.push(failure(429, 30));
    await agent.beat();
    await clock.advance(10_000);
    await agent.beat();
    expect(client.heartbeats).toHaveLength(1);
    await clock.advance(20_000);
    await agent.beat();
    expect(client.heartbeats.map((h) => h.samples.length)).toEqual([1, 3]);
  });

  it("stops on 401 and forgets its token", async () => {
    const { agent, client, logs } = setup();
    client.heartbeatScript.push(failure(401));
    await agent.beat();
    expect(agent.phase).toBe("revoked");
    expect(agent.snapshot()).toBeNull();
    expect(logs.join()).toMatch(/401/);
  });

  it("skips a satellite whose join token is already used, logging it once", async () => {
    const { agent, client, clock, logs } = setup({ saved: null });
    client.enrollAnswer = failure(401);
    agent.start(0);
    await clock.advance(60_000);
    expect(agent.phase).toBe("skipped");
    expect(client.enrolls).toHaveLength(1);
    expect(logs).toHaveLength(1);
  });

  it("enrolls once, then beats about every interval with jitter", async () => {
    const { agent, client, clock } = setup({ saved: null });
    agent.start();
    await clock.advance(10_000);
    expect(client.enrolls).toHaveLength(1);
    expect(client.enrolls[0]).not.toHaveProperty("satellite");
    await clock.advance(100_000);
    expect(client.heartbeats.length).toBeGreaterThanOrEqual(9);
    expect(client.heartbeats.length).toBeLessThanOrEqual(11);
    expect(agent.snapshot()).toMatchObject({ agentToken: "orr_agent_test", satelliteId: "sat-1" });
  });

  it("runs a command delivered twice only once, and reports the new stack version after an upgrade", async () => {
    const { agent, client, clock, stats } = setup();
    const upgrade = command({ type: "stack.upgrade", payload: { version: "2026.12.0" } });
    client.heartbeatScript.push({ commands: [upgrade] }, { commands: [upgrade] });
    await agent.beat();
    await clock.advance(10_000);
    await agent.beat();
    await clock.advance(60_000);
    expect(stats.commandsStarted).toBe(1);
    expect(client.acks.map((a) => a.status)).toEqual(["running", "succeeded"]);
    await agent.beat();
    expect(client.heartbeats.at(-1)?.stackVersion).toBe("2026.12.0");
    expect(agent.snapshot()?.executedKeys).toEqual(["key-1"]);
  });
});
