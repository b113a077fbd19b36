import { csvDownload } from "@/server/http/csv";
import { queryObject, route } from "@/server/http/route";
import { satellitesCsv } from "@/server/satellites/export";

// The Satellites list's filters, exported whole as CSV (a refused or invalid request answers JSON).
export const GET = route((ctx, req) => csvDownload(satellitesCsv(ctx, queryObject(req.url)), "satellites"));
