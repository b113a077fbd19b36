import { beforeAll, describe, expect, it } from "vitest";
import { ctxAs, seedRegions } from "../../test/factories";
import { db } from "../db";
import { mayRead, readableSnapshot } from "./access";
import { clearSnapshots, snapshotCount } from "./cache";
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
});
