import { formatDay, formatTime } from "@/lib/format";
import type { TelemetryRange } from "@/lib/telemetry";

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

const TICK_STEP_MS: Record<TelemetryRange, number> = {
  "1h": 10 * MINUTE_MS,
  "24h": 3 * HOUR_MS,
  "7d": DAY_MS,
  "30d": 5 * DAY_MS,
};

/**
 * Ticks on round UTC clock times (19:30, 21:00, midnight), the zone every other time in the console is
 * written in. UTC has no daylight saving, so multiples of the step from the epoch are exactly those, and
 * they stay put from one poll to the next.
 */
export function timeTicks(from: number, to: number, range: TelemetryRange): number[] {
  const step = TICK_STEP_MS[range];
  const ticks: number[] = [];
  for (let t = Math.ceil(from / step) * step; t <= to; t += step) ticks.push(t);
  return ticks;
}

export type TimeFormats = {
  tick: (t: number) => string;
  /** The span a bucket covers, for the tooltip. */
  bucket: (t: number, bucketSec: number) => string;
};

/** 24-hour UTC clock times for 1 h and 24 h (midnight written as the day), days for 7 d and 30 d. */
export function timeFormats(range: TelemetryRange): TimeFormats {
  // Raw buckets are seconds long, so their tooltip needs the seconds to tell neighbours apart.
  const clock = (t: number) => formatTime(t, { seconds: range === "1h" });
  const tick =
    range === "1h"
      ? (t: number) => formatTime(t)
      : range === "24h"
        ? (t: number) => (t % DAY_MS === 0 ? formatDay(t) : formatTime(t))
        : (t: number) => formatDay(t);
  return {
    tick,
    bucket: (t, bucketSec) => {
      const span = `${clock(t)} – ${clock(t + bucketSec * 1000)} UTC`;
      return range === "1h" ? span : `${formatDay(t)}, ${span}`;
    },
  };
}
