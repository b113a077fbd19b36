// node --import tsx --import ./scripts/register.mjs bench/map-render.ts [-- --satellites 10000 --no-build]
// How fast the overview map draws a large fleet in headless Chromium, health mode (clusters are rings by
// status, drawn from cached images) beside bandwidth mode (plain one-colour circles: the map before the
// rings), in the same run and page. The console runs on the demo seed; the map's data is a synthetic fleet
// of --satellites served in place of /api/v1/map (its binary answer, and deltas), so no large database is needed.
//   - first draw: the data arrives → the map is idle;
//   - frames while the map zooms and pans for 4 s (what the reader feels);
//   - a live update where 3 % of the fleet changes status → idle.
import { parseArgs } from "node:util";
import { chromium } from "@playwright/test";
import type { FleetMapPayload } from "../lib/fleet-map";
import { emptyColumns, encodeDelta, encodeFull, type MapColumns } from "../lib/fleet-map-wire";
import { bench, tsNode } from "./harness";

const { values } = parseArgs({
  options: {
    satellites: { type: "string", default: "10000" },
    port: { type: "string", default: "3403" },
    "no-build": { type: "boolean", default: false },
  },
});
const SATELLITES = Number(values.satellites);
const { core, run, build, start } = bench("map-render", Number(values.port));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * p)];

/** A fleet spread over the inhabited world, with the status mix of a real day; `round` shifts 3 % of it. */
function syntheticFleet(round: number): MapColumns {
  let seed = 42;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const hubs = [
    [8.7, 50.1], [-0.1, 51.5], [2.35, 48.86], [-74, 40.7], [-122.4, 37.8], [-46.6, -23.5], [139.7, 35.7],
    [103.8, 1.35], [151.2, -33.9], [77.2, 28.6], [28, -26.2], [-99.1, 19.4], [37.6, 55.75], [55.3, 25.2],
  ]; // prettier-ignore
  const p = emptyColumns(SATELLITES, false);
  for (let i = 0; i < SATELLITES; i++) {
    const [lon, lat] = hubs[i % hubs.length];
    const spread = rnd() < 0.7 ? 4 : 25;
    p.lon[i] = Math.round((lon + (rnd() - 0.5) * spread) * 100);
    p.lat[i] = Math.round(Math.max(-60, Math.min(70, lat + (rnd() - 0.5) * spread * 0.6)) * 100);
    p.region[i] = i % 4;
    // codes of MAP_STATUSES: 1 % never seen, 2 % offline, 2 % stale, 6 % degraded, 2 % critical, else healthy
    const k = (i + (i % 33 === 0 ? round : 0)) % 100;
    p.status[i] = k === 0 ? 0 : k < 3 ? 6 : k < 5 ? 4 : k < 11 ? 3 : k < 13 ? 5 : 1;
    p.bw[i] = Math.floor(rnd() * 110);
  }
  return p;
}

/** The binary answer the console polls: the whole map, or the changes since the round it names. */
function answer(base: FleetMapPayload, round: number, since: string | null): Uint8Array {
  const cols = syntheticFleet(round);
  const meta = {
    regions: base.regions,
    kpis: base.kpis,
    layout: "synthetic",
    version: `r${round}`,
    count: SATELLITES,
  };
  const from = since?.startsWith("r") ? Number(since.slice(1)) : NaN;
  if (Number.isNaN(from) || from === round) return encodeFull(meta, cols);
  const before = syntheticFleet(from);
  const changed: number[] = [];
  for (let i = 0; i < SATELLITES; i++) if (before.status[i] !== cols.status[i]) changed.push(i);
  return encodeDelta(meta, since ?? "", cols, Uint32Array.from(changed));
}

