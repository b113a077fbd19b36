import "server-only";
import type { StatusIndicator } from "@/lib/status/indicator";
import { isPublicStatus } from "@/lib/status/status-model";
import type { Tx } from "../db";
import { publicUrl } from "../env";
import { enqueueMessage } from "../outbox/enqueue";
import { pageSatelliteWhere, PAGE_SELECTION } from "../status/page-inputs";
import type { NoticePage, SubscriberNotice } from "./formats";
import { webhookBody } from "./formats";
import { subscriberUrls } from "./links";
import { noticeMail } from "./mail-formats";

// Written in the transaction of the change that causes them, one outbox message per subscriber, keyed so
// that deciding twice never sends twice.

type Target = { id: string; kind: "email" | "webhook"; webhookUrl: string | null };

/** Active subscribers of a page who follow the whole page or any of `components`. */
async function audience(
  tx: Tx,
  statusPageId: string,
  components: string[],
  wholePage = true,
): Promise<Target[]> {
  const following = { components: { some: { component: { in: components } } } };
  return tx.statusSubscriber.findMany({
    where: {
      statusPageId,
      confirmedAt: { not: null },
      unsubscribedAt: null,
      ...(wholePage ? { OR: [{ wholePage: true }, following] } : following),
    },
    select: { id: true, kind: true, webhookUrl: true },
  });
}

async function send(
  tx: Tx,
  targets: Target[],
  notice: SubscriberNotice,
  topic: string,
  key: string,
  now: Date,
): Promise<number> {
  for (const t of targets) {
    const urls = subscriberUrls(notice.page.slug, t.id, now);
    const payload =
      t.kind === "email" ? noticeMail(notice, urls) : webhookBody(t.webhookUrl ?? "", notice, urls);
    await enqueueMessage(
      tx,
      { topic, subscriberId: t.id, payload: payload as object, dedupeKey: `sub:${t.id}:${key}` },
      now,
    );
  }
  return targets.length;
}

/** The page's public address; an unlisted page's carries its key, as the v2 API's links do. */
const noticePage = (p: {
  id: string;
  slug: string;
  title: string;
  visibility: string;
  secret: string | null;
}): NoticePage => ({
  id: p.id,
  slug: p.slug,
  title: p.title,
  url: `${publicUrl()}/status/${p.slug}${p.visibility === "unlisted" && p.secret ? `?key=${encodeURIComponent(p.secret)}` : ""}`,
});

/**
 * An incident was opened, updated or resolved (`updateId` is the timeline entry that says so): every page
 * showing it tells its subscribers who follow the page or a region or site it names.
 */
export async function notifyIncident(
  tx: Tx,
  incidentId: string,
  updateId: string,
  event: "created" | "updated" | "resolved",
  now: Date,
): Promise<number> {
  const incident = await tx.incident.findUnique({
    where: { id: incidentId },
    include: {
      updates: { orderBy: { createdAt: "desc" } },
      satellites: { select: { satelliteId: true, satellite: { select: { regionId: true } } } },
    },
  });
  if (!incident || !incident.isPublished || incident.isProposed || incident.dismissedAt) return 0;
  const pages = await tx.statusPage.findMany({
    where: { visibility: { not: "disabled" } },
    include: PAGE_SELECTION,
  });
  let sent = 0;
  const ids = incident.satellites.map((s) => s.satelliteId);
  for (const page of pages) {
    if (!(await tx.statusSubscriber.count({ where: { statusPageId: page.id, confirmedAt: { not: null } } })))
      continue;
    const onPage = ids.length
      ? await tx.satellite.findMany({
          where: { AND: [pageSatelliteWhere(page), { id: { in: ids } }] },
          select: { id: true, regionId: true },
        })
      : null;
    if (onPage && onPage.length === 0) continue;
    // A fleet-wide incident concerns everyone on the page.
    const components = onPage
      ? [...onPage.map((s) => `satellite:${s.id}`), ...new Set(onPage.map((s) => `region:${s.regionId}`))]
      : null;
    const targets = components
      ? await audience(tx, page.id, components)
      : await tx.statusSubscriber.findMany({
          where: { statusPageId: page.id, confirmedAt: { not: null }, unsubscribedAt: null },
          select: { id: true, kind: true, webhookUrl: true },
        });
    const pageInfo = noticePage(page);
    const notice: SubscriberNotice = {
      kind: "incident",
      event,
      page: pageInfo,
      incident: {
        id: incident.id,
        name: incident.title,
        status: incident.status,
        impact: incident.impact,
        createdAt: incident.startedAt.toISOString(),
        updatedAt: now.toISOString(),
        resolvedAt: incident.resolvedAt?.toISOString() ?? null,
        // The incident's place on the public page, as the v2 API's shortlink.
        shortlink: `${pageInfo.url}#incident-${incident.id}`,
        updates: incident.updates.map((u) => ({
          id: u.id,
          status: u.status,
          body: u.body,
          at: u.createdAt.toISOString(),
        })),
      },
    };
    sent += await send(tx, targets, notice, `incident.${event}`, `incident:${updateId}`, now);
  }
  return sent;
}

/**
 * After a page's debounce step: each region (or followed satellite) whose published status differs from what
 * subscribers were last told is announced once, and remembered. One seen for the first time is remembered
 * silently.
 */
export async function notifyComponentChanges(
  tx: Tx,
  page: { id: string; slug: string; title: string; visibility: string; secret: string | null },
  /** Each moved component with the status it had published before this step, if any. */
  moved: Map<string, string | undefined>,
  now: Date,
  /** The page's indicator after this step, as its banner shows it. */
  indicator?: StatusIndicator,
): Promise<number> {
  const rows = await tx.statusComponentState.findMany({
    where: { statusPageId: page.id, component: { in: [...moved.keys()].filter(Boolean) } },
  });
  let sent = 0;
  for (const stored of rows) {
    // States kept before subscribers existed say nothing of what was told: the status before this step is.
    const row = { ...stored, notifiedStatus: stored.notifiedStatus ?? moved.get(stored.component) ?? null };
    if (row.published === row.notifiedStatus) continue;
    await tx.statusComponentState.update({
      where: { statusPageId_component: { statusPageId: page.id, component: row.component } },
      data: { notifiedStatus: row.published, notifiedAt: now },
    });
    if (!row.notifiedStatus || !isPublicStatus(row.published) || !isPublicStatus(row.notifiedStatus)) {
      continue;
    }
    const isSatellite = row.component.startsWith("satellite:");
    const ref = isSatellite ? row.component : `region:${row.component}`;
    const named = isSatellite
      ? await tx.satellite.findUnique({ where: { id: row.component.slice(10) }, select: { name: true } })
      : await tx.complianceRegion.findUnique({ where: { id: row.component }, select: { name: true } });
    const notice: SubscriberNotice = {
      kind: "component",
      page: { ...noticePage(page), indicator },
      component: {
        id: ref,
        name: named?.name ?? row.component,
        status: row.published,
        oldStatus: row.notifiedStatus,
        at: row.publishedAt.toISOString(),
      },
    };
    // A site's own change goes to those who follow that site; the whole page hears of its regions.
    const targets = await audience(tx, page.id, [ref], !isSatellite);
    const key = `component:${page.id}:${ref}:${row.publishedAt.getTime()}`;
    sent += await send(tx, targets, notice, "component.update", key, now);
  }
  return sent;
}
