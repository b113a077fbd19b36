import type { MetricValue } from "./fleet-series";

// The Prometheus text format (version 0.0.4) for the series a scrape builds itself. prom-client renders the
// process's own instruments; the fleet's ~8 series per satellite are written here in one pass, because at
// 10,000 satellites prom-client's per-series formatting alone took longer than a scrape may.

export type MetricType = "gauge" | "counter";

export type Family = { name: string; help: string; type: MetricType; values: readonly MetricValue[] };

export const CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

const NEEDS_ESCAPE = /[\\\n"]/;

/** A label value as the format wants it: backslash, newline and double quote escaped. */
export function escapeLabel(value: string): string {
  if (!NEEDS_ESCAPE.test(value)) return value;
  return value.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/"/g, '\\"');
}

function formatValue(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (value === Infinity) return "+Inf";
  if (value === -Infinity) return "-Inf";
  return String(value);
}

/** HELP and TYPE once per family, then one line per series; label names are ours, never a client's. */
export function renderFamilies(families: readonly Family[]): string {
  let out = "";
  for (const family of families) {
    out += `# HELP ${family.name} ${family.help.replace(/\\/g, "\\\\").replace(/\n/g, "\\n")}\n`;
    out += `# TYPE ${family.name} ${family.type}\n`;
    for (const { labels, value } of family.values) {
      let pairs = "";
      for (const key in labels) pairs += `${pairs ? "," : ""}${key}="${escapeLabel(labels[key])}"`;
      out += pairs
        ? `${family.name}{${pairs}} ${formatValue(value)}\n`
        : `${family.name} ${formatValue(value)}\n`;
    }
  }
  return out;
}
