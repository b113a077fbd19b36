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

/** "28 Nov 2026, 19:42 UTC" (or 19:42:05 with seconds); a missing or unreadable moment is "—". */
export function formatDateTime(
  value: Moment | null | undefined,
  { seconds = false }: { seconds?: boolean } = {},
): string {
  const d = value === null || value === undefined ? null : toDate(value);
  return d ? `${formatDay(d)} ${d.getUTCFullYear()}, ${formatTime(d, { seconds })} UTC` : "—";
}

/** "2026-11-28T19:42": a `<input type="datetime-local">` value for a moment, read as UTC. */
export function formatUtcInput(value: Moment): string {
  const d = toDate(value);
  return d ? d.toISOString().slice(0, 16) : "";
}

/** "45 s", "4 min", "3 h", "2 d": a span of whole seconds, coarser as it grows. */
function formatSpan(sec: number): string {
  if (sec < 60) return `${sec} s`;
  const min = Math.round(sec / 60);
  if (min < 60) return `${min} min`;
  const hours = Math.round(min / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.round(hours / 24)} d`;
}

const secondsBetween = (from: Date, to: Date) => Math.round((to.getTime() - from.getTime()) / 1000);

/** "4 min ago", never in the future; `now` comes from the caller (decisions take their time as input). */
export function formatAgo(from: Moment, now: Moment): string {
  const a = toDate(from);
  const b = toDate(now);
  return a && b ? `${formatSpan(Math.max(0, secondsBetween(a, b)))} ago` : "—";
}

/** "4 min ago" for a past moment, "in 4 min" for a future one, seen from `now`. */
export function formatRelative(at: Moment, now: Moment): string {
  const a = toDate(at);
  const b = toDate(now);
  if (!a || !b) return "—";
  const sec = secondsBetween(a, b);
  return sec < 0 ? `in ${formatSpan(-sec)}` : `${formatSpan(sec)} ago`;
}

/** "3 h 20 min" between two moments, rounded to the minute. */
export function formatDuration(from: Moment, to: Moment): string {
  const a = toDate(from);
  const b = toDate(to);
  if (!a || !b) return "—";
  const min = Math.max(0, Math.round((b.getTime() - a.getTime()) / 60_000));
  if (min < 60) return `${min} min`;
  const hours = Math.floor(min / 60);
  if (hours < 48) return min % 60 ? `${hours} h ${min % 60} min` : `${hours} h`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

/** A span given in seconds: "45 s" under a minute and a half, then "3 min", then as formatDuration. */
export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return "—";
  if (seconds < 90) return `${Math.round(seconds)} s`;
  return formatDuration(0, seconds * 1000);
}

// Numbers: one fixed locale (never the reader's), so the server's render and the browser's hydration agree.
const numberFormats = new Map<number, Intl.NumberFormat>();

/** "12,345" or "1,234.5": grouped, at most `digits` decimals (0 by default). */
export function formatNumber(value: number, digits = 0): string {
  if (!Number.isFinite(value)) return "—";
  let f = numberFormats.get(digits);
  if (!f) {
    f = new Intl.NumberFormat("en-US", { maximumFractionDigits: digits });
    numberFormats.set(digits, f);
  }
  return f.format(value);
}

/** "1 satellite", "2,450 satellites". */
export function formatCount(value: number, singular: string, plural = `${singular}s`): string {
  return `${formatNumber(value)} ${value === 1 ? singular : plural}`;
}

/** "51–100 of 2,450": the rows one page of a list shows. */
export function formatRange(page: number, limit: number, total: number): string {
  const first = Math.min((page - 1) * limit + 1, total);
  return `${formatNumber(first)}–${formatNumber(Math.min(page * limit, total))} of ${formatNumber(total)}`;
}

/** "850 Mbps", "2.5 Gbps", "1.2 Tbps". */
export function formatMbps(mbps: number): string {
  if (mbps >= 1_000_000) return `${formatNumber(mbps / 1_000_000, 1)} Tbps`;
  if (mbps >= 1000) return `${formatNumber(mbps / 1000, 1)} Gbps`;
  return `${formatNumber(mbps)} Mbps`;
}

/** "850M", "2.5G", "12G": a chart axis's short form of a rate. */
export function formatMbpsShort(mbps: number): string {
  if (mbps >= 1000) return `${formatNumber(mbps / 1000, mbps >= 10_000 ? 0 : 1)}G`;
  return `${formatNumber(mbps)}M`;
}

/** "2,450 MB", "0.5 MB". */
export function formatMegabytes(mb: number): string {
  return `${formatNumber(mb, 1)} MB`;
}

/** "35.6895, 139.6917": latitude and longitude to four decimals (about 11 m). */
export function formatCoordinates(lat: number, lon: number): string {
  return `${lat.toFixed(4)}, ${lon.toFixed(4)}`;
}
