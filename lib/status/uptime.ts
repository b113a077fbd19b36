// Uptime for the 90-day bars of public status pages. Pure: the server loads connectivity events,
// maintenance windows and hourly roll-ups, and passes them in with its own `now`.
//
// What counts as downtime, for one satellite:
//   - every interval it was recorded `offline` (offlineIntervals, from its connectivity events), and
//   - every whole, already rolled-up hour after it was first seen without a single telemetry sample
//     (gapIntervalsFromRollups). Agents resend buffered samples after a cut, so an hour that stays empty is
//     one in which the satellite really did not run, even if no offline event was recorded for it (the
//     reconciler was down, or the events were pruned).
// The two sources are merged as a union, so an hour that is both is counted once. Staleness is not
// downtime (a stale satellite is late, not down), and time inside maintenance windows is neither up nor
// down: it is left out of the day's observed time.
import type { Connectivity } from "../connectivity";

/** A half-open span of time [start, end). */
export type Interval = { start: Date; end: Date };

/** One recorded connectivity change, as the reconciler stores it. */
export type ConnectivityTransition = { from: Connectivity; to: Connectivity; at: Date };

export type DailyUptime = {
  /** The calendar day in the requested time zone, "YYYY-MM-DD". */
  date: string;
  /** 100 × (observed − down) / observed; null when nothing was observed that day ("no data"). */
  uptimePct: number | null;
  downMinutes: number;
  maintenanceMinutes: number;
  /** Minutes of the day the satellite existed, up to now, outside maintenance. */
  observedMinutes: number;
};

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

// Internal spans are [startMs, endMs), sorted and disjoint once normalized.
type Span = readonly [number, number];

function normalize(spans: Iterable<Span>): Span[] {
  const sorted = [...spans]
    .filter(([s, e]) => Number.isFinite(s) && Number.isFinite(e) && e > s)
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [s, e] of sorted) {
    const last = merged.at(-1);
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}

const toSpans = (intervals: readonly Interval[]): Span[] =>
  normalize(intervals.map((i) => [i.start.getTime(), i.end.getTime()] as const));

const toIntervals = (spans: readonly Span[]): Interval[] =>
  spans.map(([s, e]) => ({ start: new Date(s), end: new Date(e) }));

/** a minus b, both normalized. */
function subtract(a: readonly Span[], b: readonly Span[]): Span[] {
  const out: Span[] = [];
  let j = 0;
  for (const [start, end] of a) {
    let s = start;
    while (j < b.length && b[j][1] <= s) j++;
    for (let k = j; k < b.length && b[k][0] < end; k++) {
      if (b[k][0] > s) out.push([s, b[k][0]]);
      s = Math.max(s, b[k][1]);
      if (s >= end) break;
    }
    if (s < end) out.push([s, end]);
  }
  return out;
}

function clip(spans: readonly Span[], from: number, to: number): Span[] {
  const out: Span[] = [];
  for (const [s, e] of spans) {
    const cs = Math.max(s, from);
    const ce = Math.min(e, to);
    if (ce > cs) out.push([cs, ce]);
  }
  return out;
}

/** Milliseconds of normalized spans inside each [bounds[i], bounds[i+1]), in one sweep. */
function perBucket(spans: readonly Span[], bounds: readonly number[]): number[] {
  const out = new Array<number>(bounds.length - 1).fill(0);
  let i = 0;
  for (const [s, e] of spans) {
    while (i < out.length && bounds[i + 1] <= s) i++;
    for (let k = i; k < out.length && bounds[k] < e; k++) {
      out[k] += Math.max(0, Math.min(e, bounds[k + 1]) - Math.max(s, bounds[k]));
    }
  }
  return out;
}

/**
 * The intervals a satellite was offline between windowStart and now, from its connectivity events.
 * `initialState` is its connectivity at windowStart (the `to` of the last event before it). Only each
 * event's `to` and `at` are used, so events may come in any order, duplicated, or with a `from` that
 * disagrees with the previous event: going offline opens an interval, any other state closes it, and an
 * interval still open ends at now. Events before windowStart only set the state it starts in; events after
 * now are ignored.
 */
