import "server-only";
import { recordAudit } from "../audit";
import { authorize, type Ctx } from "../auth/context";
import { db, transaction } from "../db";
import { AppError, parseInput } from "../errors";
import { SubscriberRef } from "./schemas";

export const DELIVERY_LOG_SIZE = 100;

export type SubscriberState = "pending" | "active" | "failing" | "unsubscribed";

export function stateOf(s: {
  confirmedAt: Date | null;
  unsubscribedAt: Date | null;
  failingSince: Date | null;
}): SubscriberState {
  if (s.unsubscribedAt) return "unsubscribed";
  if (!s.confirmedAt) return "pending";
  return s.failingSince ? "failing" : "active";
}

export type DeliveryLogRow = {
  id: string;
  at: Date;
  topic: string;
  deliveryId: string;
  ok: boolean;
  httpStatus: number | null;
  latencyMs: number;
  error: string | null;
};

export type SubscriberAdminRow = {
  id: string;
  kind: "email" | "webhook";
  /** An admin of the page sees the address: it is how they recognise whom to remove. */
  address: string;
  state: SubscriberState;
  wholePage: boolean;
  components: string[];
  /** The components by name ("Europe", "Oslo 1"), for people; `components` keeps the ids. */
  follows: string[];
  createdAt: Date;
  failingSince: Date | null;
  log: DeliveryLogRow[];
};

export type SubscribersView = {
  page: { id: string; slug: string; title: string };
  counts: Record<SubscriberState, number>;
  subscribers: SubscriberAdminRow[];
};

/** A page's subscribers, each with its last 100 delivery attempts, newest first. Admins only. */
export async function listSubscribers(ctx: Ctx, pageId: string): Promise<SubscribersView> {
  authorize(ctx, "status-pages.manage");
  const page = await db.statusPage.findUnique({
    where: { id: pageId },
    select: { id: true, slug: true, title: true },
  });
  if (!page) throw new AppError("NOT_FOUND", "There is no such status page.");
  const rows = await db.statusSubscriber.findMany({
    where: { statusPageId: page.id },
    orderBy: { createdAt: "desc" },
    include: { components: { select: { component: true } } },
  });
  const logs = await Promise.all(
    rows.map((r) =>
      db.deliveryAttempt.findMany({
        where: { subscriberId: r.id },
        orderBy: { at: "desc" },
        take: DELIVERY_LOG_SIZE,
        include: { outbox: { select: { topic: true } } },
      }),
    ),
  );
  const names = await componentNames(rows.flatMap((r) => r.components.map((c) => c.component)));
  const counts: Record<SubscriberState, number> = { pending: 0, active: 0, failing: 0, unsubscribed: 0 };
  const subscribers = rows.map((r, i): SubscriberAdminRow => {
    const state = stateOf(r);
    counts[state]++;
    return {
      id: r.id,
      kind: r.kind,
      address: (r.kind === "email" ? r.email : r.webhookUrl) ?? "",
      state,
      wholePage: r.wholePage,
      components: r.components.map((c) => c.component),
      follows: r.components.map((c) => names.get(c.component) ?? c.component),
      createdAt: r.createdAt,
      failingSince: r.failingSince,
      log: logs[i].map((a) => ({
        id: a.id,
        at: a.at,
        topic: a.outbox.topic,
        deliveryId: a.outboxId,
        ok: a.ok,
        httpStatus: a.httpStatus,
        latencyMs: a.latencyMs,
        error: a.error,
      })),
    };
  });
  return { page, counts, subscribers };
}

/** "region:eu" → "Europe", "satellite:cm…" → its name; a component that is gone keeps its id. */
async function componentNames(ids: string[]): Promise<Map<string, string>> {
  const of = (prefix: string) => [
    ...new Set(ids.filter((c) => c.startsWith(prefix)).map((c) => c.slice(prefix.length))),
  ];
  const [regions, satellites] = await Promise.all([
    db.complianceRegion.findMany({ where: { id: { in: of("region:") } }, select: { id: true, name: true } }),
    db.satellite.findMany({ where: { id: { in: of("satellite:") } }, select: { id: true, name: true } }),
  ]);
  return new Map([
    ...regions.map((r) => [`region:${r.id}`, r.name] as const),
    ...satellites.map((s) => [`satellite:${s.id}`, s.name] as const),
  ]);
}

/** Pages with subscriptions whose deliveries gave up: the console tells their admins. */
export async function failingSubscriberCount(ctx: Ctx, pageId: string): Promise<number> {
  authorize(ctx, "status-pages.manage");
  return db.statusSubscriber.count({
    where: { statusPageId: pageId, failingSince: { not: null }, unsubscribedAt: null },
  });
}

/** Removes a subscriber and whatever was still waiting for it. Audited, without the address. */
export async function removeSubscriber(ctx: Ctx, input: unknown): Promise<{ id: string }> {
  authorize(ctx, "status-pages.manage");
  const ref = parseInput(SubscriberRef, input);
  return transaction(async (tx) => {
    const row = await tx.statusSubscriber.findFirst({
      where: { id: ref.subscriberId, statusPageId: ref.pageId },
      select: { id: true, kind: true, statusPage: { select: { slug: true } } },
    });
    if (!row) throw new AppError("NOT_FOUND", "That subscriber was already removed.");
    await tx.statusSubscriber.delete({ where: { id: row.id } });
    await recordAudit(tx, ctx, {
      action: "status-page.subscriber.remove",
      targetType: "status-page",
      targetId: ref.pageId,
      summary: `Removed a ${row.kind} subscriber from /status/${row.statusPage.slug}`,
      data: { subscriberId: row.id, kind: row.kind },
    });
    return { id: row.id };
  });
}
