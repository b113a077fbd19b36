// Reads the text format back, for the tests and the bench: enough of it to compare series, not a full parser.

export type Sample = { name: string; labels: Record<string, string>; value: number };

const LINE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/;
const PAIR = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

const unescape = (v: string) => v.replace(/\\(n|\\|")/g, (_, c: string) => (c === "n" ? "\n" : c));

export function parseExposition(text: string): {
  samples: Sample[];
  families: Map<string, string>;
  declaredTwice: string[];
} {
  const samples: Sample[] = [];
  const families = new Map<string, string>();
  const declaredTwice: string[] = [];
  for (const line of text.split("\n")) {
    if (!line) continue;
    const type = /^# TYPE (\S+) (\S+)$/.exec(line);
    if (type) {
      if (families.has(type[1])) declaredTwice.push(type[1]);
      families.set(type[1], type[2]);
      continue;
    }
    if (line.startsWith("#")) continue;
    const m = LINE.exec(line);
    if (!m) throw new Error(`not a sample line: ${line}`);
    const labels: Record<string, string> = {};
    for (const [, key, value] of (m[2] ?? "").matchAll(PAIR)) labels[key] = unescape(value);
    const value = m[3] === "+Inf" ? Infinity : m[3] === "-Inf" ? -Infinity : Number(m[3]);
    samples.push({ name: m[1], labels, value });
  }
  return { samples, families, declaredTwice };
}

/** One series' identity: its name and its labels in a fixed order. */
export function seriesKey(s: Sample): string {
  const labels = Object.keys(s.labels)
    .sort()
    .map((k) => `${k}=${JSON.stringify(s.labels[k])}`);
  return `${s.name}{${labels.join(",")}}`;
}
