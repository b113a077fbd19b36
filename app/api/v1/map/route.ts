import { queryObject, route } from "@/server/http/route";
import { fleetMapShared } from "@/server/map/fleet-map";

// The fleet map's live data. Polled every few seconds, so an unchanged fleet answers 304 with no body.
export const GET = route(async (ctx, req) => fleetMapShared(ctx, queryObject(req.url)), { etag: true });
