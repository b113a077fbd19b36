// The Prometheus text format (version 0.0.4) for the series a scrape builds itself. prom-client renders the
// process's own instruments; the fleet's ~8 series per satellite are written here in one pass, straight into
// buffers, because at 10,000 satellites (80,000 series, 7 MB) prom-client's per-series formatting, or even
// one long string flattened into a buffer, took longer than a scrape may.

export type MetricType = "gauge" | "counter";

export type MetricValue = { labels: Record<string, string>; value: number };

export type Family = { name: string; help: string; type: MetricType; values: readonly MetricValue[] };

export const CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

const NEEDS_ESCAPE = /[\\\n"]/;

/** A label value as the format wants it: backslash, newline and double quote escaped. */
export function escapeLabel(value: string): string {
  if (!NEEDS_ESCAPE.test(value)) return value;
  return value.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/"/g, '\\"');
}

export function formatValue(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (value === Infinity) return "+Inf";
  if (value === -Infinity) return "-Inf";
  return String(value);
}

/** `# HELP` and `# TYPE` of a family. */
export function familyHeader(name: string, help: string, type: MetricType): string {
  return `# HELP ${name} ${help.replace(/\\/g, "\\\\").replace(/\n/g, "\\n")}\n# TYPE ${name} ${type}\n`;
}

/** Text appended into 1 MB buffers, never one long string: a 7 MB string costs more to flatten than to write. */
export class TextChunks {
  private readonly full: Buffer[] = [];
  private current = Buffer.allocUnsafe(1 << 20);
  private at = 0;

  write(text: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    if (this.at + text.length * 3 > this.current.length) {
      this.full.push(this.current.subarray(0, this.at));
      this.current = Buffer.allocUnsafe(Math.max(1 << 20, text.length * 3));
      this.at = 0;
    }
    this.at += this.current.write(text, this.at, "utf8");
  }

  buffers(): Buffer[] {
    return [...this.full, this.current.subarray(0, this.at)];
  }
}

/** HELP and TYPE once per family, then one line per series; label names are ours, never a client's. */
export function renderFamilies(families: readonly Family[]): string {
  let out = "";
  for (const family of families) {
    out += familyHeader(family.name, family.help, family.type);
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
