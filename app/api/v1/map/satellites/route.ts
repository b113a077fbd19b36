import { queryObject, route } from "@/server/http/route";
import { mapLookup } from "@/server/map/map-answer";

// The names behind the map's points, asked on a click: the bulk answer carries positions and states only.
export const GET = route(async (ctx, req) => mapLookup(ctx, queryObject(req.url)));
