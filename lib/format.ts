// One way to write a moment across the console: day before month, 24-hour clock, always UTC. Built from the
// UTC fields rather than Intl so the server's render and the browser's hydration cannot disagree.

export type Moment = Date | string | number;

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

const pad = (n: number) => String(n).padStart(2, "0");

function toDate(value: Moment): Date | null {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "19:42", or "19:42:05" with seconds; the zone is left to the caller (axes and columns say UTC once). */
export function formatTime(value: Moment, { seconds = false }: { seconds?: boolean } = {}): string {
  const d = toDate(value);
  if (!d) return "—";
  const hm = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  return seconds ? `${hm}:${pad(d.getUTCSeconds())}` : hm;
}

/** "28 Nov". */
export function formatDay(value: Moment): string {
  const d = toDate(value);
  return d ? `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}` : "—";
}

/** "28 Nov 2026, 19:42 UTC"; a missing or unreadable moment is "—". */
export function formatDateTime(value: Moment | null | undefined): string {
  const d = value === null || value === undefined ? null : toDate(value);
  return d ? `${formatDay(d)} ${d.getUTCFullYear()}, ${formatTime(d)} UTC` : "—";
}
