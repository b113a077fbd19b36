import { mkdtemp, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FakeClient } from "./fake-client";
import type { SiteSpec } from "./fleet";
import { FleetRunner } from "./fleet-runner";
import { ManualClock } from "./manual-clock";
import { type SimState, loadState, parseState, saveState } from "./state-file";

const state: SimState = {
  agents: {
    "fra-edge-01": {
      satelliteId: "sat-fra",
      agentToken: "orr_agent_fra",
      seq: 1041,
      stackVersion: "2026.11.1",
      executedKeys: ["k1", "k2"],
    },
  },
};

const spec = (slug: string, satelliteId: string): SiteSpec => ({
  slug,
  satelliteId,
  joinToken: `orr_join_${slug}`,
  heartbeatIntervalSec: 10,
  lat: 50.11,
  lon: 8.68,
  kind: "edge",
  link: { uplinkMbps: 1000, downlinkMbps: 1000 },
  stackVersion: "2026.10.3",
  agentVersion: "1.4.0",
});

describe("state file", () => {
  it("round-trips through disk and leaves no temporary file behind", async () => {
    const dir = await mkdtemp(join(tmpdir(), "orrery-sim-"));
    const path = join(dir, "nested", "state.json");
    await saveState(path, state);
    expect(await loadState(path)).toEqual(state);
    expect(await readdir(join(dir, "nested"))).toEqual(["state.json"]);
    expect((await stat(path)).mode & 0o077).toBe(0);
  });

  it("starts empty without a file, and refuses a broken one rather than lose tokens", async () => {
    const dir = await mkdtemp(join(tmpdir(), "orrery-sim-"));
    expect(await loadState(join(dir, "missing.json"))).toEqual({ agents: {} });
    await writeFile(join(dir, "broken.json"), "{ not json");
    await expect(loadState(join(dir, "broken.json"))).rejects.toThrow(/state file/);
  });

  it("skips entries that do not parse", () => {
    const text = JSON.stringify({ agents: { ...state.agents, bad: { agentToken: 3 } } });
    expect(parseState(text)).toEqual(state);
  });

  it("lets a restarted fleet resume with the same token and a growing seq, without enrolling", async () => {
    const dir = await mkdtemp(join(tmpdir(), "orrery-sim-"));
    const path = join(dir, "state.json");
    const other = { ...state.agents["fra-edge-01"], satelliteId: "sat-other" };
    await saveState(path, { agents: { ...state.agents, "not-running": other } });

    const clock = new ManualClock(Date.UTC(2026, 10, 28, 10));
    const client = new FakeClient();
    const options = { core: "http://core", speed: 1, upgradeFailureRate: 0, offlineShare: 0 };
    const runner = new FleetRunner([spec("fra-edge-01", "sat-fra")], await loadState(path), options, {
      clock,
      log: () => {},
      makeClient: () => client,
    });
    const [agent] = runner.agents;
    expect(agent.phase).toBe("running");
    expect(client.token).toBe("orr_agent_fra");
    await agent.beat();
    expect(client.enrolls).toHaveLength(0);
    expect(client.heartbeats[0].samples[0].seq).toBe(1042);

    await saveState(path, runner.stateToSave());
    const saved = JSON.parse(await readFile(path, "utf8")) as SimState;
    expect(saved.agents["fra-edge-01"]).toMatchObject({ agentToken: "orr_agent_fra", seq: 1042 });
    expect(saved.agents["not-running"]).toEqual(other);
  });

  it("enrolls afresh when the saved entry belongs to another satellite (the seed ran again)", async () => {
    const clock = new ManualClock(0);
    const runner = new FleetRunner(
      [spec("fra-edge-01", "sat-new")],
      state,
      { core: "http://core", speed: 1, upgradeFailureRate: 0, offlineShare: 0 },
      { clock, log: () => {}, makeClient: () => new FakeClient() },
    );
    expect(runner.agents[0].phase).toBe("enrolling");
    expect(runner.staleSlugs.has("fra-edge-01")).toBe(true);
    expect(runner.stateToSave().agents["fra-edge-01"]).toBeUndefined();
  });
});
