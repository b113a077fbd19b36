import { authorize } from "@/server/auth/context";
import { validationError } from "@/server/errors";
import { csvDownload } from "@/server/http/csv";
import { queryObject, route } from "@/server/http/route";
import { loadReport } from "../../_lib/load";
import { reportCsvBatches } from "../../_lib/report-csv";
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
  // At 100,000 satellites a report has about a million lines: streamed in batches.
  return csvDownload(reportCsvBatches(report), name, { stamp: false });
});
