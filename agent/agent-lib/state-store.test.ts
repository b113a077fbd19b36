import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_REMEMBERED_COMMANDS, RESULTS_KEPT, SEQ_BLOCK, StateStore, type Enrollment } from "./state-store";
import { tempDirsRemovedAfterEach } from "./test-helpers";

const tempDir = tempDirsRemovedAfterEach();
const enrollment: Enrollment = {
  core: "https://core.example/",
  satelliteId: "sat_1",
  agentToken: "orr_agent_secret",
  heartbeatIntervalSec: 10,
  seq: 0,
  stackVersion: "2026.11.1",
};

describe("StateStore", () => {
  it("starts unenrolled, then keeps the token in a 0600 state.json that a reopen reads back", () => {
    const dir = join(tempDir(), "nested", "state");
    const store = StateStore.open(dir);
    expect(store.isEnrolled).toBe(false);
    expect(() => store.state).toThrow(/not enrolled/);
    store.enrolled(enrollment);
    expect(statSync(store.path).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const reopened = StateStore.open(dir);
    expect(reopened.isEnrolled).toBe(true);
    expect(reopened.state.agentToken).toBe("orr_agent_secret");
  });

  it("writes through a temp file and rename, leaving no temp file behind", () => {
    const dir = tempDir();
    const store = StateStore.open(dir);
    store.enrolled(enrollment);
    store.update((s) => (s.heartbeatIntervalSec = 30));
    expect(readdirSync(dir)).toEqual(["state.json"]);
    expect(JSON.parse(readFileSync(store.path, "utf8")).heartbeatIntervalSec).toBe(30);
  });

  it("hands out a seq that only grows, across reopens, its block saved before it is returned", () => {
    const dir = tempDir();
    const store = StateStore.open(dir);
    store.enrolled(enrollment);
    const onDisk = () => JSON.parse(readFileSync(store.path, "utf8")).seq;
    expect(onDisk()).toBe(0);
    expect([store.nextSeq(), store.nextSeq()]).toEqual([1, 2]);
    expect(onDisk()).toBe(SEQ_BLOCK);
    for (let i = 3; i <= SEQ_BLOCK; i++) expect(store.nextSeq()).toBe(i);
    expect(onDisk()).toBe(SEQ_BLOCK);
    expect(store.nextSeq()).toBe(SEQ_BLOCK + 1);
    expect(onDisk()).toBe(2 * SEQ_BLOCK);

    // A crash loses the rest of the block, never reuses it.
    const reopened = StateStore.open(dir);
    expect(reopened.nextSeq()).toBe(2 * SEQ_BLOCK + 1);
    expect(reopened.lastSeq).toBe(2 * SEQ_BLOCK + 1);
  });

  it("jumps ahead of a seq already used elsewhere, and never back", () => {
    const dir = tempDir();
    const store = StateStore.open(dir);
    store.enrolled(enrollment);
    store.nextSeq();
    store.raiseSeq(0);
    expect(store.nextSeq()).toBe(2);
    store.raiseSeq(1041);
    expect(store.lastSeq).toBe(1041);
    expect(StateStore.open(dir).nextSeq()).toBe(1042);
    expect(store.nextSeq()).toBe(1042);
  });

  it("remembers commands and pending acks across reopens, the newest ack per command", () => {
    const dir = tempDir();
    const store = StateStore.open(dir);
    store.enrolled(enrollment);
    store.startCommand({
      key: "k1",
      commandId: "c1",
      type: "diagnostics.run",
      startedAt: "2026-11-28T10:00:00Z",
    });
    store.queueAck("c1", { status: "running" });
    store.queueAck("c1", { status: "succeeded", message: "done" });
    store.finishCommand("k1", { status: "succeeded", message: "done" });
    const reopened = StateStore.open(dir);
    expect(reopened.findCommand("k1")?.finalAck?.status).toBe("succeeded");
    expect(reopened.state.pendingAcks).toEqual([
      { commandId: "c1", ack: { status: "succeeded", message: "done" } },
    ]);
    reopened.removeAck(reopened.state.pendingAcks[0]);
    expect(StateStore.open(dir).state.pendingAcks).toEqual([]);
  });

  it("enrolling again resets the seq and token, keeping the command records only for the same satellite", () => {
    const store = StateStore.open(tempDir());
    store.enrolled(enrollment);
    store.raiseSeq(Number.MAX_SAFE_INTEGER); // a poisoned high-water mark the core once answered
    store.startCommand({ key: "k1", commandId: "c1", type: "diagnostics.run", startedAt: "t" });
    store.enrolled({ ...enrollment, agentToken: "orr_agent_again" });
    expect(store.state.agentToken).toBe("orr_agent_again");
    expect(store.nextSeq()).toBe(1);
    expect(StateStore.open(store.dir).findCommand("k1")).toBeDefined();
    store.enrolled({ ...enrollment, satelliteId: "sat_2" });
    expect(store.findCommand("k1")).toBeUndefined();
  });

  it("forgets the oldest finished commands beyond the limit, never a running one", () => {
    const dir = tempDir();
    StateStore.open(dir).enrolled(enrollment);
    const path = join(dir, "state.json");
    const saved = JSON.parse(readFileSync(path, "utf8"));
    saved.commands = [{ key: "running", commandId: "c0", type: "stack.upgrade", startedAt: "t" }];
    for (let i = 1; i < MAX_REMEMBERED_COMMANDS; i++) {
      saved.commands.push({
        key: `k${i}`,
        commandId: `c${i}`,
        type: "x",
        startedAt: "t",
        finalAck: { status: "succeeded" },
      });
    }
    writeFileSync(path, JSON.stringify(saved));
    const store = StateStore.open(dir);
    for (let i = MAX_REMEMBERED_COMMANDS; i < MAX_REMEMBERED_COMMANDS + 5; i++) {
      store.startCommand({ key: `k${i}`, commandId: `c${i}`, type: "satellite.cordon", startedAt: "t" });
      store.finishCommand(`k${i}`, { status: "succeeded" });
    }
    expect(store.state.commands).toHaveLength(MAX_REMEMBERED_COMMANDS);
    expect(store.findCommand("running")).toBeDefined();
    expect(store.findCommand("k5")).toBeUndefined();
    expect(store.findCommand("k6")).toBeDefined();
    expect(StateStore.open(dir).state.commands).toHaveLength(MAX_REMEMBERED_COMMANDS);
  });

  it("keeps command results only for the most recent commands, so the file stays small", () => {
    const store = StateStore.open(tempDir());
    store.enrolled(enrollment);
    for (let i = 1; i <= RESULTS_KEPT + 3; i++) {
      store.startCommand({ key: `k${i}`, commandId: `c${i}`, type: "diagnostics.run", startedAt: "t" });
      store.finishCommand(`k${i}`, { status: "succeeded", message: "ok", result: { big: "x".repeat(100) } });
    }
    expect(store.findCommand("k3")?.finalAck).toEqual({ status: "succeeded", message: "ok" });
    expect(store.findCommand("k4")?.finalAck?.result).toBeDefined();
  });

  it("takes --stack-version when it changed, and keeps an upgraded version when it did not", () => {
    const dir = tempDir();
    const store = StateStore.open(dir);
    store.enrolled(enrollment);
    store.applyStackVersionFlag("2026.11.1");
    store.update((s) => (s.stackVersion = "2026.12.0")); // what a stack.upgrade does
    const restarted = StateStore.open(dir);
    restarted.applyStackVersionFlag("2026.11.1");
    restarted.applyStackVersionFlag(null);
    expect(restarted.state.stackVersion).toBe("2026.12.0");
    restarted.applyStackVersionFlag("2027.1.0");
    expect(StateStore.open(dir).state.stackVersion).toBe("2027.1.0");
  });

  it("refuses a corrupt state file with what to do about it", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "state.json"), "{ not json");
    expect(() => StateStore.open(dir)).toThrow(/enroll again/);
  });
});
