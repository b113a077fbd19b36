import { describe, expect, it } from "vitest";
import { ProtocolError, type EnrollRequest, type EnrollResponse } from "../protocol";
import { enrollUntilDone } from "./enroll";
import { EXIT } from "./exit-codes";
import { memoryLogger } from "./log";
import { StateStore } from "./state-store";
import { T0, tempDirsRemovedAfterEach } from "./test-helpers";

const tempDir = tempDirsRemovedAfterEach();
const request: EnrollRequest = {
  joinToken: "orr_join_abc",
  agentVersion: "1.4.0",
  stackVersion: "2026.11.1",
};
const enrolled: EnrollResponse = {
  satelliteId: "sat_1",
  agentToken: "orr_agent_new",
  heartbeatIntervalSec: 15,
};

function run(replies: (EnrollResponse | Error)[]) {
  const store = StateStore.open(tempDir());
  const waits: number[] = [];
  const log = memoryLogger();
  const outcome = enrollUntilDone({
    enroll: async () => {
      const reply = replies.shift();
      if (!reply || reply instanceof Error) throw reply ?? new Error("no more replies");
      return reply;
    },
    store,
    request,
    core: "https://core.example/",
    log,
    clock: () => T0,
    signal: new AbortController().signal,
    wait: async (ms) => {
      waits.push(ms);
    },
  });
  return { outcome, store, waits, log };
}

describe("enrollUntilDone", () => {
  it("saves the agent token, the interval and the versions", async () => {
    const { outcome, store } = run([enrolled]);
    expect(await outcome).toEqual({ isEnrolled: true });
    expect(StateStore.open(store.dir).state).toMatchObject({
      satelliteId: "sat_1",
      agentToken: "orr_agent_new",
      heartbeatIntervalSec: 15,
      seq: 0,
      stackVersion: "2026.11.1",
    });
  });

  it("retries with a growing pause while the core is away, and as long as a 429 asks", async () => {
    const down = new TypeError("fetch failed");
    const { outcome, waits } = run([
      down,
      new ProtocolError(503, null),
      new ProtocolError(429, null, 42),
      down,
      enrolled,
    ]);
    expect(await outcome).toEqual({ isEnrolled: true });
    expect(waits).toEqual([5_000, 10_000, 42_000, 40_000]);
  });

  it("gives up on a refused join token or a taken slug, saving nothing", async () => {
    for (const status of [401, 409, 422]) {
      const { outcome, store, log } = run([new ProtocolError(status, null)]);
      expect(await outcome).toEqual({ isEnrolled: false, exitCode: EXIT.enrollmentRefused });
      expect(store.isEnrolled).toBe(false);
      expect(log.lines.at(-1)).toMatch(/^error/);
    }
  });
});
