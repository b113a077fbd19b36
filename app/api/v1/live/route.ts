import { queryObject, route } from "@/server/http/route";
import { liveVersions } from "@/server/live/versions";

// What changed for a live view: one short version per scope (?scope=commands&scope=incident:<id>), polled
// every few seconds by <LiveRefresh> with If-None-Match, so an unchanged view costs a 304.
export const GET = route(async (ctx, req) => liveVersions(ctx, queryObject(req.url)), { etag: true });
