import "server-only";
import { db, transaction } from "../db";
import { AppError, parseInput } from "../errors";
import { enqueueMessage } from "../outbox/enqueue";
import { getSnapshot } from "../status/cache";
import { CONFIRM_TTL_SEC, readLink, subscriberUrls } from "./links";
import { confirmationMail } from "./mail-formats";
import { ManageInput } from "./schemas";
import { checkComponents, pageComponents } from "./subscribe";
import { verificationBody } from "./verify-ping";

// What a subscriber does with the links in their messages. The signed token is the authorization: it names
// one subscription and was only ever sent to its address.

const EXPIRED = "This link is not valid any more. Subscribe again on the status page.";
const UNSUBSCRIBED = "You are unsubscribed: choose Subscribe again before changing what to follow.";

/** What the manage page shows: the address masked, never in full, and the choices. */
export type SubscriptionView = {
  slug: string;
  pageTitle: string;
  kind: "email" | "webhook";
  address: string;
  confirmed: boolean;
  unsubscribed: boolean;
  wholePage: boolean;
  components: string[];
  choices: { id: string; name: string }[];
};

export function maskAddress(kind: "email" | "webhook", email: string | null, url: string | null): string {
  if (kind === "email") {
    const [local, domain] = (email ?? "").split("@");
    return `${local.slice(0, 1)}${"•".repeat(Math.max(1, Math.min(6, local.length - 1)))}@${domain ?? ""}`;
  }
  try {
    const u = new URL(url ?? "");
    return `${u.protocol}//${u.host}/…`;
  } catch {
    return "a webhook";
  }
}

async function subscriberOf(token: unknown, purpose: "confirm" | "manage", now: Date) {
  const id = readLink(token, purpose, now);
  const row = id
    ? await db.statusSubscriber.findUnique({
        where: { id },
        include: { components: true, statusPage: { select: { slug: true, visibility: true } } },
      })
    : null;
  if (!row || row.statusPage.visibility === "disabled") throw new AppError("NOT_FOUND", EXPIRED);
  return row;
}

/** Double opt-in's second step. Confirming twice is fine; a link for an unsubscribed address is not. */
export async function confirmSubscription(token: unknown, now = new Date()): Promise<{ slug: string }> {
  const row = await subscriberOf(token, "confirm", now);
  if (row.unsubscribedAt) throw new AppError("NOT_FOUND", EXPIRED);
  await db.statusSubscriber.updateMany({
    where: { id: row.id, confirmedAt: null, unsubscribedAt: null },
    data: { confirmedAt: now },
  });
  return { slug: row.statusPage.slug };
}

/** One click, no questions (RFC 8058). Messages already waiting are not sent: the worker checks. */
export async function unsubscribe(token: unknown, now = new Date()): Promise<{ slug: string }> {
  const row = await subscriberOf(token, "manage", now);
  await db.statusSubscriber.updateMany({
    where: { id: row.id, unsubscribedAt: null },
    data: { unsubscribedAt: now },
  });
  return { slug: row.statusPage.slug };
}

export async function readSubscription(token: unknown, now = new Date()): Promise<SubscriptionView> {
  const row = await subscriberOf(token, "manage", now);
  const snapshot = await getSnapshot(row.statusPage.slug);
  if (!snapshot) throw new AppError("NOT_FOUND", EXPIRED);
  return {
    slug: row.statusPage.slug,
    pageTitle: snapshot.document.page.title,
    kind: row.kind,
    address: maskAddress(row.kind, row.email, row.webhookUrl),
    confirmed: !!row.confirmedAt,
    unsubscribed: !!row.unsubscribedAt,
    wholePage: row.wholePage,
    components: row.components.map((c) => c.component),
    choices: [...pageComponents(snapshot)].map(([id, name]) => ({ id, name })),
  };
}

/** The confirm page's heading: which page the link subscribes to, or null when the link is not valid. */
export async function readConfirmation(token: unknown, now = new Date()) {
  const row = await subscriberOf(token, "confirm", now).catch(() => null);
  const snapshot = row && (await getSnapshot(row.statusPage.slug));
  return snapshot ? { slug: row.statusPage.slug, pageTitle: snapshot.document.page.title } : null;
}

/**
 * Takes back an unsubscribe, only by this explicit choice. The manage token was only ever mailed to the
 * address, so an address that confirmed once is active again at once. One that never confirmed stays
 * waiting and gets a fresh confirmation link (a webhook, a fresh ping): nothing else is sent before it does.
 */
export async function resubscribe(token: unknown, now = new Date()): Promise<{ slug: string }> {
  const row = await subscriberOf(token, "manage", now);
  const snapshot = await getSnapshot(row.statusPage.slug);
  if (!snapshot) throw new AppError("NOT_FOUND", EXPIRED);
  if (!row.unsubscribedAt) return { slug: row.statusPage.slug };
  await transaction(async (tx) => {
    const taken = await tx.statusSubscriber.updateMany({
      where: { id: row.id, unsubscribedAt: { not: null } },
      data: { unsubscribedAt: null, failingSince: null },
    });
    if (taken.count === 0 || row.confirmedAt) return;
    const urls = subscriberUrls(row.statusPage.slug, row.id, now);
    const title = snapshot.document.page.title;
    await enqueueMessage(
      tx,
      row.kind === "email"
        ? {
            topic: "subscriber.confirm",
            subscriberId: row.id,
            payload: confirmationMail(title, urls.confirm, urls, CONFIRM_TTL_SEC / 3600),
          }
        : {
            topic: "subscriber.verify",
            subscriberId: row.id,
            payload: verificationBody(row.webhookUrl ?? "", snapshot, urls) as object,
          },
      now,
    );
  });
  return { slug: row.statusPage.slug };
}

/** Changes what a subscription follows. It never takes back an unsubscribe: that is `resubscribe`. */
export async function updateSubscription(input: unknown, now = new Date()): Promise<{ slug: string }> {
  const m = parseInput(ManageInput, input);
  const row = await subscriberOf(m.token, "manage", now);
  if (row.unsubscribedAt) {
    throw new AppError("CONFLICT", UNSUBSCRIBED);
  }
  const snapshot = await getSnapshot(row.statusPage.slug);
  if (!snapshot) throw new AppError("NOT_FOUND", EXPIRED);
  const components = m.scope === "page" ? [] : [...new Set(m.components)];
  checkComponents(snapshot, components);
  await transaction(async (tx) => {
    // Guarded again inside the write: an unsubscribe that lands mid-save stays an unsubscribe.
    const kept = await tx.statusSubscriber.updateMany({
      where: { id: row.id, unsubscribedAt: null },
      data: { wholePage: components.length === 0 },
    });
    if (kept.count === 0) throw new AppError("CONFLICT", UNSUBSCRIBED);
    await tx.statusSubscriberComponent.deleteMany({ where: { subscriberId: row.id } });
    await tx.statusSubscriberComponent.createMany({
      data: components.map((component) => ({ subscriberId: row.id, component })),
    });
  });
  return { slug: row.statusPage.slug };
}