export function offlineIntervals(
  events: readonly ConnectivityTransition[],
  windowStart: Date,
  now: Date,
  initialState: Connectivity,
): Interval[] {
  const from = windowStart.getTime();
  const to = now.getTime();
  // Stable sort: events at the same instant keep the order they were recorded in.
  const sorted = [...events].sort((a, b) => a.at.getTime() - b.at.getTime());
  let state = initialState;
  let openedAt: number | null = null;
  const spans: Span[] = [];
  for (const event of sorted) {
    const at = event.at.getTime();
    if (at > to) break;
    if (at < from) {
      state = event.to;
      continue;
    }
    if (openedAt === null && state === "offline") openedAt = from;
    if (event.to === "offline") openedAt ??= at;
    else if (openedAt !== null) {
      spans.push([openedAt, at]);
      openedAt = null;
    }
    state = event.to;
  }
  if (openedAt === null && state === "offline") openedAt = from;
  if (openedAt !== null) spans.push([openedAt, to]);
  return toIntervals(normalize(spans));
}

/**
 * Whole hours without a single sample, from hourly roll-ups (bucketSec 3600): an hour counts as down when
 * it starts at or after `from` (when the satellite was first seen, or the window start if later), ends at
 * or before `until` (the roll-up watermark: later hours may still be written), and has no roll-up row or
 * one with zero samples. Partial shortfalls inside an hour are not judged here (`expectedCount` only counts
 * 5-minute periods that had samples); recorded offline intervals cover those. Consecutive hours merge.
 */
export function gapIntervalsFromRollups(
  hourly: readonly { bucketStart: Date; samples: number }[],
  range: { from: Date; until: Date },
): Interval[] {
  const withSamples = new Set<number>();
  for (const row of hourly) {
    if (row.samples > 0) withSamples.add(Math.floor(row.bucketStart.getTime() / HOUR));
  }
  const first = Math.ceil(range.from.getTime() / HOUR);
  const last = Math.floor(range.until.getTime() / HOUR); // exclusive
  const spans: Span[] = [];
  for (let h = first; h < last; h++) {
    if (!withSamples.has(h)) spans.push([h * HOUR, (h + 1) * HOUR]);
  }
  return toIntervals(normalize(spans));
}

// ─── Calendar days in a time zone ────────────────────────────────────────────────────────────

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // Throws a RangeError for an unknown zone, which is the caller's mistake to hear about.
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall clock at instant t in the zone, read as if it were UTC (ms, whole seconds). */
function wallClock(t: number, timeZone: string): number {
  const p: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(t))) {
    if (part.type !== "literal") p[part.type] = Number(part.value);
  }
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
}

const dateKey = (wallMs: number) => new Date(wallMs).toISOString().slice(0, 10);

/**
 * The first instant of a calendar day in the zone. Candidates use the UTC offsets a day either side, so a
 * DST change near midnight is handled: a skipped midnight starts the day at the change, a repeated one at
 * its first occurrence.
 */
function startOfDay(dayWall: number, timeZone: string): number {
  const key = dateKey(dayWall);
  let best = Number.POSITIVE_INFINITY;
  for (const probe of [dayWall - DAY, dayWall, dayWall + DAY]) {
    const candidate = dayWall - (wallClock(probe, timeZone) - Math.floor(probe / 1000) * 1000);
    if (candidate < best && dateKey(wallClock(candidate, timeZone)) === key) best = candidate;
  }
  return Number.isFinite(best) ? best : dayWall - (wallClock(dayWall, timeZone) - dayWall);
}

type Days = { dates: string[]; bounds: number[] };
let lastDays: { key: string; days: Days } | null = null;

/** The last `count` calendar days up to and including today, with count + 1 boundaries. */
function calendarDays(count: number, now: number, timeZone: string): Days {
  const today =
    timeZone === "UTC" ? Math.floor(now / DAY) * DAY : Math.floor(wallClock(now, timeZone) / DAY) * DAY;
  // Status pages compute the same days for every satellite of a page: remember the last answer.
  const key = `${timeZone}|${count}|${today}`;
  if (lastDays?.key === key) return lastDays.days;
  const dates: string[] = [];
  const bounds: number[] = [];
  for (let i = count - 1; i >= -1; i--) {
    const wall = today - i * DAY; // calendar arithmetic on the wall clock: every wall day is 24 h
    if (i >= 0) dates.push(dateKey(wall));
    const start = timeZone === "UTC" ? wall : startOfDay(wall, timeZone);
    bounds.push(Math.max(start, bounds.at(-1) ?? start));
  }
  const days = { dates, bounds };
  lastDays = { key, days };
  return days;
}

