// npm run bench:map [-- --satellites 10000 --no-build]
// Builds the console, seeds a fleet of 10,000 satellites with realistic status on a fresh SQLite file, starts
// the server entry and measures, each figure beside a baseline taken in the same run:
//   - the map endpoint's payload (gzip bytes per satellite) and server time,
//     against the JSON list of the same satellites and a light authenticated route;
//   - navigation to map idle in headless Chromium, against navigation to a non-map page;
//   - the longest main-thread task during three live updates, against three polls with no change;
//   - first-load JS (gzip) of the overview and of a non-map page.
import http from "node:http";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { chromium, type Page } from "@playwright/test";
import Database from "better-sqlite3";
import { bench, sqliteIso, tsNode } from "./harness";

const { values } = parseArgs({
  options: {
    satellites: { type: "string", default: "10000" },
    port: { type: "string", default: "3402" },
    "no-build": { type: "boolean", default: false },
  },
});
const SATELLITES = Number(values.satellites);
const { core, dbFile, run, build, start } = bench("map", Number(values.port));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => `${x.toFixed(1)} ms`;

// ─── A fleet with the status mix of a real day ───────────────────────────────────────────────
if (!values["no-build"]) build(true);
run(`seeding ${SATELLITES} satellites`, [...tsNode, "prisma/seed.ts", "--satellites", String(SATELLITES)], {
  NODE_ENV: "development",
});

const sqlite = new Database(dbFile);
const iso = (d: Date) => sqliteIso(d.getTime());
// A 300 s interval keeps "connected" satellites connected for the whole run without a writer beating.
const INTERVAL = 300;
function setStatus(
  ids: string[],
  pick: (i: number) => { agoSec: number | null; health: string; load: number },
) {
  const now = Date.now();
  const update = sqlite.prepare(
    `UPDATE "Satellite" SET "heartbeatIntervalSec" = ?, "lifecycle" = 'active', "lastSeenAt" = ?, "staleAfter" = ?,
       "offlineAfter" = ?, "reportedHealth" = ?, "lastRxMbps" = "downlinkMbps" * ?, "lastTxMbps" = "uplinkMbps" * ?
     WHERE "id" = ?`,
  );
  sqlite.transaction(() => {
    ids.forEach((id, i) => {
      const { agoSec, health, load } = pick(i);
      if (agoSec === null) return;
      const seen = new Date(now - agoSec * 1000);
      update.run(
        INTERVAL,
        iso(seen),
        iso(new Date(seen.getTime() + (2 * INTERVAL + 20) * 1000)),
        iso(new Date(seen.getTime() + 6 * INTERVAL * 1000)),
        health,
        load,
        load * 0.6,
        id,
      );
    });
  })();
}
const ids = (sqlite.prepare(`SELECT "id" FROM "Satellite" ORDER BY "slug"`).all() as { id: string }[]).map(
  (r) => r.id,
);
// Deterministic mix: 1 % never seen, 2 % offline, 2 % stale, 6 % degraded, 2 % critical, the rest healthy.
setStatus(ids, (i) => ({
  agoSec: i % 100 === 0 ? null : i % 50 === 1 ? 3 * 3600 : i % 50 === 2 ? 700 : 5,
  health: i % 50 === 3 || i % 50 === 4 || i % 50 === 5 ? "degraded" : i % 50 === 6 ? "critical" : "healthy",
  load: ((i * 37) % 97) / 100,
}));

