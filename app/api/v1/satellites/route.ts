import { queryObject, route } from "@/server/http/route";
import { listSatellites } from "@/server/satellites/list";

// The inventory as JSON for automation and live views: the same filters as the Satellites page.
export const GET = route(async (ctx, req) => {
  const { total, page, limit, items } = await listSatellites(ctx, queryObject(req.url));
  return { total, page, limit, items };
});
