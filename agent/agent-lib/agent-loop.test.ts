import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { HostReading } from "../host/host-sampler";
import {
  ProtocolError,
  type DeliveredCommand,
  type HeartbeatRequest,
  type HeartbeatResponse,
} from "../protocol";
import { AgentLoop } from "./agent-loop";
import { EXIT } from "./exit-codes";
import { SampleBuffer } from "./disk-buffer";
import { memoryLogger } from "./log";
import { StateStore } from "./state-store";
import { T0, tempDirsRemovedAfterEach } from "./test-helpers";

const tempDir = tempDirsRemovedAfterEach();
const reading: HostReading = {
  cpuPct: 12.34,
  memPct: 50,
  diskPct: 95,
  rxMbps: 1.234,
  txMbps: 0.5,
  load1: 1,
  cores: 4,
};
type Reply = HeartbeatResponse | Error | unknown;

const answer = (over: Partial<HeartbeatResponse> = {}): HeartbeatResponse => ({
  accepted: 1,
  duplicates: 0,
  lastSeq: 0,
  heartbeatIntervalSec: 10,
  commands: [],
  ...over,
});
const status = (code: number, retryAfterSec?: number, fields?: Record<string, string>) =>
  new ProtocolError(code, { error: { code: "X", message: `status ${code}`, fields } }, retryAfterSec);

function setup(replies: Reply[] = []) {
  const dir = tempDir();
  const store = StateStore.open(dir);
  store.enrolled({
    core: "http://core/",
    satelliteId: "s",
    agentToken: "t",
    heartbeatIntervalSec: 10,
    seq: 0,
    stackVersion: "2026.11.1",
  });
  const buffer = new SampleBuffer(dir);
  const requests: HeartbeatRequest[] = [];
  const accepted: DeliveredCommand[] = [];
  const log = memoryLogger();
  let now = T0;
  const loop = new AgentLoop({
    store,
    buffer,
    log,
    clock: () => now,
    agentVersion: "1.4.0",
    readHost: () => reading,
    heartbeat: async (request) => {
      // The seq of every sample sent is already saved.
      expect(JSON.parse(readFileSync(store.path, "utf8")).seq).toBeGreaterThanOrEqual(
        request.samples.at(-1)!.seq,
      );
      requests.push(request);
      const reply = replies.length ? replies.shift() : answer({ accepted: request.samples.length });
      if (reply instanceof Error) throw reply;
      return reply as HeartbeatResponse;
    },
    executor: { accept: (commands) => accepted.push(...commands), flushAcks: async () => {} },
  });
  const advance = (ms: number) => (now += ms);
  return { store, buffer, requests, accepted, log, loop, advance, dir };
}

describe("AgentLoop", () => {
  it("samples, sends at once, then waits one interval", async () => {
    const { loop, requests, buffer } = setup();
    expect(await loop.step()).toEqual({ waitMs: 10_000 });
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ agentVersion: "1.4.0", stackVersion: "2026.11.1" });
    expect(requests[0].samples[0]).toMatchObject({
      seq: 1,
      at: "2026-11-28T10:00:00.000Z",
      cpuPct: 12.3,
      rxMbps: 1.23,
      services: { compute: "ok", storage: "degraded", network: "ok" },
    });
    expect(buffer.size).toBe(0);
  });

  it("buffers while the core is away and drains in batches of 500, oldest first, back to back", async () => {
    const outage = Array.from({ length: 1200 }, () => new TypeError("fetch failed"));
    const { loop, requests, buffer, advance, log } = setup(outage);
    for (let i = 0; i < 1200; i++) {
      expect(await loop.step()).toEqual({ waitMs: 10_000 });
      advance(10_000);
    }
    expect(buffer.size).toBe(1200);
    expect(log.lines.filter((l) => l.includes("buffering"))).toHaveLength(1);
    expect(await loop.step()).toEqual({ waitMs: 0 });
    expect(await loop.step()).toEqual({ waitMs: 0 });
    expect(await loop.step()).toEqual({ waitMs: 10_000 });
    const drain = requests.slice(1200).map((r) => r.samples.map((s) => s.seq));
    expect(drain.map((seqs) => seqs.length)).toEqual([500, 500, 201]);
    expect(drain.flat()).toEqual(Array.from({ length: 1201 }, (_, i) => i + 1));
    expect(buffer.size).toBe(0);
    expect(log.lines.some((l) => l.includes("core reachable again"))).toBe(true);
  });

  it("keeps the samples when a 5xx or a strange 200 answers", async () => {
    const { loop, buffer, advance } = setup([status(503), { hello: "portal" }]);
    await loop.step();
    advance(10_000);
    await loop.step();
    expect(buffer.size).toBe(2);
    advance(10_000);
    await loop.step();
    expect(buffer.size).toBe(0);
  });

  it("waits as long as a 429 asks before sending again, sampling meanwhile", async () => {
    const { loop, requests, buffer, advance } = setup([status(429, 25)]);
    expect(await loop.step()).toEqual({ waitMs: 10_000 });
    advance(10_000);
    expect(await loop.step()).toEqual({ waitMs: 10_000 });
    advance(10_000);
    expect(await loop.step()).toEqual({ waitMs: 5_000 });
    expect(requests).toHaveLength(1);
    expect(buffer.size).toBe(3);
    advance(5_000);
    await loop.step();
    expect(requests).toHaveLength(2);
    expect(requests[1].samples.map((s) => s.seq)).toEqual([1, 2, 3]);
  });

  it("exits on 401, keeping the samples", async () => {
    const { loop, buffer, log } = setup([status(401)]);
    expect(await loop.step()).toEqual({ exitCode: EXIT.tokenRevoked });
    expect(buffer.size).toBe(1);
    expect(log.lines.join("\\n")).toMatch(/revoked/);
  });

  it("drops a batch the core rejects with 422, loudly, with the field errors", async () => {
    const { loop, buffer, log } = setup([
      status(422, undefined, { "samples[0].cpuPct": "must be at most 100" }),
    ]);
    await loop.step();
    expect(buffer.size).toBe(0);
    const line = log.lines.find((l) => l.startsWith("error"));
    expect(line).toMatch(/REJECTED.*samples\[0\]\.cpuPct: must be at most 100.*DROPPED/);
  });

  it("hands commands over, follows the interval the core asks for and jumps ahead of its lastSeq", async () => {
    const delivered: DeliveredCommand = {
      id: "c1",
      type: "diagnostics.run",
      payload: {},
      idempotencyKey: "k1",
      issuedAt: "2026-11-28T10:00:00Z",
      expiresAt: "2026-11-28T11:00:00Z",
    };
    const { loop, accepted, store, requests, advance } = setup([
      answer({ heartbeatIntervalSec: 30, lastSeq: 500, commands: [delivered] }),
    ]);
    expect(await loop.step()).toEqual({ waitMs: 30_000 });
    expect(accepted).toEqual([delivered]);
    expect(store.state.heartbeatIntervalSec).toBe(30);
    advance(30_000);
    await loop.step();
    expect(requests[1].samples[0].seq).toBe(501);
  });

  it("reports the network degraded and the loss after failed calls", async () => {
    const { loop, requests, advance } = setup([new TypeError("fetch failed")]);
    await loop.step();
    advance(10_000);
    await loop.step();
    expect(requests[1].samples[1]).toMatchObject({ lossPct: 100, services: { network: "degraded" } });
    advance(10_000);
    await loop.step();
    expect(requests[2].samples[0]).toMatchObject({ lossPct: 50, services: { network: "ok" } });
  });
});
