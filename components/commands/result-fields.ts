// What an agent reported for a command, as fields a person reads: key/value pairs with their keys in words,
// durations, byte counts and versions formatted, lists as lists and a list of records as a small table.
// Pure, so the table and the tests read the same thing.
import { formatNumber, formatSeconds } from "@/lib/format";
import { humanize } from "@/lib/form-messages";

export type ResultValue =
  | { kind: "text"; text: string; isMono?: boolean; tone?: "ok" | "bad" }
  | { kind: "list"; items: string[] }
  | { kind: "table"; columns: string[]; rows: string[][] }
  | { kind: "group"; fields: ResultField[] };

export type ResultField = { key: string; label: string; value: ResultValue };

/** Deeper than this a value is shown as its JSON text: results are read, not explored. */
const MAX_DEPTH = 2;
const MAX_ITEMS = 20;

const LABELS: Record<string, string> = {
  rttMs: "Round trip",
  uptimeSec: "Uptime",
  exitCode: "Exit code",
  isTimedOut: "Timed out",
  stderrTail: "Error output",
  stdoutTail: "Output",
  degradedServices: "Degraded services",
};

/** The label of a result key: "uptimeSec" → "Uptime", "rxBytes" → "Rx", "stackVersion" → "Stack version". */
export function resultLabel(key: string): string {
  if (LABELS[key]) return LABELS[key];
  const bare = key.replace(/(Ms|Sec|Seconds|Bytes|Pct|Mbps)$/, "").replace(/^(is|has)(?=[A-Z])/, "");
  return humanize(bare || key);
}

/** "1.5 GB", "820 kB", "12 B": decimal units, as disks and links count. */
export function formatBytes(bytes: number): string {
  const units = ["B", "kB", "MB", "GB", "TB", "PB"];
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${formatNumber(value, unit === 0 ? 0 : 1)} ${units[unit]}`;
}

/** A scalar by what its key says it is. */
function scalarText(key: string, value: unknown): ResultValue {
  if (value === null || value === undefined) return { kind: "text", text: "—" };
  if (typeof value === "boolean") {
    const isProblem = /^(is)?(timed ?out|failed|error)/i.test(key);
    return { kind: "text", text: value ? "yes" : "no", tone: value === isProblem ? "bad" : undefined };
  }
  if (typeof value === "number") {
    if (/Ms$/.test(key))
      return {
        kind: "text",
        text: value < 1000 ? `${formatNumber(value, 1)} ms` : formatSeconds(value / 1000),
      };
    if (/(Sec|Seconds)$/.test(key)) return { kind: "text", text: formatSeconds(value) };
    if (/Bytes$/.test(key)) return { kind: "text", text: formatBytes(value) };
    if (/Pct$/.test(key)) return { kind: "text", text: `${formatNumber(value, 1)} %` };
    if (/Mbps$/.test(key)) return { kind: "text", text: `${formatNumber(value, 1)} Mbps` };
    if (key === "exitCode") return { kind: "text", text: String(value), tone: value === 0 ? "ok" : "bad" };
    return { kind: "text", text: formatNumber(value, 2) };
  }
  const text = String(value);
  return { kind: "text", text, isMono: /version$/i.test(key) || /^\d+\.\d+/.test(text) };
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v === "object" && !Array.isArray(v);

function cellText(key: string, value: unknown): string {
  if (isRecord(value) || Array.isArray(value)) return JSON.stringify(value);
  const shown = scalarText(key, value);
  return shown.kind === "text" ? shown.text : "";
}

function valueOf(key: string, value: unknown, depth: number): ResultValue {
  if (Array.isArray(value)) {
    if (value.length === 0) return { kind: "text", text: "none" };
    const shown = value.slice(0, MAX_ITEMS);
    if (depth < MAX_DEPTH && shown.every(isRecord)) {
      const columns = [...new Set(shown.flatMap((r) => Object.keys(r)))];
      return {
        kind: "table",
        columns: columns.map(resultLabel),
        rows: shown.map((r) => columns.map((c) => cellText(c, r[c]))),
      };
    }
    const items = shown.map((v) => cellText(key, v));
    if (value.length > shown.length) items.push(`and ${formatNumber(value.length - shown.length)} more`);
    return { kind: "list", items };
  }
  if (isRecord(value)) {
    if (depth >= MAX_DEPTH) return { kind: "text", text: JSON.stringify(value), isMono: true };
    return { kind: "group", fields: fieldsOf(value, depth + 1) };
  }
  return scalarText(key, value);
}

function fieldsOf(record: Record<string, unknown>, depth: number): ResultField[] {
  return Object.entries(record).map(([key, value]) => ({
    key,
    label: resultLabel(key),
    value: valueOf(key, value, depth),
  }));
}

/** A command's result as fields; a result that is not a record is one unnamed field. */
export function resultFields(result: unknown): ResultField[] {
  if (result === null || result === undefined) return [];
  if (isRecord(result)) return fieldsOf(result, 0);
  return [{ key: "result", label: "Result", value: valueOf("result", result, 0) }];
}
