import "server-only";
import { debounceStatus, type DebounceState } from "@/lib/status/status-model";
import { db } from "../db";
import { satelliteComponent, type PageInputs, type PageRow } from "./page-inputs";

export const sameState = (a: DebounceState | undefined, b: DebounceState) =>
  !!a &&
  a.published === b.published &&
  a.publishedAt.getTime() === b.publishedAt.getTime() &&
  a.candidate === b.candidate &&
  (a.candidateSince?.getTime() ?? null) === (b.candidateSince?.getTime() ?? null);

/**
 * A satellite's own status, debounced like a region's, for the satellites a confirmed subscriber follows on a
 * page that shows satellites: a flapping site tells its followers once it has held, not at every heartbeat.
 * Only followed satellites keep a state, so a 10,000-satellite page stores nothing extra until someone asks.
 */
export async function stepFollowedSatellites(
  page: PageRow,
  inputs: PageInputs,
  now: Date,
): Promise<{ moved: [string, DebounceState][]; gone: string[] }> {
  const followed = page.showSatellites
    ? await db.statusSubscriberComponent.findMany({
        where: {
          component: { startsWith: "satellite:" },
          subscriber: { statusPageId: page.id, confirmedAt: { not: null }, unsubscribedAt: null },
        },
        select: { component: true },
        distinct: ["component"],
      })
    : [];
  const raw = new Map(inputs.satellites.map((s) => [satelliteComponent(s.id), s.status]));
  const kept = new Set<string>();
  const moved: [string, DebounceState][] = [];
  for (const { component } of followed) {
    const status = raw.get(component);
    if (!status) continue;
    kept.add(component);
    const before = inputs.satelliteStates.get(component);
    const next = debounceStatus(before ?? null, status, now, page.debounceSec);
    if (!sameState(before, next)) moved.push([component, next]);
  }
  const gone = [...inputs.satelliteStates.keys()].filter((key) => !kept.has(key));
  return { moved, gone };
}
