import { beforeAll, describe, expect, it } from "vitest";
import { ctxAs, satelliteInput, seedRegions } from "../../test/factories";
import { sample } from "../../test/gateway";
import { recordHeartbeat } from "../agents/heartbeat";
import { COMMAND_STATES, type LifecycleCommand, MAX_DELIVERIES, nextState } from "../commands/lifecycle";
import { db } from "../db";
import { registerSatellite } from "../satellites/register";

const now = new Date("2026-11-20T10:00:00.000Z");
const at = (sec: number) => new Date(now.getTime() + sec * 1000);

beforeAll(async () => {
  await seedRegions();
});

// Every state, with leases held and lapsed, deadlines ahead and passed, deliveries left and used up.
const VARIANTS: LifecycleCommand[] = COMMAND_STATES.flatMap((state) =>
  [null, at(-1), at(30)].flatMap((leaseUntil) =>
    [at(-1), at(600)].flatMap((expiresAt) =>
      [0, 1, MAX_DELIVERIES].map((deliveries) => ({
        state,
        leaseUntil,
        expiresAt,
        deliveries,
        message: null,
      })),
    ),
  ),
);

describe("heartbeat delivery follows the command lifecycle", () => {
  it("leases exactly the commands nextState would lease, with the fields it names", async () => {
    const admin = await ctxAs("admin");
    const { id: satelliteId, slug } = await registerSatellite(admin, satelliteInput());
    const rows = [];
    for (const [i, v] of VARIANTS.entries()) {
      rows.push(
        await db.command.create({
          data: {
            ...v,
            satelliteId,
            type: "diagnostics.run",
            payload: {},
            idempotencyKey: `delivery-${i}`,
            issuedAt: at(-60),
          },
        }),
      );
    }
    const agent = {
      credentialId: "c",
      satelliteId,
      slug,
      regionId: "eu-gdpr",
      intervalSec: 10,
      expiresAt: null,
    };
    const answer = await recordHeartbeat(
      agent,
      { agentVersion: "1.4.0", stackVersion: "2026.11.1", samples: [sample(1, now)] },
      now,
    );
    const delivered = new Set(answer.commands.map((c) => c.id));
    const after = new Map((await db.command.findMany({ where: { satelliteId } })).map((c) => [c.id, c]));
    let leased = 0;
    for (const [i, row] of rows.entries()) {
      const t = nextState(VARIANTS[i], { type: "leased" }, now);
      const got = after.get(row.id);
      expect({ variant: VARIANTS[i], delivered: delivered.has(row.id) }).toEqual({
        variant: VARIANTS[i],
        delivered: t.kind === "moved",
      });
      if (t.kind !== "moved") {
        expect(got).toMatchObject({ state: row.state, deliveries: row.deliveries });
        continue;
      }
      leased++;
      expect(got).toMatchObject(t.changes);
    }
    expect(leased).toBeGreaterThan(0);
  });
});
