import "server-only";
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
import { sameState, stepFollowedSatellites } from "./satellite-states";

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
  const regionMoves = [...outcome.states].filter(([key, next]) => !sameState(inputs.states.get(key), next));
  const followed = await stepFollowedSatellites(page, inputs, now);
  const moved = [...regionMoves, ...followed.moved];
  const gone = [...inputs.states.keys()].filter((key) => !outcome.states.has(key)).concat(followed.gone);
  if (moved.length === 0 && gone.length === 0) return 0;
  const before = new Map(
    moved.map(([key]) => [key, (inputs.states.get(key) ?? inputs.satelliteStates.get(key))?.published]),
  );
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
    await notifyComponentChanges(tx, page, before, now, outcome.indicator);
  });
  // Only regions' changes change what the page publishes; a followed satellite's state is for its notices.
  return regionMoves.filter(([key, next]) => inputs.states.get(key)?.published !== next.published).length;
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
