import { beforeAll, describe, expect, it } from "vitest";
import { ctxAs, satelliteInput, seedRegions } from "../../test/factories";
import { sample } from "../../test/gateway";
import { recordHeartbeat } from "../agents/heartbeat";
import { db } from "../db";
import { getSatellite } from "../satellites/get";
import { registerSatellite } from "../satellites/register";

const t0 = new Date("2026-11-20T10:00:00.000Z");
const at = (sec: number) => new Date(t0.getTime() + sec * 1000);
type Services = Record<string, "ok" | "degraded" | "down">;

beforeAll(async () => {
  await seedRegions();
});

async function satellite() {
  const admin = await ctxAs("admin");
  const { id: satelliteId, slug } = await registerSatellite(admin, satelliteInput());
  const agent = {
    credentialId: "c",
    satelliteId,
    slug,
    regionId: "eu-gdpr",
    intervalSec: 10,
    expiresAt: null,
  };
  const beat = (seq: number, sec: number, services: Services) =>
    recordHeartbeat(
      agent,
      { agentVersion: "1.4.0", stackVersion: "2026.11.1", samples: [sample(seq, at(sec), { services })] },
      at(sec),
    );
  const changedAt = async () =>
    (await db.satellite.findUniqueOrThrow({ where: { id: satelliteId } })).healthChangedAt?.toISOString();
  return { satelliteId, beat, changedAt };
}

const ok: Services = { compute: "ok", storage: "ok", network: "ok" };
const down: Services = { compute: "ok", storage: "down", network: "ok" };
const degraded: Services = { compute: "degraded", storage: "ok", network: "ok" };

describe("ingest records when the reported health changes", () => {
  it("stamps the first report, keeps the time while health holds, and moves it on each change", async () => {
    const s = await satellite();
    expect(await s.changedAt()).toBeUndefined();
    await s.beat(1, 0, ok);
    expect(await s.changedAt()).toBe(at(0).toISOString());
    await s.beat(2, 10, ok);
    expect(await s.changedAt()).toBe(at(0).toISOString());
    await s.beat(3, 20, down);
    expect(await s.changedAt()).toBe(at(20).toISOString());
    await s.beat(4, 30, { ...down, compute: "degraded" }); // another service, still critical
    expect(await s.changedAt()).toBe(at(20).toISOString());
    await s.beat(5, 40, degraded);
    expect(await s.changedAt()).toBe(at(40).toISOString());
  });

  it("ignores an old buffered sample that arrives after a newer one", async () => {
    const s = await satellite();
    await s.beat(10, 0, down);
    await s.beat(4, 10, ok); // seq below the high-water mark: state stays as it was
    expect(await s.changedAt()).toBe(at(0).toISOString());
    const row = await db.satellite.findUniqueOrThrow({ where: { id: s.satelliteId } });
    expect(row.reportedHealth).toBe("critical");
  });

  it("is what the satellite's page reads as 'critical since'", async () => {
    const s = await satellite();
    await s.beat(1, 0, ok);
    await s.beat(2, 10, down);
    const viewer = await ctxAs("viewer");
    const view = await getSatellite(viewer, s.satelliteId, at(15));
    expect(view).toMatchObject({
      health: "critical",
      severity: "critical",
      healthChangedAt: at(10).toISOString(),
    });
  });
});
