import { beforeAll, describe, expect, it } from "vitest";
import { connectivityDeadlines } from "@/lib/connectivity";
import { db } from "../db";
import { evaluateStatusPages } from "../status/evaluate";
import { pageWithOneSatellite } from "./test-helpers";

// A site's own notices: debounced like a region's, sent only to those who follow that site.

let pageId: string;
let satelliteId: string;
const t0 = new Date(Date.now() + 7_200_000);
const at = (sec: number) => new Date(t0.getTime() + sec * 1000);

async function seen(when: Date, offline: boolean) {
  const last = new Date(when.getTime() - (offline ? 20 * 60_000 : 0));
  await db.satellite.update({
    where: { id: satelliteId },
    data: { lastSeenAt: last, ...connectivityDeadlines(last, 10) },
  });
}
const siteNotices = () =>
  db.outboxMessage.findMany({
    where: { topic: "component.update", subscriber: { statusPageId: pageId } },
    orderBy: { createdAt: "asc" },
  });
const follower = (n: number) => `http://127.0.0.1:9/site/${n}`;

beforeAll(async () => {
  const made = await pageWithOneSatellite("sitepage");
  pageId = made.pageId;
  satelliteId = made.satellite.id;
  for (const [n, components] of [
    [1, [`satellite:${satelliteId}`]],
    [2, ["satellite:another-site"]],
  ] as const) {
    await db.statusSubscriber.create({
      data: {
        statusPageId: pageId,
        kind: "webhook",
        webhookUrl: follower(n),
        wholePage: false,
        confirmedAt: t0,
        components: { create: components.map((component) => ({ component })) },
      },
    });
  }
});

describe("satellite notices", () => {
  it("tell the site's followers once its status has held for the debounce, and no one else", async () => {
    await seen(t0, false);
    await evaluateStatusPages(t0);
    expect(await siteNotices()).toHaveLength(0);
    await seen(at(10), true);
    await evaluateStatusPages(at(10));
    await seen(at(20), false); // a flap shorter than the debounce tells nobody
    await evaluateStatusPages(at(20));
    await seen(at(40), true);
    await evaluateStatusPages(at(40));
    expect(await siteNotices()).toHaveLength(0);
    await evaluateStatusPages(at(170));
    const sent = await siteNotices();
    expect(sent).toHaveLength(1);
    const target = await db.statusSubscriber.findFirstOrThrow({ where: { webhookUrl: follower(1) } });
    expect(sent[0].subscriberId).toBe(target.id);
    const body = sent[0].payload as { component_update: Record<string, string>; component: { name: string } };
    expect(body.component_update).toMatchObject({
      old_status: "operational",
      new_status: "major_outage",
      component_id: `satellite:${satelliteId}`,
    });
    expect(body.component.name).toBe("sitepage site");
    await evaluateStatusPages(at(180));
    expect(await siteNotices()).toHaveLength(1); // told once
  });

  it("keeps no state for a site nobody follows any more", async () => {
    await db.statusSubscriber.deleteMany({ where: { statusPageId: pageId } });
    await evaluateStatusPages(at(300));
    const states = await db.statusComponentState.findMany({
      where: { statusPageId: pageId, component: { startsWith: "satellite:" } },
    });
    expect(states).toHaveLength(0);
  });
});
