import { beforeAll, describe, expect, it } from "vitest";
import { connectivityDeadlines } from "@/lib/connectivity";
import { db } from "../db";
import { evaluateStatusPages } from "../status/evaluate";
import { pageWithOneSatellite } from "./test-helpers";

// Region notices ride on the page's debounce step: once per published change, to whoever follows it.

let pageId: string;
let satelliteId: string;
let regionId: string;
const t0 = new Date(Date.now() + 3_600_000);
const at = (sec: number) => new Date(t0.getTime() + sec * 1000);

async function seen(when: Date, offline: boolean) {
  const last = new Date(when.getTime() - (offline ? 20 * 60_000 : 0));
  await db.satellite.update({
    where: { id: satelliteId },
    data: { lastSeenAt: last, ...connectivityDeadlines(last, 10) },
  });
}
const notices = () =>
  db.outboxMessage.findMany({ where: { topic: "component.update" }, orderBy: { createdAt: "asc" } });

beforeAll(async () => {
  const made = await pageWithOneSatellite("comppage");
  pageId = made.pageId;
  const sat = await db.satellite.findUniqueOrThrow({ where: { id: made.satellite.id } });
  satelliteId = sat.id;
  regionId = sat.regionId;
  for (const [n, components] of [
    [1, [`region:${regionId}`]],
    [2, ["region:somewhere-else"]],
    [3, []],
  ] as const) {
    await db.statusSubscriber.create({
      data: {
        statusPageId: pageId,
        kind: "webhook",
        webhookUrl: `http://127.0.0.1:9/c/${n}`,
        wholePage: components.length === 0,
        confirmedAt: t0,
        components: { create: components.map((component) => ({ component })) },
      },
    });
  }
});

describe("component notices", () => {
  it("tell a region's followers and whole-page subscribers once per published change, after the debounce", async () => {
    await seen(t0, false);
    await evaluateStatusPages(t0);
    expect(await notices()).toHaveLength(0);
    await seen(at(10), true);
    await evaluateStatusPages(at(10));
    expect(await notices()).toHaveLength(0); // not held for the debounce yet
    await evaluateStatusPages(at(75));
    await evaluateStatusPages(at(80));
    const first = await notices();
    const followers = await db.statusSubscriber.findMany({ where: { webhookUrl: { endsWith: "/2" } } });
    expect(first).toHaveLength(2);
    expect(first.map((m) => m.subscriberId)).not.toContain(followers[0].id);
    const body = first[0].payload as {
      component_update: { old_status: string; new_status: string; component_id: string };
      component: { name: string };
    };
    expect(body.component_update).toMatchObject({
      old_status: "operational",
      new_status: "major_outage",
      component_id: `region:${regionId}`,
    });
    const state = await db.statusComponentState.findUniqueOrThrow({
      where: { statusPageId_component: { statusPageId: pageId, component: regionId } },
    });
    expect(state.notifiedStatus).toBe("major_outage");
    // Back online: one more notice, after the debounce again.
    await seen(at(100), false);
    await evaluateStatusPages(at(100));
    await evaluateStatusPages(at(170));
    await evaluateStatusPages(at(175));
    expect(await notices()).toHaveLength(4);
  });
});