// ─── The console ────────────────────────────────────────────────────────────────────────────
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
  const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");

  /** GET with the session, gzip accepted, body bytes as sent on the wire. */
  function get(path: string, headers: Record<string, string> = {}) {
    return new Promise<{ status: number; wire: number; ms: number; etag?: string }>((resolve, reject) => {
      const started = performance.now();
      const req = http.get(
        `${core}${path}`,
        { headers: { cookie, "accept-encoding": "gzip", ...headers } },
        (res) => {
          let wire = 0;
          res.on("data", (c: Buffer) => (wire += c.length));
          res.on("end", () =>
            resolve({
              status: res.statusCode ?? 0,
              wire,
              ms: performance.now() - started,
              etag: res.headers.etag,
            }),
          );
        },
      );
      req.on("error", reject);
    });
  }

  // ─── The endpoint ───────────────────────────────────────────────────────────────────────────
  process.stdout.write("▸ measuring the map endpoint\n");
  const raw = await (await fetch(`${core}/api/v1/map`, { headers: { cookie } })).text();
  const count = (JSON.parse(raw) as { slug: string[] }).slug.length;
  const mapTimes: number[] = [];
  let wire = 0;
  let etag = "";
  // Answers are shared for 2 s per filter; a page size the map ignores makes each request its own, so
  // these are computed answers. The shared and 304 answers are what most polls get.
  for (let i = 0; i < 15; i++) {
    const r = await get(`/api/v1/map?limit=${1000 + i}`);
    mapTimes.push(r.ms);
    wire = r.wire;
  }
  etag = (await get("/api/v1/map")).etag ?? "";
  const sharedTimes: number[] = [];
  for (let i = 0; i < 15; i++) sharedTimes.push((await get("/api/v1/map")).ms);
  const notModified: number[] = [];
  for (let i = 0; i < 15; i++) notModified.push((await get("/api/v1/map", { "if-none-match": etag })).ms);
  const lightTimes: number[] = [];
  for (let i = 0; i < 15; i++) lightTimes.push((await get("/api/v1/satellites?limit=1")).ms);
  // The API pages by at most 500: one full page is the per-satellite baseline.
  const listed = Math.min(500, count);
  const list = await get(`/api/v1/satellites?limit=${listed}`);

  // ─── Navigation to map idle ─────────────────────────────────────────────────────────────────
  process.stdout.write("▸ navigating to the map in Chromium\n");
  async function mapIdleMs(p: Page): Promise<number> {
    await p.goto(`${core}/`, { waitUntil: "commit" });
    // A string, not a function: tsx's name-keeping helpers do not exist in the page.
    return p.evaluate(`new Promise((resolve) => {
      const expected = ${count};
      const check = () => {
        const map = window.orreryFleetMap;
        if (!map || !map.getSource("satellites") || !map.isSourceLoaded("satellites")) return void setTimeout(check, 20);
        const drawn = map
          .queryRenderedFeatures({ layers: ["sat-clusters", "sat-points"] })
          .reduce((n, f) => n + (f.properties.cluster ? Number(f.properties.point_count) : 1), 0);
        if (drawn < expected * 0.5) return void setTimeout(check, 20);
        if (map.loaded() && map.areTilesLoaded()) resolve(performance.now());
        else map.once("idle", () => resolve(performance.now()));
      };
      check();
    })`) as Promise<number>;
  }
  async function hydratedMs(p: Page, path: string): Promise<number> {
    await p.goto(`${core}${path}`, { waitUntil: "commit" });
    await p.locator("html[data-hydrated]").waitFor();
    return p.evaluate(() => performance.now());
  }
  const idle: number[] = [];
  const listNav: number[] = [];
  for (let i = 0; i < 3; i++) {
    idle.push(await mapIdleMs(page));
    listNav.push(await hydratedMs(page, "/satellites"));
  }

  // ─── Long tasks during live updates ─────────────────────────────────────────────────────────
  process.stdout.write("▸ three live updates, and three polls with nothing new\n");
  await mapIdleMs(page);
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push(e.duration);
    }).observe({ type: "longtask" });
  });
  const longest = async () =>
    page.evaluate(() => {
      const w = window as unknown as { longTasks: number[] };
      const max = Math.max(0, ...w.longTasks);
      w.longTasks = [];
      return max;
    });
  const waitPoll = (status: number) =>
    page.waitForResponse((r) => r.url().endsWith("/api/v1/map") && r.status() === status, {
      timeout: 20_000,
    });
  const quiet: number[] = [];
  for (let round = 0; round < 3; round++) {
    await waitPoll(304);
    await page.waitForTimeout(300);
    quiet.push(await longest());
  }
  const updates: number[] = [];
  for (let round = 0; round < 3; round++) {
    // 3 % of the fleet changes health and traffic between two polls.
    const changed = ids.filter((_, i) => (i + round) % 33 === 0);
    setStatus(changed, (i) => ({
      agoSec: 5,
      health: (i + round) % 3 === 0 ? "critical" : "degraded",
      load: ((i * 13 + round * 7) % 100) / 100,
    }));
    await waitPoll(200);
    await page.evaluate(
      () => new Promise<void>((resolve) => window.orreryFleetMap!.once("idle", () => resolve())),
    );
    await page.waitForTimeout(300);
    updates.push(await longest());
  }

  // ─── First-load JS ──────────────────────────────────────────────────────────────────────────
  process.stdout.write("▸ first-load JS\n");
  async function firstLoadJs(path: string): Promise<number> {
    const html = await (await fetch(`${core}${path}`, { headers: { cookie } })).text();
    const srcs = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]))];
    let total = 0;
    for (const src of srcs) {
      const body = Buffer.from(await (await fetch(`${core}${src}`)).arrayBuffer());
      total += gzipSync(body).length;
    }
    return total;
  }
  const overviewJs = await firstLoadJs("/");
  const listJs = await firstLoadJs("/satellites");
  const auditJs = await firstLoadJs("/audit");

  const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
  const perSat = wire / count;
  const gzipRaw = gzipSync(raw).length / count;
  console.log(`
Fleet map at ${count.toLocaleString("en")} satellites (SQLite, built console, load generator on the same 2 cores)

  payload, gzip on the wire         ${(wire / 1024).toFixed(1)} KB = ${perSat.toFixed(1)} B/satellite   target ≤ 60 B  ${perSat <= 60 ? "✓" : "✗"}
    (raw JSON ${(raw.length / count).toFixed(1)} B/satellite; gzip level 9 by zlib ${gzipRaw.toFixed(1)} B)
    baseline: the JSON list        ${(list.wire / listed).toFixed(1)} B/satellite gzip (a page of ${listed})
  server time, p50 of 15             computed ${ms(median(mapTimes))} · shared ${ms(median(sharedTimes))} · 304 ${ms(median(notModified))}
    baseline: /api/v1/satellites?limit=1   ${ms(median(lightTimes))}
  navigation → map idle, median of 3 ${ms(median(idle))}   target ≤ 3,000 ms  ${median(idle) <= 3000 ? "✓" : "✗"}   (runs: ${idle.map((x) => Math.round(x)).join(", ")} ms)
    baseline: navigation → /satellites hydrated   ${ms(median(listNav))}
  longest task, 3 live updates       ${ms(Math.max(...updates))}   target ≤ 200 ms  ${Math.max(...updates) <= 200 ? "✓" : "✗"}   (each: ${updates.map((x) => Math.round(x)).join(", ")} ms)
    baseline: 3 polls with nothing new    ${ms(Math.max(...quiet))}
  first-load JS, gzip                overview ${kb(overviewJs)} · Satellites ${kb(listJs)} · Audit ${kb(auditJs)}   target non-map ≤ 200 KB  ${Math.max(listJs, auditJs) <= 200 * 1024 ? "✓" : "✗"}
    (maplibre and the map load after first paint, only on the overview)
`);
} finally {
  await browser.close();
  server.kill("SIGTERM");
  sqlite.close();
}
