import { queryObject, route } from "@/server/http/route";
import { satelliteTelemetry } from "@/server/satellites/telemetry";

// A satellite's telemetry series for the charts: GET ?range=1h|24h|7d|30d (default 24h).
export const GET = route(async (ctx, req, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const series = await satelliteTelemetry(ctx, { ...queryObject(req.url), id });
  return series;
});
