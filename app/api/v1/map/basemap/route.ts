import { countryShapes } from "@/server/map/basemap";

// Country shapes are public geography, not fleet data: built once at build time and cached by browsers.
export const dynamic = "force-static";

export function GET() {
  return Response.json(countryShapes(), {
    headers: { "Cache-Control": "public, max-age=86400, stale-while-revalidate=604800" },
  });
}
