import "server-only";
import type { DebounceState } from "@/lib/status/status-model";
import { db, transaction } from "../db";
import { notifyComponentChanges } from "../subscribers/notify";
import { statusChanged } from "./changes";
import {
  loadOpenIncidents,
  loadPageInputs,
  outcomeOf,
  PAGE_SELECTION,
  pageSatelliteWhere,
  type PageRow,
} from "./page-inputs";

const same = (a: DebounceState | undefined, b: DebounceState) =>
  !!a &&
  a.published === b.published &&
  a.publishedAt.getTime() === b.publishedAt.getTime() &&
  a.candidate === b.candidate &&
  (a.candidateSince?.getTime() ?? null) === (b.candidateSince?.getTime() ?? null);

/**
 * One page's debounce step (docs/status-model.md): writes the states that moved, forgets regions that left
 * the page, and answers how many published statuses changed.
 */
export async function evaluatePage(page: PageRow, now: Date): Promise<number> {
  const [inputs, incidents] = await Promise.all([
    loadPageInputs(page, now),
    loadOpenIncidents(pageSatelliteWhere(page)),
  ]);
  const outcome = outcomeOf(page, inputs, incidents, now, true);
  const moved = [...outcome.states].filter(([key, next]) => !same(inputs.states.get(key), next));
  const gone = [...inputs.states.keys()].filter((key) => !outcome.states.has(key));
  if (moved.length === 0 && gone.length === 0) return 0;
  await transaction(async (tx) => {
    for (const [component, s] of moved) {
      const data = {
        published: s.published,
        publishedAt: s.publishedAt,
        candidate: s.candidate,
        candidateSince: s.candidateSince,
      };
      await tx.statusComponentState.upsert({
        where: { statusPageId_component: { statusPageId: page.id, component } },
        create: { statusPageId: page.id, component, ...data },
        update: data,
      });
    }
    if (gone.length) {
      await tx.statusComponentState.deleteMany({ where: { statusPageId: page.id, component: { in: gone } } });
    }
    // In the same transaction: a published change and its notices to subscribers exist together or not at all.
    const before = new Map(moved.map(([key]) => [key, inputs.states.get(key)?.published]));
    await notifyComponentChanges(tx, page, before, now);
  });
  return moved.filter(([key, next]) => inputs.states.get(key)?.published !== next.published).length;
}

/**
 * The reconciler's status step: every page that is not disabled takes its debounce step, so every replica's
 * snapshot publishes the same stored states. A changed status makes this process's snapshots stale at once;
 * other processes rebuild theirs within the snapshot cache's 10 s.
 */
export async function evaluateStatusPages(now: Date): Promise<{ pages: number; changed: number }> {
  const pages = await db.statusPage.findMany({
    where: { visibility: { not: "disabled" } },
    include: PAGE_SELECTION,
  });
  let changed = 0;
  for (const page of pages) changed += await evaluatePage(page, now);
  if (changed > 0) statusChanged();
  return { pages: pages.length, changed };
}
