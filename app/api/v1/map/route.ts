import { queryObject, route } from "@/server/http/route";
import { fleetMapShared } from "@/server/map/fleet-map";
import { fleetMapBinary } from "@/server/map/map-answer";

// The fleet map's live data. The console asks for the binary columns (`format=bin`), naming the version it
// holds (`since`) to get only the changes; scripts get the JSON columns. Either answers 304 when unchanged.
export const GET = route(
  async (ctx, req) => {
    const input = queryObject(req.url);
    if (input.format === "bin") return fleetMapBinary(ctx, input, req);
    return (await fleetMapShared(ctx, input)).jsonAnswer();
  },
  { etag: true },
);