if (!values["no-build"]) build(true);
run("seeding the demo fleet", [...tsNode, "prisma/seed.ts", "--satellites", "300", "--history-days", "0"], {
  NODE_ENV: "development",
});
const server = await start();
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" });
try {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${core}/login`);
  await page.locator("html[data-hydrated]").waitFor();
  await page.getByLabel("Email").fill("viewer@orrery.local");
  await page.getByLabel("Password").fill("orrery-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/login"));
  const base = (await (await page.request.get(`${core}/api/v1/map`)).json()) as FleetMapPayload;
  let round = 0;
  await page.route(/\/api\/v1\/map\?.*format=bin/, (route) => {
    const since = new URL(route.request().url()).searchParams.get("since");
    if (since === `r${round}`) return route.fulfill({ status: 304, headers: { etag: `"m-r${round}"` } });
    return route.fulfill({
      contentType: "application/octet-stream",
      headers: { etag: `"m-r${round}"` },
      body: Buffer.from(answer(base, round, since)),
    });
  });

  async function measure(mode: "health" | "bandwidth") {
    round = 0;
    const t0 = Date.now();
    await page.goto(`${core}/${mode === "health" ? "" : "?color=bandwidth"}`);
    await page.locator("[data-map-loaded]").waitFor();
    await page.evaluate(`new Promise((resolve) => {
      const map = window.orreryFleetMap;
      const check = () => {
        const src = map.getSource("satellites");
        const n = map.queryRenderedFeatures({ layers: ["sat-clusters", "sat-points"] })
          .reduce((s, f) => s + (f.properties.cluster ? Number(f.properties.point_count) : 1), 0);
        if (src && map.isSourceLoaded("satellites") && n > ${SATELLITES} * 0.5 && map.loaded()) resolve(0);
        else setTimeout(check, 20);
      };
      check();
    })`);
    const firstDraw = Date.now() - t0;
    // 4 s of zooming and panning, counting the frames the browser paints; twice, the second time over
    // clusters the map has drawn before.
    const move = () =>
      page.evaluate(`new Promise((resolve) => {
      const map = window.orreryFleetMap;
      const times = [];
      let last = performance.now();
      const tick = (t) => { times.push(t - last); last = t; if (!done) requestAnimationFrame(tick); };
      let done = false;
      requestAnimationFrame(tick);
      map.jumpTo({ center: [10, 30], zoom: 1.5 });
      map.easeTo({ zoom: 4, center: [8, 48], duration: 1500 });
      setTimeout(() => map.easeTo({ center: [-60, 30], zoom: 2.5, duration: 1500 }), 1600);
      setTimeout(() => map.easeTo({ center: [100, 20], zoom: 3, duration: 900 }), 3150);
      setTimeout(() => { done = true; resolve(times.slice(1)); }, 4100);
    })`) as Promise<number[]>;
    const frames = await move();
    await page.evaluate(`new Promise((r) => window.orreryFleetMap.once("idle", () => r(0)))`);
    const again = await move();
    await page.evaluate(`new Promise((r) => window.orreryFleetMap.once("idle", () => r(0)))`);
    // A live update: 3 % of the fleet changes status; the next poll brings it.
    round = 7;
    const update = await page.evaluate(`new Promise((resolve) => {
      const map = window.orreryFleetMap;
      const src = map.getSource("satellites");
      const t0 = performance.now();
      const onData = (e) => {
        if (e.sourceId !== "satellites" || !e.isSourceLoaded) return;
        map.off("sourcedata", onData);
        map.once("idle", () => resolve(performance.now() - t0));
      };
      map.on("sourcedata", onData);
    })`);
    const images = await page.evaluate(
      `window.orreryFleetMap.listImages().filter((id) => id.startsWith("ring:")).length`,
    );
    return { firstDraw, frames, again, update: update as number, images: images as number };
  }

  const results: Record<string, Awaited<ReturnType<typeof measure>>[]> = { health: [], bandwidth: [] };
  for (let i = 0; i < 3; i++) {
    for (const mode of ["bandwidth", "health"] as const) results[mode].push(await measure(mode));
  }
  const line = (mode: string) => {
    const rs = results[mode];
    const frames = rs.flatMap((r) => r.frames);
    const again = rs.flatMap((r) => r.again);
    const fps = (xs: number[]) => (1000 / (xs.reduce((a, b) => a + b, 0) / xs.length)).toFixed(1);
    return `  ${mode.padEnd(10)} first draw ${median(rs.map((r) => r.firstDraw))} ms · moving ${fps(frames)} fps (p95 frame ${pct(frames, 0.95).toFixed(0)} ms), again ${fps(again)} fps (p95 ${pct(again, 0.95).toFixed(0)} ms) · live update → idle ${median(rs.map((r) => r.update)).toFixed(0)} ms · ring images ${Math.max(...rs.map((r) => r.images))}`;
  };
  console.log(`
Overview map at ${SATELLITES.toLocaleString("en")} satellites, headless Chromium (software WebGL), 1440×900, median of 3
${line("health")}
${line("bandwidth")}   ← baseline: plain one-colour clusters, as before the rings
`);
} finally {
  await browser.close();
  server.kill("SIGTERM");
}
