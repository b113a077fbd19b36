import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ctxAs, satelliteInput, seedRegions } from "../../test/factories";
import { registerSatellite } from "../satellites/register";
import { createPolicy } from "./manage";
import { evaluatePolicies } from "./pass";
import { postureLog } from "./read-store";

// The posture log's safety net reads the whole log again every 30 minutes. At 100,000 satellites that read
// takes many seconds, so it must never hold up a reader: readers keep the caught-up log until the fresh one
// is ready.

afterEach(() => {
  vi.useRealTimers();
});

describe("the posture log's periodic re-read", () => {
  it("runs beside readers, who keep the caught-up log until the fresh one replaces it", async () => {
    await seedRegions();
    const admin = await ctxAs("admin");
    const tag = `rs${randomBytes(3).toString("hex")}`;
    for (const [i, country] of ["DE", "US"].entries()) {
      await registerSatellite(admin, satelliteInput({ slug: `${tag}-${i}`, country }));
    }
    await createPolicy(admin, { id: `${tag}-disk`, name: "Disk", kind: "disk-encryption", severity: "high" });
    await evaluatePolicies(new Date(), { force: true });

    const first = await postureLog();
    expect(first.n).toBeGreaterThan(0);
    expect(await postureLog()).toBe(first);
    expect(first.due).toBe(false);

    // Only Date moves: the re-read's own I/O runs on real timers.
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 31 * 60_000 });
    expect(first.due).toBe(true);
    // The read that finds the re-read due answers at once with the log it has.
    expect(await postureLog()).toBe(first);

    let fresh = first;
    await vi.waitFor(
      async () => {
        fresh = await postureLog();
        expect(fresh).not.toBe(first);
      },
      { timeout: 10_000, interval: 20 },
    );
    expect(fresh.due).toBe(false);
    expect(fresh.n).toBe(first.n);
    expect(fresh.mark.maxAt).toBe(first.mark.maxAt);
    expect(Array.from(fresh.outcome)).toEqual(Array.from(first.outcome));
  });
});
