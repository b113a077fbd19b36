import type { TelemetryRange } from "@/lib/telemetry";

type Step = { unit: "minute" | "hour" | "day"; every: number };

const STEPS: Record<TelemetryRange, Step> = {
  "1h": { unit: "minute", every: 10 },
  "24h": { unit: "hour", every: 3 },
  "7d": { unit: "day", every: 1 },
  "30d": { unit: "day", every: 5 },
};

/** Ticks on round clock times in the viewer's own time zone (10:20, 15:00, midnight), not on epoch multiples. */
export function timeTicks(from: number, to: number, range: TelemetryRange): number[] {
  const { unit, every } = STEPS[range];
  const d = new Date(from);
  if (unit === "minute") d.setSeconds(0, 0);
  else if (unit === "hour") d.setMinutes(0, 0, 0);
  else d.setHours(0, 0, 0, 0);
  const ticks: number[] = [];
  let days = 0;
  while (d.getTime() <= to) {
    if (d.getTime() >= from) {
      const isRound =
        unit === "minute"
          ? d.getMinutes() % every === 0
          : unit === "hour"
            ? d.getHours() % every === 0
            : days++ % every === 0;
      if (isRound) ticks.push(d.getTime());
    }
    // Calendar arithmetic, so a daylight-saving change moves ticks with the clock.
    if (unit === "minute") d.setMinutes(d.getMinutes() + 1);
    else if (unit === "hour") d.setHours(d.getHours() + 1);
    else d.setDate(d.getDate() + 1);
  }
  return ticks;
}

export type TimeFormats = {
  tick: (t: number) => string;
  /** The span a bucket covers, for the tooltip. */
  bucket: (t: number, bucketSec: number) => string;
};

/** Formats in the browser's locale: clock time for 1 h and 24 h, day and hour for 7 d and 30 d. */
export function timeFormats(range: TelemetryRange): TimeFormats {
  const isShort = range === "1h" || range === "24h";
  const clock = new Intl.DateTimeFormat(undefined, {
    hour: "2-digit",
    minute: "2-digit",
    ...(range === "1h" ? { second: "2-digit" } : {}),
  });
  const tick = isShort
    ? new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" })
    : new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short" });
  const dayHour = new Intl.DateTimeFormat(undefined, {
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
  });
  const start = isShort ? clock : dayHour;
  return {
    tick: (t) => tick.format(t),
    bucket: (t, bucketSec) => `${start.format(t)} – ${clock.format(t + bucketSec * 1000)}`,
  };
}
