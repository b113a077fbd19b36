// Whether the clock is synchronised (timedatectl's NTPSynchronized, else chrony's leap status) and its
// offset from the time source (chronyc tracking, else timesyncd's status, else adjtimex), in ms.
import type { ExecResult, FactSources } from "./sources";

export type TimeFacts = { timeSynced: boolean | null; clockOffsetMs: number | null };

const TIMEOUT_MS = 10_000;

const stdoutOf = (r: ExecResult) => (r.kind === "ok" && r.code === 0 ? r.stdout : null);
const round3 = (n: number) => Math.round(n * 1000) / 1000;

/** `timedatectl show`: KEY=value lines; NTPSynchronized=yes|no. */
export function parseTimedatectl(stdout: string): boolean | null {
  const match = /^NTPSynchronized=(yes|no)$/m.exec(stdout);
  return match ? match[1] === "yes" : null;
}

/**
 * `chronyc tracking`: "System time : 0.000012 seconds fast of NTP time" (fast: our clock is ahead, a
 * positive offset) and "Leap status : Normal" (synchronised) or "Not synchronised".
 */
export function parseChronyTracking(stdout: string): TimeFacts {
  const offset = /^System time\s*:\s*([\d.]+) seconds (fast|slow) of NTP time/m.exec(stdout);
  const leap = /^Leap status\s*:\s*(.+)$/m.exec(stdout)?.[1].trim();
  const seconds = offset ? Number(offset[1]) * (offset[2] === "fast" ? 1 : -1) : NaN;
  return {
    timeSynced: leap === undefined ? null : leap !== "Not synchronised",
    clockOffsetMs: Number.isFinite(seconds) ? round3(seconds * 1000) : null,
  };
}

/** `timedatectl timesync-status` (systemd-timesyncd): "Offset: -1.234ms", or in us or s. */
export function parseTimesyncStatus(stdout: string): number | null {
  const match = /^\s*Offset:\s*([+-]?[\d.]+)(us|ms|s)\b/m.exec(stdout);
  if (!match) return null;
  const value = Number(match[1]);
  const ms = match[2] === "us" ? value / 1000 : match[2] === "s" ? value * 1000 : value;
  return Number.isFinite(ms) ? round3(ms) : null;
}

/** `adjtimex --print`: "offset: 1234" in microseconds, the kernel's remaining correction. */
export function parseAdjtimex(stdout: string): number | null {
  const match = /^\s*offset:\s*(-?\d+)/m.exec(stdout);
  return match ? round3(Number(match[1]) / 1000) : null;
}

export async function readTimeFacts(sources: Pick<FactSources, "exec">): Promise<TimeFacts> {
  const [show, chrony] = await Promise.all([
    sources.exec("timedatectl", ["show"], TIMEOUT_MS),
    sources.exec("chronyc", ["-n", "tracking"], TIMEOUT_MS),
  ]);
  const shown = stdoutOf(show);
  const fromChrony = stdoutOf(chrony) !== null ? parseChronyTracking(stdoutOf(chrony) as string) : null;
  const timeSynced = (shown !== null ? parseTimedatectl(shown) : null) ?? fromChrony?.timeSynced ?? null;
  let clockOffsetMs = fromChrony?.clockOffsetMs ?? null;
  if (clockOffsetMs === null && shown !== null) {
    const status = stdoutOf(await sources.exec("timedatectl", ["timesync-status"], TIMEOUT_MS));
    clockOffsetMs = status !== null ? parseTimesyncStatus(status) : null;
  }
  if (clockOffsetMs === null) {
    const adj = stdoutOf(await sources.exec("adjtimex", ["--print"], TIMEOUT_MS));
    clockOffsetMs = adj !== null ? parseAdjtimex(adj) : null;
  }
  return { timeSynced, clockOffsetMs };
}
