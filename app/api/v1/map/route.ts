import { queryObject, route } from "@/server/http/route";
import { fleetMapShared } from "@/server/map/fleet-map";

// The fleet map's live data. Polled every few seconds, so an unchanged fleet answers 304 with no body.
export const GET = route(async (ctx, req) => {
  const { json, etag } = await fleetMapShared(ctx, queryObject(req.url));
  const headers = { ETag: etag, "Cache-Control": "private, no-cache" };
  const seen = req.headers.get("if-none-match");
  if (seen && seen.split(/\s*,\s*/).includes(etag)) return new Response(null, { status: 304, headers });
  return new Response(json, { headers: { ...headers, "Content-Type": "application/json" } });
});
