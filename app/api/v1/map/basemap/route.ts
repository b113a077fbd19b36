import { countryShapes } from "@/server/map/basemap";

// Country shapes are public geography, not fleet data: built once at build time and cached by browsers.
// Outside route() on purpose: no session to read at build time, and route() answers only private, no-store.
export const dynamic = "force-static";

export function GET() {
  return Response.json(countryShapes(), {
    headers: { "Cache-Control": "public, max-age=86400, stale-while-revalidate=604800" },
  });
}
