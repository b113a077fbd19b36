import { route } from "@/server/http/route";
import { getSatellite } from "@/server/satellites/get";

// One satellite with its derived status: the map's side panel polls this while it is open.
export const GET = route(async (ctx, _req, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const satellite = await getSatellite(ctx, id);
  return satellite;
});
