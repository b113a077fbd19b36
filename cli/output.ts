// How the CLI prints: aligned tables for people (the default), JSON for scripts (-o json).

export type Format = "table" | "json";

export function formatOf(raw: string | undefined): Format {
  if (raw === undefined || raw === "table") return "table";
  if (raw === "json") return "json";
  throw new Error(`-o takes table or json, not ${raw}`);
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Columns padded to their widest cell; the last column is never padded, so lines carry no trailing spaces. */
export function renderTable(headers: string[], rows: (string | number | null | undefined)[][]): string {
  const cells = [
    headers,
    ...rows.map((row) => row.map((c) => (c === null || c === undefined ? "–" : String(c)))),
  ];
  const widths = headers.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? "").length)));
  return cells
    .map((row) =>
      row
        .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i])))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

export function printTable(
  headers: string[],
  rows: (string | number | null | undefined)[][],
  empty: string,
): void {
  if (rows.length === 0) {
    process.stdout.write(`${empty}\n`);
    return;
  }
  process.stdout.write(`${renderTable(headers, rows)}\n`);
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const two = (n: number) => String(n).padStart(2, "0");

/** "28 Nov 2026 19:42", always UTC, as the console writes times. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return "–";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}

/** Key-value lines for one resource: "name       Frankfurt edge 1". */
export function printFields(fields: [string, string | number | null | undefined][]): void {
  const width = Math.max(...fields.map(([k]) => k.length));
  for (const [key, value] of fields) {
    process.stdout.write(
      `${key.padEnd(width)}  ${value === null || value === undefined || value === "" ? "–" : value}\n`,
    );
  }
}
