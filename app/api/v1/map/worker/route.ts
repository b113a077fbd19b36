import { readFile } from "node:fs/promises";
import path from "node:path";

// maplibre starts its worker from a URL beside its own module, which a bundle does not keep; the map
// sets this URL instead. The library's own file, versioned by a query string, caches forever; it needs no
// session, so it stays outside route(), whose answers are private and no-store.
let body: Promise<Buffer> | null = null;

export async function GET() {
  body ??= readFile(path.join(process.cwd(), "node_modules/maplibre-gl/dist/maplibre-gl-worker.mjs"));
  return new Response(new Uint8Array(await body), {
    headers: {
      "Content-Type": "text/javascript; charset=utf-8",
      "Cache-Control": "public, max-age=31536000, immutable",
    },
  });
}
