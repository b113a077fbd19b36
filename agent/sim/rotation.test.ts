import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import type { AckRequest } from "../protocol";
import { FakeClient, command } from "./fake-client";
import { FleetRunner } from "./fleet-runner";
import { ManualClock } from "./manual-clock";
import { steadySite } from "./test-site";
import type { SimState } from "./state-file";

const OLD = `orr_agent_${"o".repeat(43)}`;
const NEW = `orr_agent_${"N".repeat(43)}`;

async function setup(stateFile: string) {
  const spec = steadySite("rot-edge");
  const slug = spec.slug;
  const saved: SimState = {
    agents: { [slug]: { satelliteId: "sat-1", agentToken: OLD, seq: 5, stackVersion: "", executedKeys: [] } },
  };
  const clock = new ManualClock(Date.UTC(2026, 10, 28, 10));
  const client = new FakeClient();
  const options = { core: "http://core", speed: 1, upgradeFailureRate: 0, offlineShare: 0, stateFile };
  const runner = new FleetRunner([spec], saved, options, { clock, log: () => {}, makeClient: () => client });
  const acks: { status: AckRequest["status"]; token: string | null; onDisk: string | undefined }[] = [];
  client.onAck = async (_id, request, token) => {
    let onDisk: string | undefined;
    try {
      onDisk = (JSON.parse(await readFile(stateFile, "utf8")) as SimState).agents[slug]?.agentToken;
    } catch {
      onDisk = undefined;
    }
    acks.push({ status: request.status, token, onDisk });
  };
  const rotate = command({
    type: "agent.rotate-credentials",
    payload: { agentToken: NEW },
    idempotencyKey: "rot-1",
  });
  client.heartbeatScript.push({ commands: [rotate] });
  const [agent] = runner.agents;
  return { agent, client, clock, acks };
}

describe("simulator: agent.rotate-credentials", () => {
  it("saves the new token to the state file before the final ack, acks with it, and heartbeats with it", async () => {
    const dir = await mkdtemp(join(tmpdir(), "orrery-sim-rot-"));
    const stateFile = join(dir, "state.json");
    const { agent, client, clock, acks } = await setup(stateFile);
    expect(client.token).toBe(OLD);
    await agent.beat();
    await vi.waitFor(async () => {
      await clock.advance(0);
      expect(acks.map((a) => a.status)).toEqual(["running", "succeeded"]);
    });
    expect(acks[1]).toEqual({ status: "succeeded", token: NEW, onDisk: NEW });
    expect(agent.snapshot()?.agentToken).toBe(NEW);
    expect(client.token).toBe(NEW);
  });

  it("acks failed and keeps the old token when the new one cannot be saved", async () => {
    const dir = await mkdtemp(join(tmpdir(), "orrery-sim-rot-"));
    const blocker = join(dir, "not-a-dir");
    await writeFile(blocker, "");
    const { agent, client, clock, acks } = await setup(join(blocker, "state.json"));
    await agent.beat();
    await vi.waitFor(async () => {
      await clock.advance(0);
      expect(acks.map((a) => a.status)).toEqual(["running", "failed"]);
    });
    expect(client.acks[1].message).toMatch(/could not save the new agent token/);
    expect(acks[1].token).toBe(OLD);
    expect(client.token).toBe(OLD);
    expect(agent.snapshot()?.agentToken).toBe(OLD);
  });
});
