import type { ParseArgsConfig } from "node:util";
import type { Api } from "./client";
import type { Config } from "./config";
import type { Format } from "./output";

export type Values = Record<string, string | boolean | string[] | boolean[] | undefined>;

export type RunContext = {
  values: Values;
  positionals: string[];
  format: Format;
  /** Read on first use, so `--help` and argument mistakes need no configuration. */
  config: () => Config;
  api: () => Api;
  /** Progress and notices: stderr, so stdout stays the command's answer for scripts. */
  note: (line: string) => void;
};

export type Command = {
  name: string;
  /** "orrery sats ls [--region R]… [-o table|json]" */
  usage: string;
  summary: string;
  /** One line per option or argument, shown by --help. */
  details: string[];
  options?: NonNullable<ParseArgsConfig["options"]>;
  /** How many positionals it takes: [min, max]. */
  positionals?: [number, number];
  /** Answers the exit code (0 when nothing is returned). */
  run: (ctx: RunContext) => Promise<number | void>;
};

export type Group = { name: string; aliases?: string[]; summary: string; commands: Command[] };

const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/;
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** "2s", "10m", "1h", or plain seconds. */
export function parseDuration(raw: string, option: string): number {
  const m = DURATION.exec(raw.trim());
  if (!m) throw new Error(`--${option} takes a duration such as 30s, 10m or 1h, not ${raw}`);
  return Math.round(Number(m[1]) * UNIT_MS[m[2] ?? "s"]);
}

export function parsePositiveInt(raw: string, option: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`--${option} takes a whole number of at least 1, not ${raw}`);
  return n;
}

/** Repeated and comma-separated values alike: `--region a --region b,c` → [a, b, c]. */
export function listOf(value: Values[string]): string[] {
  const items = Array.isArray(value)
    ? value
    : value === undefined || typeof value === "boolean"
      ? []
      : [value];
  return items
    .flatMap((v) => String(v).split(","))
    .map((v) => v.trim())
    .filter(Boolean);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