// ─── Daily uptime ────────────────────────────────────────────────────────────────────────────

export type DailyUptimeInput = {
  /** How many days, ending with today. */
  days?: number;
  now: Date;
  /** IANA zone whose calendar days the bars use. */
  timeZone?: string;
  /** When the satellite was added (or first seen): earlier time is not observed. */
  createdAt: Date;
  /** Downtime; may overlap and come in any order. */
  offline: readonly Interval[];
  /** Maintenance windows; their time is neither up nor down. */
  maintenance: readonly Interval[];
};

const pct = (observedMs: number, downMs: number) =>
  observedMs > 0 ? (100 * (observedMs - downMs)) / observedMs : null;

/**
 * One entry per calendar day, oldest first, today last. A day is observed from createdAt (if later than
 * its start) to now (if earlier than its end), minus maintenance; downtime is offline time inside that,
 * so offline time during maintenance does not count. Days before createdAt have uptimePct null.
 */
export function dailyUptime(input: DailyUptimeInput): DailyUptime[] {
  const { days = 90, now, timeZone = "UTC", createdAt, offline, maintenance } = input;
  const { dates, bounds } = calendarDays(days, now.getTime(), timeZone);
  const from = createdAt.getTime();
  const to = now.getTime();
  const maint = clip(toSpans(maintenance), from, to);
  const down = clip(subtract(toSpans(offline), maint), from, to);
  const maintMs = perBucket(maint, bounds);
  const downMs = perBucket(down, bounds);
  return dates.map((date, i) => {
    const span = Math.max(0, Math.min(bounds[i + 1], to) - Math.max(bounds[i], from));
    const observed = span - maintMs[i];
    return {
      date,
      uptimePct: pct(observed, downMs[i]),
      downMinutes: downMs[i] / MINUTE,
      maintenanceMinutes: maintMs[i] / MINUTE,
      observedMinutes: observed / MINUTE,
    };
  });
}

/** Uptime over all the entries, weighted by observed time; null when nothing was observed. */
export function overallUptime(entries: readonly DailyUptime[]): number | null {
  let observed = 0;
  let down = 0;
  for (const e of entries) {
    observed += e.observedMinutes;
    down += e.downMinutes;
  }
  return pct(observed, down);
}

/**
 * Several components' days folded into one bar per date (a region, a page): each day's uptime is the
 * average of the members' weighted by their observed minutes, and the minutes are summed (component-minutes).
 * Dates are matched by value and returned in order.
 */
export function combineComponents(perComponent: readonly (readonly DailyUptime[])[]): DailyUptime[] {
  const byDate = new Map<string, { observed: number; down: number; maintenance: number }>();
  for (const entries of perComponent) {
    for (const e of entries) {
      const sum = byDate.get(e.date) ?? { observed: 0, down: 0, maintenance: 0 };
      sum.observed += e.observedMinutes;
      sum.down += e.downMinutes;
      sum.maintenance += e.maintenanceMinutes;
      byDate.set(e.date, sum);
    }
  }
  return [...byDate.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, s]) => ({
      date,
      uptimePct: pct(s.observed, s.down),
      downMinutes: s.down,
      maintenanceMinutes: s.maintenance,
      observedMinutes: s.observed,
    }));
}

/**
 * "99.95 %" for display, truncated rather than rounded so any downtime never shows as 100 %;
 * "No data" for null.
 */
export function formatUptimePct(value: number | null): string {
  if (value === null) return "No data";
  // The epsilon absorbs binary noise (99.99 stored as 99.98999…); real downtime is far above it.
  const truncated = Math.floor(value * 100 + 1e-9) / 100;
  return `${truncated.toFixed(2)} %`;
}
