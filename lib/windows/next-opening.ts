// When a satellite may be changed: allow windows (changes only inside; none in scope means always) and
// freezes (never inside; a freeze wins over an allow window it overlaps). Pure: time is passed in.
import { parseWindowRule } from "./rule";
import { inScope, type ScopedSatellite, type WindowScope } from "./scope";
import { zoneOfLocation, type Located } from "./satellite-zone";
import { utcToWall, wallToUtc } from "./zone";

export type WindowKind = "allow" | "freeze";

export type WindowSpec = {
  id: string;
  name: string;
  kind: WindowKind;
  /** RRULE text; DTSTART is wall time in the window's zone. */
  rrule: string;
  /** Real minutes from each start: a window across a clock change lasts as long as any other. */
  durationMin: number;
  /** An IANA zone, or null for each satellite's own (from its location). */
  timeZone: string | null;
  scope: WindowScope;
  enabled: boolean;
};

export type WindowSatellite = ScopedSatellite & Located;

export type Opening = {
  open: boolean;
  /** When closed: when changes are next allowed; absent when no opening is found within the horizon. */
  opensAt?: Date;
  /** When open: when changes stop being allowed; absent when nothing closes within the horizon. */
  closesAt?: Date;
  /** Why, in words: which window decided. */
  reason: string;
  /** The freeze holding the satellite now, if any. */
  frozenBy?: string;
};

const DAY = 86_400_000;
/** How far ahead an opening is looked for: far enough for a yearly freeze to end. */
export const HORIZON_DAYS = 400;
const MAX_OCCURRENCES = 10_000;

type Interval = { start: number; end: number; name: string };

// One tick asks about many satellites at the same `now`, mostly in a few zones: the intervals are shared.
const memo = new Map<string, Interval[]>();

/** Every interval of one window in `zone` overlapping [from, to); a broken rule has none. */
export function windowIntervals(window: WindowSpec, zone: string, from: number, to: number): Interval[] {
  const key = [window.name, window.rrule, window.durationMin, zone, from, to].join("|");
  const known = memo.get(key);
  if (known) return known;
  if (memo.size > 1000) memo.clear();
  const computed = computeIntervals(window, zone, from, to);
  memo.set(key, computed);
  return computed;
}

function computeIntervals(window: WindowSpec, zone: string, from: number, to: number): Interval[] {
  const parsed = parseWindowRule(window.rrule);
  if ("error" in parsed) return [];
  const duration = window.durationMin * 60_000;
  const wallFrom = new Date(utcToWall(zone, from) - duration - 2 * DAY);
  const wallTo = new Date(utcToWall(zone, to) + 2 * DAY);
  const starts = parsed.rule.between(wallFrom, wallTo, true, (_, i) => i < MAX_OCCURRENCES);
  return starts
    .map((s) => {
      const start = wallToUtc(zone, s.getTime());
      return { start, end: start + duration, name: window.name };
    })
    .filter((i) => i.end > from && i.start < to);
}

/** Overlapping or touching intervals become one; names are kept from the first. */
function merge(intervals: Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out.at(-1);
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else out.push({ ...i });
  }
  return out;
}

const containing = (intervals: Interval[], t: number) => intervals.find((i) => i.start <= t && t < i.end);

/**
 * Whether `satellite` may be changed at `now`, and when that next changes. The zone of a window without one
 * is the satellite's own (`zoneOfLocation`).
 */
export function nextOpening(windows: readonly WindowSpec[], satellite: WindowSatellite, now: Date): Opening {
  const from = now.getTime();
  const to = from + HORIZON_DAYS * DAY;
  const scoped = windows.filter((w) => w.enabled && inScope(w.scope, satellite));
  const ownZone = zoneOfLocation(satellite);
  const intervalsOf = (kind: WindowKind) =>
    merge(
      scoped
        .filter((w) => w.kind === kind)
        .flatMap((w) => windowIntervals(w, w.timeZone ?? ownZone, from, to)),
    );
  const hasAllow = scoped.some((w) => w.kind === "allow");
  const allows = intervalsOf("allow");
  const freezes = intervalsOf("freeze");
  if (scoped.length === 0) return { open: true, reason: "no deployment window applies" };

  const isOpen = (t: number) => !containing(freezes, t) && (!hasAllow || Boolean(containing(allows, t)));
  const closesAfter = (t: number): number | undefined => {
    const allowEnd = hasAllow ? containing(allows, t)?.end : undefined;
    const freezeStart = freezes.find((f) => f.start > t)?.start;
    const ends = [allowEnd, freezeStart].filter((x): x is number => x !== undefined);
    return ends.length > 0 ? Math.min(...ends) : undefined;
  };
  const closesAt = (t: number) => {
    const end = closesAfter(t);
    return end === undefined ? {} : { closesAt: new Date(end) };
  };

  if (isOpen(from)) {
    const inside = hasAllow ? containing(allows, from) : undefined;
    const reason = inside ? `inside allow window "${inside.name}"` : "no freeze and no allow window now";
    return { open: true, reason, ...closesAt(from) };
  }
  const freeze = containing(freezes, from);
  const allowNames = [...new Set(scoped.filter((w) => w.kind === "allow").map((w) => `"${w.name}"`))];
  const reason = freeze ? `frozen by "${freeze.name}"` : `outside allow window ${allowNames.join(" or ")}`;
  const candidates = [...allows.map((a) => a.start), ...freezes.map((f) => f.end)]
    .filter((t) => t > from && t < to)
    .sort((a, b) => a - b);
  const opens = candidates.find(isOpen);
  const frozenBy = freeze ? { frozenBy: freeze.name } : {};
  if (opens === undefined) return { open: false, reason: `${reason}; no opening within a year`, ...frozenBy };
  return { open: false, opensAt: new Date(opens), reason, ...frozenBy, ...closesAt(opens) };
}
