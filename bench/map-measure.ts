// The browser half of bench:map: navigation to map idle, the longest main-thread task while panning, and what
// one live update costs the page's main thread, read from Chromium's own trace.
import type { Browser, Page } from "@playwright/test";

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Navigation start → the map has drawn at least half the fleet and is idle (ms, the page's own clock). */
export async function mapIdleMs(page: Page, core: string, count: number, path = "/"): Promise<number> {
  await page.goto(`${core}${path}`, { waitUntil: "commit" });
  // A string, not a function: tsx's name-keeping helpers do not exist in the page.
  return page.evaluate(`new Promise((resolve) => {
    const check = () => {
      const map = window.orreryFleetMap;
      if (!map || !map.getSource("satellites") || !map.isSourceLoaded("satellites")) return void setTimeout(check, 20);
      const drawn = map
        .queryRenderedFeatures({ layers: ["sat-clusters", "sat-points"] })
        .reduce((n, f) => n + (f.properties.cluster ? Number(f.properties.point_count) : 1), 0);
      if (drawn < ${count} * 0.5) return void setTimeout(check, 20);
      if (map.loaded() && map.areTilesLoaded()) resolve(performance.now());
      else map.once("idle", () => resolve(performance.now()));
    };
    check();
  })`) as Promise<number>;
}

/** Starts collecting long tasks (≥ 50 ms) in the page; `takeLongest` reads and clears them. */
export async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push(e.duration);
    }).observe({ type: "longtask" });
  })()`);
}

export async function takeLongest(page: Page): Promise<number> {
  return page.evaluate(`(() => {
    const max = Math.max(0, ...window.__longTasks);
    window.__longTasks = [];
    return max;
  })()`) as Promise<number>;
}

/** 4 s of zooming and panning across the fleet, as a reader does; then waits for idle. */
export async function pan(page: Page): Promise<void> {
  await page.evaluate(`new Promise((resolve) => {
    const map = window.orreryFleetMap;
    map.jumpTo({ center: [10, 30], zoom: 1.5 });
    map.easeTo({ zoom: 4, center: [8, 48], duration: 1500 });
    setTimeout(() => map.easeTo({ center: [-60, 30], zoom: 2.5, duration: 1200 }), 1600);
    setTimeout(() => map.easeTo({ center: [100, 20], zoom: 5, duration: 900 }), 2900);
    setTimeout(() => map.panBy([-400, 120], { duration: 400 }), 3900);
    setTimeout(() => map.once("idle", () => resolve(0)), 4400);
  })`);
}

export type TaskCost = { busy: number; longest: number; inLongest: string[] };

type TraceEvent = {
  name: string;
  ph: string;
  dur?: number;
  ts: number;
  tid: number;
  pid: number;
  args?: { name?: string; data?: { functionName?: string; url?: string; type?: string } };
};

/**
 * The page's main-thread work while `during` runs: the sum and the longest of its top-level tasks, from a
 * Chromium trace (every task, not only those over 50 ms). Work on maplibre's workers and the GPU process is
 * not the page's main thread and is not counted.
 */
export async function mainThreadCost(
  browser: Browser,
  page: Page,
  during: () => Promise<void>,
): Promise<TaskCost> {
  await browser.startTracing(page, {
    categories: ["devtools.timeline", "disabled-by-default-devtools.timeline"],
  });
  await during();
  const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
  const events = trace.traceEvents;
  const mains = new Set(
    events
      .filter((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain")
      .map((e) => `${e.pid}:${e.tid}`),
  );
  // The renderer main thread that ran the map: the one with the most work.
  const busyOf = new Map<string, TraceEvent[]>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (e.name !== "RunTask" || e.ph !== "X" || !mains.has(key) || e.dur === undefined) continue;
    let list = busyOf.get(key);
    if (!list) busyOf.set(key, (list = []));
    list.push(e);
  }
  const total = (list: TraceEvent[]) => list.reduce((a, e) => a + (e.dur ?? 0), 0);
  let best: TraceEvent[] = [];
  for (const list of busyOf.values()) if (total(list) > total(best)) best = list;
  const top = best.reduce<TraceEvent | null>((a, e) => (!a || (e.dur ?? 0) > (a.dur ?? 0) ? e : a), null);
  // What the longest task spent its time in: the heaviest events inside it, to say where a long task comes from.
  const inside = (e: TraceEvent) =>
    top !== null &&
    e.pid === top.pid &&
    e.tid === top.tid &&
    e.ph === "X" &&
    e !== top &&
    e.ts >= top.ts &&
    e.ts < top.ts + (top.dur ?? 0);
  const inLongest = events
    .filter(inside)
    .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
    .slice(0, 6)
    .map((e) => {
      const d = e.args?.data;
      const what = [d?.functionName, d?.url?.split("/").pop()].filter(Boolean).join(" ");
      return `${e.name}${what ? ` ${what}` : ""} ${((e.dur ?? 0) / 1000).toFixed(0)} ms`;
    });
  return { busy: total(best) / 1000, longest: (top?.dur ?? 0) / 1000, inLongest };
}
