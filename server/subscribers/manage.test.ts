import { beforeAll, describe, expect, it } from "vitest";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import type { MailConfig } from "../outbox/mail";
import { signLink } from "./links";
import {
  confirmSubscription,
  readSubscription,
  resubscribe,
  unsubscribe,
  updateSubscription,
} from "./manage";
import { subscribe } from "./subscribe";
import { pageWithOneSatellite } from "./test-helpers";

// Leaving and coming back: only "Subscribe again" takes back an unsubscribe, never a plain Save, and an
// address that never confirmed is sent nothing but a fresh confirmation.

const mail: MailConfig = { smtpUrl: "smtp://127.0.0.1:9", from: "Status <status@example.test>" };
let ip = 20;
const reader = (): Ctx => ({ actor: null, ip: `127.0.0.${ip++}` });

async function subscribed(email: string) {
  await subscribe(reader(), { slug: "managepage", kind: "email", email }, new Date(), { mail });
  const row = await db.statusSubscriber.findFirstOrThrow({ where: { email } });
  return { id: row.id, manage: signLink("manage", row.id), confirm: signLink("confirm", row.id) };
}

const confirmations = (subscriberId: string) =>
  db.outboxMessage.count({ where: { subscriberId, topic: "subscriber.confirm" } });

beforeAll(async () => {
  await pageWithOneSatellite("managepage");
});

describe("managing a subscription", () => {
  it("does not let a plain Save re-activate an unsubscribed subscription", async () => {
    const s = await subscribed("leaver@example.test");
    await confirmSubscription(s.confirm);
    await unsubscribe(s.manage);

    await expect(updateSubscription({ token: s.manage, scope: "page" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    const row = await db.statusSubscriber.findUniqueOrThrow({ where: { id: s.id } });
    expect(row.unsubscribedAt).not.toBeNull();
    expect((await readSubscription(s.manage)).unsubscribed).toBe(true);
  });

  it("takes an unsubscribe back on Subscribe again; a confirmed address is active at once", async () => {
    const s = await subscribed("returner@example.test");
    await confirmSubscription(s.confirm);
    await unsubscribe(s.manage);
    const before = await confirmations(s.id);

    await resubscribe(s.manage);
    const view = await readSubscription(s.manage);
    expect(view).toMatchObject({ unsubscribed: false, confirmed: true });
    expect(await confirmations(s.id)).toBe(before);
    // Saving works again once subscribed.
    await updateSubscription({ token: s.manage, scope: "page" });
  });

  it("keeps a never-confirmed address waiting and mails it a fresh confirmation", async () => {
    const s = await subscribed("unsure@example.test");
    await unsubscribe(s.manage);
    const before = await confirmations(s.id);

    await resubscribe(s.manage);
    const row = await db.statusSubscriber.findUniqueOrThrow({ where: { id: s.id } });
    expect(row.unsubscribedAt).toBeNull();
    expect(row.confirmedAt).toBeNull();
    expect(await confirmations(s.id)).toBe(before + 1);
    // A second click changes nothing and mails nothing more.
    await resubscribe(s.manage);
    expect(await confirmations(s.id)).toBe(before + 1);
  });

  it("refuses a link that is not a manage link", async () => {
    const s = await subscribed("forger@example.test");
    await expect(resubscribe(s.confirm)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
