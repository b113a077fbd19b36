import { afterEach, describe, expect, it, vi } from "vitest";
import type { FleetReader, LatestSatellite } from "./rows";
import { FleetState } from "./state";

// The state's timing rules against a reader in memory and a clock the test moves.

const base = { regionId: "eu", provider: "own", kind: "edge", lifecycle: "active", name: "n" };
const sat = (id: string, updatedAt: number, over: Partial<LatestSatellite> = {}) =>
  ({ ...base, id, slug: id, updatedAt: new Date(updatedAt), ...over }) as LatestSatellite;

function setup() {
  let now = 1_000_000;
  const db = new Map<string, LatestSatellite>();
  const calls: string[] = [];
  const reader: FleetReader = {
    all: async () => (calls.push("all"), [...db.values()].filter((r) => r.lifecycle !== "decommissioned")),
    stampsSince: async (since) => (
      calls.push(`since ${since.getTime()}`),
      [...db.values()].filter((r) => r.updatedAt > since).map((r) => ({ id: r.id, updatedAt: r.updatedAt }))
    ),
    byIds: async (ids) => (calls.push(`fetch ${ids.join(",")}`), ids.flatMap((id) => db.get(id) ?? [])),
  };
  const state = new FleetState({
    reader,
    now: () => now,
    maxAgeMs: 2_000,
    overlapMs: 5_000,
    fullReloadMs: 60_000,
  });
  return { state, db, calls, tick: (ms: number) => (now += ms), now: () => now };
}

afterEach(() => void vi.useRealTimers());

describe("FleetState", () => {
  it("reads in the background while it is used, and stops once nobody read it for idleMs", async () => {
    vi.useFakeTimers();
    const { state, db, calls, tick } = setup();
    db.set("a", sat("a", 900_000));
    await state.current();
    state.start();
    const second = async () => (tick(1_000), await vi.advanceTimersByTimeAsync(1_000));
    await second();
    await second();
    expect(calls.filter((c) => c.startsWith("since"))).toHaveLength(2);
    tick(120_000); // nobody read it for two minutes
    await second();
    await second();
    expect(calls.filter((c) => c.startsWith("since"))).toHaveLength(2);
    state.stop();
  });

  it("answers within its age without reading, then reads from the newest row seen less the overlap", async () => {
    const { state, db, calls, tick } = setup();
    db.set("a", sat("a", 900_000));
    await state.current();
    tick(1_500);
    await state.current();
    expect(calls).toEqual(["all"]);
    tick(600);
    await state.current();
    expect(calls).toEqual(["all", "since 895000"]);
  });

  it("reads everything again once a full reload is due, dropping rows deleted outright", async () => {
    const { state, db, calls, tick } = setup();
    db.set("a", sat("a", 900_000));
    db.set("b", sat("b", 900_000));
    await state.current();
    db.delete("b");
    tick(3_000);
    await state.current();
    expect(state.size).toBe(2); // a delta read cannot see a deletion
    tick(60_000);
    await state.current();
    expect(calls.at(-1)).toBe("all");
    expect(state.size).toBe(1);
  });

  it("shares one read between concurrent callers, and reads again if invalidated meanwhile", async () => {
    const { state, db, calls } = setup();
    db.set("a", sat("a", 900_000));
    const first = state.current();
    const second = state.current();
    state.invalidate();
    await Promise.all([first, second]);
    expect(calls).toEqual(["all", "since 895000"]);
  });

  it("fetches in full only the rows whose stamp moved, and forgets a decommissioned one", async () => {
    const { state, db, calls, tick } = setup();
    db.set("a", sat("a", 900_000));
    db.set("b", sat("b", 900_000));
    await state.current();
    db.set("b", sat("b", 901_000, { name: "renamed" }));
    tick(3_000);
    await state.current();
    expect(calls.slice(1)).toEqual(["since 895000", "fetch b"]);
    db.set("a", sat("a", 902_000, { lifecycle: "decommissioned" }));
    tick(3_000);
    await state.current();
    expect(calls.slice(3)).toEqual(["since 896000", "fetch a"]);
    expect(state.snapshot().rows.map((r) => [r.id, r.name])).toEqual([["b", "renamed"]]);
    // Its stamp is still in the overlap, but it is not fetched again.
    tick(3_000);
    await state.current();
    expect(calls.slice(5)).toEqual(["since 897000"]);
  });

  it("starts an empty fleet's cursor at the clock", async () => {
    const { state, calls, tick, now } = setup();
    await state.current();
    const loadedAt = now();
    tick(2_000);
    await state.current();
    expect(calls).toEqual(["all", `since ${loadedAt - 5_000}`]);
    expect(state.version).toBe(1);
  });
});
