import { beforeAll, describe, expect, it } from "vitest";
import { ctxAs, satelliteInput, seedRegions } from "../../test/factories";
import { sample } from "../../test/gateway";
import { db } from "../db";
import { ingestWriter } from "../ingest";
import { registerSatellite } from "../satellites/register";
import { driverReader, type FleetReader } from "./rows";
import { FleetState } from "./state";

// The state against the real database (SQLite here, PostgreSQL in CI's second run): one full read, then only
// what changed, whichever writer changed it.

const reads = { all: 0, changed: 0, fetched: 0 };
const counting: FleetReader = {
  all: () => (reads.all++, driverReader.all()),
  stampsSince: (since) => (reads.changed++, driverReader.stampsSince(since)),
  byIds: (ids) => ((reads.fetched += ids.length), driverReader.byIds(ids)),
};
const id: Record<string, string> = {};
let state: FleetState;

async function fresh() {
  state.invalidate();
  return state.current();
}
const row = (slug: string) => state.snapshot().rows.find((r) => r.slug === slug);

beforeAll(async () => {
  await seedRegions();
  const admin = await ctxAs("admin");
  for (const slug of ["fs-fra-01", "fs-fra-02", "fs-nyc-01"]) {
    id[slug] = (await registerSatellite(admin, satelliteInput({ slug }))).id;
  }
  state = new FleetState({ reader: counting, fullReloadMs: 3_600_000 });
});

describe("the fleet's latest state", () => {
  it("loads every satellite once, in full, with its columns typed", async () => {
    const snap = await state.current();
    expect(reads).toEqual({ all: 1, changed: 0, fetched: 0 });
    expect(snap.rows.map((r) => r.slug).sort()).toEqual(["fs-fra-01", "fs-fra-02", "fs-nyc-01"]);
    const r = row("fs-fra-01")!;
    expect(r.id).toBe(id["fs-fra-01"]);
    expect(r.updatedAt).toBeInstanceOf(Date);
    expect(r.lastSeenAt).toBeNull();
    expect(typeof r.lat).toBe("number");
    expect(typeof r.labelText).toBe("string");
    expect(snap.version).toBe(1);
    // Within its age, the state answers without reading.
    await state.current();
    expect(reads).toEqual({ all: 1, changed: 0, fetched: 0 });
  });

  it("picks up an ingest write with a delta read", async () => {
    const now = new Date();
    await ingestWriter().submit({
      satelliteId: id["fs-fra-01"],
      intervalSec: 10,
      agentVersion: "1.4.0",
      stackVersion: "2.4.1",
      samples: [{ ...sample(1, now, { rxMbps: 420 }), services: { compute: "ok" } }],
      now,
    });
    const before = state.version;
    const snap = await fresh();
    expect(reads).toEqual({ all: 1, changed: 1, fetched: 1 });
    expect(snap.version).toBe(before + 1);
    const r = row("fs-fra-01")!;
    expect(r.lastSeenAt?.getTime()).toBe(now.getTime());
    expect(r.stackVersion).toBe("2.4.1");
    expect(r.agentVersion).toBe("1.4.0");
    expect(r.lastRxMbps).toBe(420);
    expect(r.lifecycle).toBe("active");
  });

  it("picks up a Prisma update and a new satellite", async () => {
    await db.satellite.update({ where: { id: id["fs-fra-02"] }, data: { name: "Frankfurt two" } });
    const admin = await ctxAs("admin");
    id["fs-sin-01"] = (await registerSatellite(admin, satelliteInput({ slug: "fs-sin-01" }))).id;
    await fresh();
    expect(reads.all).toBe(1);
    expect(row("fs-fra-02")?.name).toBe("Frankfurt two");
    expect(row("fs-sin-01")?.id).toBe(id["fs-sin-01"]);
    expect(state.size).toBe(4);
  });

  it("changes nothing when a delta read finds only rows it already holds", async () => {
    const before = state.version;
    const rows = state.snapshot().rows;
    const fetched = reads.fetched;
    await fresh();
    expect(reads.fetched).toBe(fetched);
    expect(state.version).toBe(before);
    expect(state.snapshot().rows).toBe(rows);
  });

  it("reads a commit stamped a moment before the newest row it saw (the overlap)", async () => {
    const newest = Math.max(...state.snapshot().rows.map((r) => r.updatedAt.getTime()));
    await db.satellite.update({
      where: { id: id["fs-nyc-01"] },
      data: { name: "New York, late", updatedAt: new Date(newest - 2_000) },
    });
    await fresh();
    expect(row("fs-nyc-01")?.name).toBe("New York, late");
  });

  it("drops a satellite once it is decommissioned", async () => {
    const before = state.version;
    await db.satellite.update({ where: { id: id["fs-sin-01"] }, data: { lifecycle: "decommissioned" } });
    await fresh();
    expect(row("fs-sin-01")).toBeUndefined();
    expect(state.size).toBe(3);
    expect(state.version).toBe(before + 1);
    expect(reads.all).toBe(1);
  });

  it("a full reload agrees with the deltas", async () => {
    const byDelta = JSON.stringify([...state.snapshot().rows].sort((a, b) => a.id.localeCompare(b.id)));
    const before = state.version;
    await state.reload();
    expect(reads.all).toBe(2);
    expect(JSON.stringify([...state.snapshot().rows].sort((a, b) => a.id.localeCompare(b.id)))).toBe(byDelta);
    expect(state.version).toBe(before);
  });

  it("takes rows pushed to it, newest wins", async () => {
    const r = row("fs-fra-02")!;
    const before = state.version;
    expect(state.applyRows([{ ...r, name: "pushed", updatedAt: new Date(r.updatedAt.getTime() + 1) }])).toBe(
      true,
    );
    expect(row("fs-fra-02")?.name).toBe("pushed");
    expect(state.applyRows([{ ...r, name: "older", updatedAt: new Date(r.updatedAt.getTime() - 1) }])).toBe(
      false,
    );
    expect(row("fs-fra-02")?.name).toBe("pushed");
    expect(state.applyRows([{ ...r, lifecycle: "decommissioned" }])).toBe(true);
    expect(row("fs-fra-02")).toBeUndefined();
    expect(state.version).toBe(before + 2);
  });
});
