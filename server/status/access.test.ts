import { performance } from "node:perf_hooks";
import { beforeAll, describe, expect, it } from "vitest";
import { ctxAs, seedRegions } from "../../test/factories";
import { db } from "../db";
import { mayRead, readableSnapshot } from "./access";
import { clearSnapshots, getSnapshot, snapshotCount } from "./cache";
import { createStatusPage } from "./pages";

let secret = "";

beforeAll(async () => {
  await seedRegions();
  const admin = await ctxAs("admin");
  const page = await createStatusPage(admin, {
    slug: "quiet",
    title: "Quiet",
    visibility: "unlisted",
    includeAll: "on",
    showSatellites: "",
    allowedOrigins: "",
  });
  secret = (await db.statusPage.findUniqueOrThrow({ where: { id: page.id } })).secret ?? "";
});

/** Median time of `rounds` batches of `calls` reads, interleaving the cases so load hits both alike. */
async function medians(cases: (() => Promise<unknown>)[], rounds = 21, calls = 200): Promise<number[]> {
  const times = cases.map(() => [] as number[]);
  for (let r = 0; r < rounds; r++) {
    for (let c = 0; c < cases.length; c++) {
      const start = performance.now();
      for (let i = 0; i < calls; i++) await cases[c]();
      times[c].push(performance.now() - start);
    }
  }
  return times.map((t) => t.sort((a, b) => a - b)[Math.floor(t.length / 2)]);
}

describe("an unlisted page without its key takes an unknown slug's path", () => {
  it("decides the same way for unknown, disabled and keyless pages", () => {
    const unlisted = { visibility: "unlisted" as const, secret: "s".repeat(24) };
    expect(mayRead(undefined, null)).toBe(false);
    expect(mayRead(undefined, "-".repeat(24))).toBe(false);
    expect(mayRead(unlisted, null)).toBe(false);
    expect(mayRead(unlisted, "x".repeat(24))).toBe(false);
    expect(mayRead(unlisted, "s".repeat(24))).toBe(true);
    expect(mayRead({ visibility: "unlisted", secret: null }, "-".repeat(24))).toBe(false);
    expect(mayRead({ visibility: "disabled", secret: null }, "-".repeat(24))).toBe(false);
    expect(mayRead({ visibility: "public", secret: null }, null)).toBe(true);
  });

  it("builds and keeps no snapshot for either", async () => {
    clearSnapshots();
    expect(await readableSnapshot("quiet", null)).toBeNull();
    expect(await readableSnapshot("quiet", "x".repeat(24))).toBeNull();
    expect(await readableSnapshot("never-made", null)).toBeNull();
    expect(snapshotCount()).toBe(0);
    expect((await readableSnapshot("quiet", secret))?.page.slug).toBe("quiet");
    expect(snapshotCount()).toBe(1);
  });

  it("answers both in the same time, even while the page's snapshot is warm", async () => {
    await getSnapshot("quiet");
    const [unknown, keyless, wrongKey] = await medians([
      () => readableSnapshot("never-made", null),
      () => readableSnapshot("quiet", null),
      () => readableSnapshot("quiet", "x".repeat(24)),
    ]);
    // Same path, same work: within a factor well below what a database round trip would add.
    for (const t of [keyless, wrongKey]) {
      expect(t / unknown).toBeLessThan(3);
      expect(unknown / t).toBeLessThan(3);
    }
  });
});
