import { gunzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { connectivityDeadlines } from "@/lib/connectivity";
import { applyDelta, decodeMap, type MapFull } from "@/lib/fleet-map-wire";
import { anonymous, ctxAs, satelliteInput, seedRegions } from "../../test/factories";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { fleetState } from "../fleet-state";
import { registerSatellite } from "../satellites/register";
import { sharedFleetMaps } from "./fleet-map";
import { fleetMapBinary, mapLookup } from "./map-answer";

let viewer: Ctx;
const slugs: string[] = [];

const ask = (input: Record<string, unknown>, headers: Record<string, string> = {}) =>
  fleetMapBinary(viewer, input, new Request("http://orrery.test/api/v1/map", { headers }));
const bytes = async (res: Response) => new Uint8Array(await res.arrayBuffer());

/** What changed reaches the next answer at once, as a bus message would make it. */
function forgetHeld() {
  fleetState().invalidate();
  sharedFleetMaps.invalidate();
}

beforeAll(async () => {
  await seedRegions();
  const admin = await ctxAs("admin");
  viewer = await ctxAs("viewer");
  for (let i = 0; i < 6; i++) {
    const s = await registerSatellite(admin, satelliteInput({ kind: "datacenter", lat: 50 + i, lon: 8 + i }));
    slugs.push(s.slug);
  }
  forgetHeld();
});

describe("the map's binary answer", () => {
  it("is the columns, gzip'd as its body when the caller accepts it", async () => {
    const plain = await ask({ format: "bin", kind: "datacenter" });
    const zipped = await ask({ format: "bin", kind: "datacenter" }, { "accept-encoding": "gzip, br" });
    const gz = await bytes(zipped);
    expect([gz[0], gz[1]]).toEqual([0x1f, 0x8b]);
    const a = decodeMap(await bytes(plain));
    const b = decodeMap(gunzipSync(gz));
    expect(b).toEqual(a);
    expect(a.kind).toBe("full");
    expect(a.meta.count).toBeGreaterThanOrEqual(6);
    expect(a.meta.kpis.total).toBe(a.meta.count);
  });

  it("answers 304 to its own ETag, and only the changes since a version it still holds", async () => {
    const first = await ask({ format: "bin", kind: "datacenter" });
    const held = decodeMap(await bytes(first)) as MapFull;
    expect(
      (await ask({ format: "bin", kind: "datacenter" }, { "if-none-match": first.headers.get("etag")! }))
        .status,
    ).toBe(304);

    const { items } = await mapLookup(viewer, { kind: "datacenter", slug: slugs[2] });
    const seen = new Date();
    await db.satellite.update({
      where: { slug: slugs[2] },
      data: {
        lifecycle: "active",
        lastSeenAt: seen,
        ...connectivityDeadlines(seen, 10),
        reportedHealth: "critical",
      },
    });
    forgetHeld();
    const next = await ask({ format: "bin", kind: "datacenter", since: held.meta.version });
    expect(next.headers.get("x-map-answer")).toBe("delta");
    const delta = decodeMap(await bytes(next));
    if (delta.kind !== "delta") throw new Error("expected a delta");
    expect(Array.from(delta.index)).toEqual([items[0].at]);
    applyDelta(held.cols, delta);
    const whole = decodeMap(await bytes(await ask({ format: "bin", kind: "datacenter" })));
    expect(held.cols).toEqual(whole.cols);
    // A version this process never built (another replica's) gets the whole answer.
    const other = await ask({ format: "bin", kind: "datacenter", since: "elsewhere" });
    expect(other.headers.get("x-map-answer")).toBe("full");
  });

  it("refuses anonymous callers, both the map and its look-up", async () => {
    await expect(
      fleetMapBinary(anonymous, { format: "bin" }, new Request("http://x/")),
    ).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    await expect(mapLookup(anonymous, { slug: slugs[0] })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});

describe("looking up the satellites behind map indexes", () => {
  it("names the satellites at indexes of the current layout, and finds a slug's index", async () => {
    const map = decodeMap(await bytes(await ask({ format: "bin", kind: "datacenter" })));
    const { layout, items } = await mapLookup(viewer, { kind: "datacenter", slug: slugs[4] });
    expect(layout).toBe(map.meta.layout);
    const at = items[0].at;
    expect(map.cols.lat[at]).toBe(5400);
    const named = await mapLookup(viewer, { kind: "datacenter", layout, at: `${at},0` });
    expect(named.items[0]).toMatchObject({ at, slug: slugs[4] });
    expect(named.items).toHaveLength(2);
  });

  it("answers only what the map with the same filters shows, and a moved layout is a conflict", async () => {
    const { items } = await mapLookup(viewer, { kind: "edge", slug: slugs[0] });
    expect(items).toEqual([]);
    await expect(mapLookup(viewer, { kind: "datacenter", layout: "stale", at: "0" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(mapLookup(viewer, { at: "1;2" })).rejects.toMatchObject({ code: "VALIDATION" });
  });
});
