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

export type TaskCost = {
  busy: number;
  longest: number;
  inLongest: string[];
  /** Where the main thread's time went (self time by trace event), JS by function, and other threads' busy time. */
  breakdown: string[];
};

type TraceEvent = {
  name: string;
  cat?: string;
  ph: string;
  dur?: number;
  ts: number;
  tid: number;
  pid: number;
  id?: string;
  args?: {
    name?: string;
    data?: {
      functionName?: string;
      url?: string;
      type?: string;
      cpuProfile?: {
        nodes?: { id: number; callFrame: { functionName: string; url?: string; lineNumber?: number } }[];
        samples?: number[];
      };
      timeDeltas?: number[];
    };
  };
};

const CATEGORIES = [
  "devtools.timeline",
  "disabled-by-default-devtools.timeline",
  "disabled-by-default-devtools.timeline.frame",
  "v8.execute",
  "gpu",
  "cc",
  "toplevel",
];
/** V8's sampler: JS time by function, at a cost to the page, so only when asked. */
const PROFILER = "disabled-by-default-v8.cpu_profiler";

const ms1 = (us: number) => `${(us / 1000).toFixed(0)} ms`;

/** Self time (µs) by event name on one thread, from its complete (X) events nested by time. */
function selfTimes(events: TraceEvent[]): Map<string, number> {
  const xs = events
    .filter((e) => e.ph === "X" && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const self = new Map<string, number>();
  const stack: { e: TraceEvent; end: number; child: number }[] = [];
  const close = (upTo: number) => {
    while (stack.length && stack[stack.length - 1].end <= upTo) {
      const top = stack.pop()!;
      const name = top.e.name;
      self.set(name, (self.get(name) ?? 0) + Math.max(0, (top.e.dur ?? 0) - top.child));
      if (stack.length) stack[stack.length - 1].child += top.e.dur ?? 0;
    }
  };
  for (const e of xs) {
    close(e.ts);
    stack.push({ e, end: e.ts + (e.dur ?? 0), child: 0 });
  }
  close(Infinity);
  return self;
}

/** JS self time (µs) by function, from the V8 sampling profiler's chunks on one thread. */
function jsSelfTimes(events: TraceEvent[], pid: number, tid: number): Map<string, number> {
  const frames = new Map<number, string>();
  const out = new Map<string, number>();
  // A profile is named by the thread it samples; its chunks carry its id.
  const ids = new Set(
    events.filter((e) => e.name === "Profile" && e.pid === pid && e.tid === tid && e.id).map((e) => e.id),
  );
  for (const e of events) {
    if (e.name !== "ProfileChunk" || e.pid !== pid || !ids.has(e.id)) continue;
    const d = e.args?.data;
    for (const n of d?.cpuProfile?.nodes ?? []) {
      const f = n.callFrame;
      frames.set(
        n.id,
        `${f.functionName || "(anonymous)"} ${(f.url ?? "").split("/").pop() ?? ""}:${f.lineNumber ?? ""}`,
      );
    }
    const samples = d?.cpuProfile?.samples ?? [];
    const deltas = d?.timeDeltas ?? [];
    for (let k = 0; k < samples.length; k++) {
      const name = frames.get(samples[k]) ?? String(samples[k]);
      out.set(name, (out.get(name) ?? 0) + Math.max(0, deltas[k + 1] ?? deltas[k] ?? 0));
    }
  }
  return out;
}

const top = (m: Map<string, number>, n: number) =>
  [...m.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `${k} ${ms1(v)}`);

/**
 * The page's main-thread work while `during` runs: the sum and the longest of its top-level tasks, from a
 * Chromium trace (every task, not only those over 50 ms). Work on maplibre's workers and the GPU process is
 * not the page's main thread and is not counted in `busy`; the breakdown lists it beside.
 */
export async function mainThreadCost(
  browser: Browser,
  page: Page,
  during: () => Promise<void>,
  profile = false,
): Promise<TaskCost> {
  await browser.startTracing(page, { categories: profile ? [...CATEGORIES, PROFILER] : CATEGORIES });
  await during();
  const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
  const events = trace.traceEvents;
  const threadNames = new Map<string, string>();
  for (const e of events)
    if (e.name === "thread_name" && e.args?.name) threadNames.set(`${e.pid}:${e.tid}`, e.args.name);
  const mains = new Set([...threadNames].filter(([, n]) => n === "CrRendererMain").map(([k]) => k));
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
  const longest = best.reduce<TraceEvent | null>((a, e) => (!a || (e.dur ?? 0) > (a.dur ?? 0) ? e : a), null);
  // What the longest task spent its time in: the heaviest events inside it, to say where a long task comes from.
  const inside = (e: TraceEvent) =>
    longest !== null &&
    e.pid === longest.pid &&
    e.tid === longest.tid &&
    e.ph === "X" &&
    e !== longest &&
    e.ts >= longest.ts &&
    e.ts < longest.ts + (longest.dur ?? 0);
  const inLongest = events
    .filter(inside)
    .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
    .slice(0, 6)
    .map((e) => {
      const d = e.args?.data;
      const what = [d?.functionName, d?.url?.split("/").pop()].filter(Boolean).join(" ");
      return `${e.name}${what ? ` ${what}` : ""} ${((e.dur ?? 0) / 1000).toFixed(0)} ms`;
    });
  const breakdown: string[] = [];
  if (best.length > 0) {
    const { pid, tid } = best[0];
    const own = events.filter((e) => e.pid === pid && e.tid === tid);
    breakdown.push(`main thread, self time by event: ${top(selfTimes(own), 12).join(" · ")}`);
    breakdown.push(
      `main thread, JS self time by function: ${top(jsSelfTimes(events, pid, tid), 12).join(" · ")}`,
    );
    const longestOwn = own.filter(
      (e) => longest && e.ts >= longest.ts && e.ts < longest.ts + (longest.dur ?? 0),
    );
    const frames = own.filter((e) => e.name === "FireAnimationFrame" && e.ph === "X");
    const readbacks = own.filter((e) => e.name === "GLES2::ReadPixels" && e.ph === "X");
    const sum = (xs: TraceEvent[]) => xs.reduce((a, e) => a + (e.dur ?? 0), 0);
    breakdown.push(
      `main thread, frames: ${frames.length} animation frames (${ms1(sum(frames))}), ${readbacks.length} canvas read-backs (${ms1(sum(readbacks))})`,
    );
    breakdown.push(`longest task, self time by event: ${top(selfTimes(longestOwn), 10).join(" · ")}`);
  }
  // Busy time of every other thread that did work (workers, compositor, GPU process), by thread name.
  const others = new Map<string, number>();
  for (const e of events) {
    if (e.ph !== "X" || e.dur === undefined) continue;
    if (
      e.name !== "RunTask" &&
      e.name !== "ThreadControllerImpl::RunTask" &&
      e.name !== "TaskGraphRunner::RunTask"
    )
      continue;
    const key = `${e.pid}:${e.tid}`;
    if (best[0] && key === `${best[0].pid}:${best[0].tid}`) continue;
    const name = `${threadNames.get(key) ?? "?"}#${e.pid}`;
    others.set(name, (others.get(name) ?? 0) + e.dur);
  }
  breakdown.push(`other threads, task time: ${top(others, 10).join(" · ")}`);
  // maplibre's busiest worker: what its JS spent the time in (clustering, tiles).
  const worker = [...others].filter(([k]) => k.startsWith("DedicatedWorker")).sort((a, b) => b[1] - a[1])[0];
  if (worker) {
    const [name] = worker;
    const pid = Number(name.split("#")[1]);
    const tids = [...threadNames].filter(
      ([k, n]) => n === "DedicatedWorker thread" && k.startsWith(`${pid}:`),
    );
    const js = new Map<string, number>();
    for (const [k] of tids)
      for (const [f, t] of jsSelfTimes(events, pid, Number(k.split(":")[1]))) js.set(f, (js.get(f) ?? 0) + t);
    breakdown.push(`workers, JS self time by function: ${top(js, 20).join(" · ")}`);
  }
  return { busy: total(best) / 1000, longest: (longest?.dur ?? 0) / 1000, inLongest, breakdown };
}
