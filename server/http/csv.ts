import "server-only";

/**
 * One CSV cell. Every text cell is quoted, so a separator inside it (`,` or the `;` many spreadsheets
 * use) never starts a new cell; text a spreadsheet would run as a formula (= + - @ tab CR) is defused with
 * a leading ' inside the quotes. Names, labels and summaries are typed by users and enrolling agents.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * A CSV download streamed from batches of lines. The first batch is read before answering, so a refused
 * or invalid request gets its JSON error from route() rather than a broken download. The file name carries
 * the time of download unless `name` already says what moment it shows (`stamp: false`).
 */
export async function csvDownload(
  lines: AsyncGenerator<string> | Generator<string>,
  name: string,
  { stamp = true } = {},
): Promise<Response> {
  const first = await lines.next();
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      if (!first.done) controller.enqueue(encoder.encode(first.value));
    },
    async pull(controller) {
      const next = await lines.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      // The reader went away: stop reading batches.
      await lines.return(undefined);
    },
  });
  const at = stamp ? `-${new Date().toISOString().slice(0, 16).replace(/[-:T]/g, "")}` : "";
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="orrery-${name}${at}.csv"`,
    },
  });
}
