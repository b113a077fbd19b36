import { authorize } from "@/server/auth/context";
import { validationError } from "@/server/errors";
import { queryObject, route } from "@/server/http/route";
import { loadReport } from "../../_lib/load";
import { reportCsvLines } from "../../_lib/report-csv";
import { reportQuery } from "../../_lib/report-query";

// The evidence report's CSV: the same query as the page (401, 403 and 422 naming the field come back as
// JSON from route()).
export const GET = route(async (ctx, req) => {
  authorize(ctx, "compliance.report");
  const now = new Date();
  const parsed = reportQuery(now).safeParse(queryObject(req.url));
  if (!parsed.success) throw validationError(parsed.error);
  const report = await loadReport(ctx, parsed.data, now);
  const name = `compliance-${parsed.data.region ?? "all"}-${parsed.data.at}`;
  // Streamed in chunks of lines: at 100,000 satellites a report has about a million.
  const lines = reportCsvLines(report);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      let chunk = "";
      for (let i = 0; i < 2000; i++) {
        const next = lines.next();
        if (next.done) {
          if (chunk) controller.enqueue(encoder.encode(chunk));
          controller.close();
          return;
        }
        chunk += next.value;
      }
      controller.enqueue(encoder.encode(chunk));
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="orrery-${name}.csv"`,
    },
  });
});
