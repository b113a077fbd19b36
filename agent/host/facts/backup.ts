// The last backup time, from an optional hook (--backup-hook): an executable that prints the time of the
// last successful backup, as ISO 8601 or Unix seconds, on its last line. See agent/hooks/last-backup-example.sh.
import type { FactSources } from "./sources";

const HOOK_TIMEOUT_MS = 30_000;
const FUTURE_SLACK_MS = 60_000;

/** The hook's answer as a Date, or null for anything else (including a time in the future). */
export function parseBackupTime(stdout: string, nowMs: number): Date | null {
  const last = stdout
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .at(-1);
  if (!last) return null;
  let ms: number;
  if (/^\d{9,11}(\.\d+)?$/.test(last)) ms = Number(last) * 1000;
  else if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(last))
    ms = Date.parse(last);
  else return null;
  if (!Number.isFinite(ms) || ms > nowMs + FUTURE_SLACK_MS || ms < Date.UTC(2000, 0, 1)) return null;
  return new Date(ms);
}

export async function readLastBackupAt(
  sources: Pick<FactSources, "exec">,
  hookPath: string | null,
  nowMs: number,
): Promise<Date | null> {
  if (!hookPath) return null;
  const result = await sources.exec(hookPath, [], HOOK_TIMEOUT_MS);
  if (result.kind !== "ok" || result.code !== 0) return null;
  return parseBackupTime(result.stdout, nowMs);
}
