import { readFile } from "node:fs/promises";
import path from "node:path";

// maplibre starts its worker from a URL beside its own module, which a bundle does not keep; the map
// sets this URL instead. The file is the library's own, versioned by a query string, so it caches forever.
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
