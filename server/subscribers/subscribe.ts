import "server-only";
import { randomBytes } from "node:crypto";
import type { Ctx } from "../auth/context";
import { transaction, type Tx } from "../db";
import { AppError, parseInput } from "../errors";
import { addressBucket } from "../http/client-address";
import { SharedRateLimiter } from "../http/shared-rate-limit";
import { checkDestination, type EgressPolicy } from "../outbox/egress";
import { enqueueMessage } from "../outbox/enqueue";
import { mailConfig, type MailConfig } from "../outbox/mail";
import { egressPolicy } from "../outbox/policy";
import { readableSnapshot } from "../status/access";
import type { StatusSnapshot } from "../status/snapshot";
import { sealSecret } from "../twofactor/secret-box";
import { CONFIRM_TTL_SEC, subscriberUrls } from "./links";
import { confirmationMail } from "./mail-formats";
import { SubscribeInput } from "./schemas";
import { verificationBody } from "./verify-ping";

// A form that anyone can post must not become a mail cannon: per minute, 10 tries from one address and 3
// for one email or webhook on a page, counted across every replica.
export const SUBSCRIBE_LIMITS = { perAddress: 10, perTarget: 3 };
const perAddress = new SharedRateLimiter("subscribe.address", SUBSCRIBE_LIMITS.perAddress);
const perTarget = new SharedRateLimiter("subscribe.target", SUBSCRIBE_LIMITS.perTarget);

export type SubscribeResult = {
  kind: "email" | "webhook";
  /** A webhook's signing secret, shown once; never stored in the clear. */
  secret?: string;
};

async function limited(bucket: SharedRateLimiter, key: string, now: Date): Promise<void> {
  const wait = await bucket.take(key, now);
  if (wait > 0) {
    throw new AppError("RATE_LIMITED", `Too many subscriptions from here; try again in ${wait} s.`, {
      retryAfterSec: wait,
    });
  }
}

const invalid = (field: string, message: string) =>
  new AppError("VALIDATION", message, { fields: { [field]: message } });

/** The components a reader may follow on this page: its regions, and its satellites when it shows them. */
export function pageComponents(snapshot: StatusSnapshot): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of snapshot.document.regions) {
    out.set(`region:${r.id}`, r.name);
    for (const s of r.components ?? []) out.set(`satellite:${s.id}`, `${s.name} (${r.name})`);
  }
  return out;
}

export function checkComponents(snapshot: StatusSnapshot, components: string[]): void {
  const known = pageComponents(snapshot);
  const unknown = components.find((c) => !known.has(c));
  if (unknown) throw invalid("components", "One of the chosen components is no longer on this page.");
}

/**
 * Anyone who may read a page may subscribe to it: no sign-in, so the page's own visibility is the check
 * (an unlisted page needs its key, a disabled one does not exist). Email needs SMTP and a confirmation;
 * a webhook gets a signing secret and a verification ping, and is active once the ping gets through.
 */
export async function subscribe(
  ctx: Ctx,
  input: unknown,
  now = new Date(),
  opts: { egress?: EgressPolicy; mail?: MailConfig } = {},
): Promise<SubscribeResult> {
  await limited(perAddress, addressBucket(ctx.ip ?? "unknown"), now);
  const i = parseInput(SubscribeInput, input);
  // A bot filled the hidden field: answer as if it worked, so it learns nothing.
  if (i.website) return { kind: i.kind };
  const snapshot = await readableSnapshot(i.slug, i.key ?? null);
  if (!snapshot) throw new AppError("NOT_FOUND", "There is no such status page.");
  const components = i.scope === "page" ? [] : [...new Set(i.components)];
  checkComponents(snapshot, components);
  const mail = opts.mail ?? mailConfig();
  const pageId = snapshot.page.id;
  if (i.kind === "email") {
    if (!mail.smtpUrl) throw invalid("kind", "Email subscriptions are not offered here; use a webhook.");
    await limited(perTarget, `${pageId}:${i.email}`, now);
    return transaction((tx) => subscribeEmail(tx, snapshot, i.email!, components, now));
  }
  const url = i.webhookUrl!;
  await limited(perTarget, `${pageId}:${url}`, now);
  try {
    await checkDestination(url, opts.egress ?? egressPolicy());
  } catch (error) {
    throw invalid("webhookUrl", `Webhook URL ${(error as Error).message}.`.replace(/\.\.$/, "."));
  }
  return transaction((tx) => subscribeWebhook(tx, snapshot, url, components, now));
}

