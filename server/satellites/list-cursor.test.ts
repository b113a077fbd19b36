import { beforeAll, describe, expect, it } from "vitest";
import { ctxAs, satelliteInput, seedRegions, type UserCtx } from "../../test/factories";
import { db } from "../db";
import { listSatellites } from "./list";
import { registerSatellite } from "./register";

// Keyset pages walk the same list the page numbers do, in either direction, for every order, with ties,
// nulls (never seen) and severity buckets in the way.

let viewer: UserCtx;
const tag = "kcur";
const now = new Date();

beforeAll(async () => {
  await seedRegions();
  const admin = await ctxAs("admin");
  viewer = await ctxAs("viewer");
  const names = ["Berlin", "Athens", "Berlin", "Cairo", "Athens", "Dakar", "Berlin", "Accra", "Cairo"];
  for (const [i, city] of names.entries()) {
    const { id } = await registerSatellite(
      admin,
      satelliteInput({
        slug: `${tag}-${i}`,
        name: `${city} Edge`,
        city,
        stackVersion: i % 3 ? "2026.11.1" : undefined,
      }),
    );
    if (i % 4 === 0) continue; // never seen: null lastSeenAt
    const lastSeenAt = new Date(now.getTime() - (i % 3) * 60_000 - 1000);
    await db.satellite.update({
      where: { id },
      data: {
        lastSeenAt,
        staleAfter: new Date(lastSeenAt.getTime() + 40_000),
        offlineAfter: new Date(lastSeenAt.getTime() + 180_000),
        reportedHealth: i % 2 ? "healthy" : "critical",
      },
    });
  }
});

type Params = Record<string, string>;
async function walk(params: Params, limit: number) {
  const forward: string[] = [];
  const pages = [];
  let after: string | undefined;
  for (let page = 1; page < 20; page++) {
    const p = await listSatellites(viewer, { ...params, q: tag, limit, page, after }, now);
    pages.push(p);
    forward.push(...p.items.map((s) => s.slug));
    if (!p.nextCursor) break;
    after = p.nextCursor;
  }
  const backward: string[] = [];
  let before = pages.at(-1)?.prevCursor ?? undefined;
  backward.unshift(...(pages.at(-1)?.items.map((s) => s.slug) ?? []));
  for (let page = pages.length - 1; before && page > 0; page--) {
    const p = await listSatellites(viewer, { ...params, q: tag, limit, page, before }, now);
    backward.unshift(...p.items.map((s) => s.slug));
    before = p.prevCursor ?? undefined;
  }
  return { forward, backward, pages };
}

describe("the satellites list's cursors", () => {
  const sorts: Params[] = [
    {},
    { sort: "severity", dir: "desc" },
    { sort: "name" },
    { sort: "name", dir: "desc" },
    { sort: "country", dir: "desc" },
    { sort: "stackVersion" },
    { sort: "stackVersion", dir: "desc" },
    { sort: "lastSeen" },
    { sort: "lastSeen", dir: "desc" },
    { sort: "created", dir: "desc" },
    { sort: "slug", dir: "desc" },
  ];
  for (const params of sorts) {
    it(`pages forward and back in the list's own order: ${JSON.stringify(params)}`, async () => {
      const whole = (await listSatellites(viewer, { ...params, q: tag, limit: 100 }, now)).items.map(
        (s) => s.slug,
      );
      expect(whole).toHaveLength(9);
      const { forward, backward, pages } = await walk(params, 2);
      expect(forward).toEqual(whole);
      expect(backward).toEqual(whole);
      expect(pages).toHaveLength(5);
      expect(pages[0].prevCursor).toBeNull();
      expect(pages.every((p) => p.total === 9)).toBe(true);
    });
  }

  it("starts again from the first page when the cursor was made for another sort or filter", async () => {
    const first = await listSatellites(viewer, { q: tag, sort: "name", limit: 2 }, now);
    const other = await listSatellites(
      viewer,
      { q: tag, sort: "slug", limit: 2, after: first.nextCursor },
      now,
    );
    expect(other.items.map((s) => s.slug)).toEqual([`${tag}-0`, `${tag}-1`]);
    const filtered = await listSatellites(
      viewer,
      { q: tag, sort: "name", limit: 2, kind: "edge", after: first.nextCursor },
      now,
    );
    expect(filtered.items.map((s) => s.slug)).toEqual(first.items.map((s) => s.slug));
    const garbage = await listSatellites(
      viewer,
      { q: tag, sort: "name", limit: 2, after: "not-a-cursor" },
      now,
    );
    expect(garbage.items.map((s) => s.slug)).toEqual(first.items.map((s) => s.slug));
  });
});
