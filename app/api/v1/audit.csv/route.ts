import { auditCsv } from "@/server/audit-log";
import { queryObject, route } from "@/server/http/route";

// The audit page's filters, exported whole as CSV. The first chunk is read before answering, so a refused
// or invalid request (401, 403, 422 naming the field) gets its JSON error rather than a broken download.
export const GET = route(async (ctx, req) => {
  const lines = auditCsv(ctx, queryObject(req.url));
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
  const stamp = new Date().toISOString().slice(0, 16).replace(/[-:T]/g, "");
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="orrery-audit-${stamp}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
});