const componentRows = (components: string[]) => components.map((component) => ({ component }));

async function subscribeEmail(
  tx: Tx,
  snapshot: StatusSnapshot,
  email: string,
  components: string[],
  now: Date,
): Promise<SubscribeResult> {
  const statusPageId = snapshot.page.id;
  const existing = await tx.statusSubscriber.findUnique({
    where: { statusPageId_email: { statusPageId, email } },
  });
  // An active subscription is left as it is (whoever typed the address may not own it); the mail
  // that goes out lets its owner confirm again and manage it.
  const active = existing && existing.confirmedAt && !existing.unsubscribedAt;
  let id = existing?.id;
  if (!existing) {
    id = (
      await tx.statusSubscriber.create({
        data: {
          statusPageId,
          kind: "email",
          email,
          wholePage: components.length === 0,
          components: { create: componentRows(components) },
        },
      })
    ).id;
  } else if (!active) {
    await tx.statusSubscriberComponent.deleteMany({ where: { subscriberId: existing.id } });
    await tx.statusSubscriber.update({
      where: { id: existing.id },
      data: {
        wholePage: components.length === 0,
        confirmedAt: null,
        unsubscribedAt: null,
        failingSince: null,
        components: { create: componentRows(components) },
      },
    });
  }
  const urls = subscriberUrls(snapshot.page.slug, id!, now);
  await enqueueMessage(
    tx,
    {
      topic: "subscriber.confirm",
      subscriberId: id,
      payload: confirmationMail(snapshot.page.title, urls.confirm, urls, CONFIRM_TTL_SEC / 3600),
    },
    now,
  );
  return { kind: "email" };
}

async function subscribeWebhook(
  tx: Tx,
  snapshot: StatusSnapshot,
  webhookUrl: string,
  components: string[],
  now: Date,
): Promise<SubscribeResult> {
  const statusPageId = snapshot.page.id;
  const existing = await tx.statusSubscriber.findUnique({
    where: { statusPageId_webhookUrl: { statusPageId, webhookUrl } },
  });
  if (existing && !existing.unsubscribedAt) {
    throw invalid("webhookUrl", "This webhook URL is already subscribed to this page.");
  }
  const secret = `whsec_${randomBytes(24).toString("base64url")}`;
  const data = {
    wholePage: components.length === 0,
    webhookSecret: sealSecret(secret),
    confirmedAt: null,
    unsubscribedAt: null,
    failingSince: null,
  };
  let id: string;
  if (existing) {
    await tx.statusSubscriberComponent.deleteMany({ where: { subscriberId: existing.id } });
    await tx.statusSubscriber.update({
      where: { id: existing.id },
      data: { ...data, components: { create: componentRows(components) } },
    });
    id = existing.id;
  } else {
    id = (
      await tx.statusSubscriber.create({
        data: {
          statusPageId,
          kind: "webhook",
          webhookUrl,
          ...data,
          components: { create: componentRows(components) },
        },
      })
    ).id;
  }
  const urls = subscriberUrls(snapshot.page.slug, id, now);
  await enqueueMessage(
    tx,
    {
      topic: "subscriber.verify",
      subscriberId: id,
      payload: verificationBody(webhookUrl, snapshot, urls) as object,
    },
    now,
  );
  return { kind: "webhook", secret };
}
