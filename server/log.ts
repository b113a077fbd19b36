import { env } from "./env";

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40 } as const;
type Level = keyof typeof LEVELS;

/** One JSON line per event: easy to grep here and to ship to any log store. */
export function log(level: Level, message: string, fields: Record<string, unknown> = {}): void {
  if (LEVELS[level] < LEVELS[env.LOG_LEVEL]) return;
  const line = JSON.stringify({ at: new Date().toISOString(), level, message, ...fields });
  if (level === "error" || level === "warn") console.error(line);
  else console.log(line);
}

export function logError(message: string, error: unknown, fields: Record<string, unknown> = {}): void {
  const detail =
    error instanceof Error ? { error: error.message, stack: error.stack } : { error: String(error) };
  log("error", message, { ...fields, ...detail });
}
