import { afterAll, describe, expect, it } from "vitest";
import { db } from "../db";
import {
  beginDraining,
  expectedMigrations,
  forgetMigrationCheck,
  readiness,
  readinessVerdict,
  warming,
} from "./readiness";

const facts = { isDraining: false, warming: [], applied: ["a", "b"], expected: ["a", "b"] };

describe("readinessVerdict", () => {
  it("is ready when the database answers with every expected migration and nothing is warming", () => {
    expect(readinessVerdict(facts)).toEqual({ status: 200, body: { status: "ready" } });
  });

  it("answers draining before anything else, so the balancer stops sending first", () => {
    const answer = readinessVerdict({ ...facts, isDraining: true, applied: null, warming: ["next"] });
    expect(answer).toEqual({ status: 503, body: { status: "draining" } });
  });

  it("names the migrations the database lacks, and tolerates ones it has beyond this build", () => {
    expect(readinessVerdict({ ...facts, applied: ["a"] })).toMatchObject({
      status: 503,
      body: { reason: "migrations pending", pending: ["b"] },
    });
    expect(readinessVerdict({ ...facts, applied: ["a", "b", "c"] }).status).toBe(200);
  });

  it("is unavailable when the database does not answer, and waits for warm-ups", () => {
    expect(readinessVerdict({ ...facts, applied: null }).body).toMatchObject({
      reason: "database unreachable",
    });
    expect(readinessVerdict({ ...facts, warming: ["fleet state"] })).toEqual({
      status: 503,
      body: { status: "warming", waitingFor: ["fleet state"] },
    });
  });
});

describe("readiness on the test database", () => {
  afterAll(() => db.$disconnect());

  it("reads the migration ledger the migrator wrote and compares it with this build's folders", async () => {
    expect(expectedMigrations().length).toBeGreaterThan(0);
    expect(await readiness()).toEqual({ status: 200, body: { status: "ready" } });
  });

  it("is not ready while a warm-up runs, or once the ledger lacks a migration", async () => {
    const done = warming("fleet state");
    expect((await readiness()).body).toMatchObject({ status: "warming" });
    done();
    const last = expectedMigrations().at(-1) ?? "";
    await db.$executeRawUnsafe(
      `UPDATE "_prisma_migrations" SET rolled_back_at = CURRENT_TIMESTAMP WHERE migration_name = '${last}'`,
    );
    // Once seen current, the ledger is not read again (a running build's migrations cannot go away)…
    expect(await readiness()).toEqual({ status: 200, body: { status: "ready" } });
    // …but a process that has not yet seen them current is not ready.
    forgetMigrationCheck();
    expect((await readiness()).body).toMatchObject({ reason: "migrations pending", pending: [last] });
    await db.$executeRawUnsafe(
      `UPDATE "_prisma_migrations" SET rolled_back_at = NULL WHERE migration_name = '${last}'`,
    );
  });

  it("answers draining once shutdown began, for good", async () => {
    beginDraining();
    expect(await readiness()).toEqual({ status: 503, body: { status: "draining" } });
  });
});
