import { auditCsv } from "@/server/audit-log";
import { csvDownload } from "@/server/http/csv";
import { queryObject, route } from "@/server/http/route";

// The audit page's filters, exported whole as CSV (401, 403, 422 naming the field come back as JSON).
export const GET = route((ctx, req) => csvDownload(auditCsv(ctx, queryObject(req.url)), "audit"));
