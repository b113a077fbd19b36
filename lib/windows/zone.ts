// Wall time in an IANA zone and real instants, through the runtime's own zone data (Intl), never a table of
// our own. rrule computes recurrences as "floating" times: a Date whose UTC fields are the wall clock.

const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(zone: string): Intl.DateTimeFormat {
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formats.set(zone, format);
  }
  return format;
}

/** Whether the runtime knows this IANA zone. */
export function isKnownZone(zone: string): boolean {
  try {
    formatFor(zone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset from UTC at the instant `ms`, in milliseconds (east positive). */
export function offsetAt(zone: string, ms: number): number {
  const parts = formatFor(zone).formatToParts(new Date(ms));
  const field = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(
    field("year"),
    field("month") - 1,
    field("day"),
    field("hour"),
    field("minute"),
    field("second"),
  );
  return wall - Math.floor(ms / 1000) * 1000;
}

/** The wall clock in `zone` at the instant `ms`, as a floating time (UTC fields = wall fields). */
export function utcToWall(zone: string, ms: number): number {
  return ms + offsetAt(zone, ms);
}

/**
 * The instant at which the wall clock in `zone` shows `wallMs`. A wall time that happens twice (clocks go
 * back) is its first occurrence; one that never happens (clocks go forward) moves forward by the gap, so a
 * 02:30 window on the spring-forward night starts at 03:30, the way people read "the 02:30 slot".
 */
export function wallToUtc(zone: string, wallMs: number): number {
  const DAY = 86_400_000;
  const before = offsetAt(zone, wallMs - DAY);
  const after = offsetAt(zone, wallMs + DAY);
  const valid = [wallMs - before, wallMs - after].filter((t) => utcToWall(zone, t) === wallMs);
  if (valid.length > 0) return Math.min(...valid);
  return wallMs - before;
}
