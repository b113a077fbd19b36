// npm run bench:map [-- --satellites 100000 --baseline 10000 --no-build]
// Builds the console once, then for the baseline fleet (10,000) and for --satellites: seeds that many satellites
// with realistic status on a fresh SQLite file, starts the server entry and measures, side by side in one table:
//   - the map's answer: gzip bytes per satellite on the wire (binary, as the console polls it; the JSON
//     columns scripts read, beside it), its server time, and a delta after 3 % of the fleet changed;
//   - navigation to map idle in headless Chromium (software GL);
//   - the longest main-thread task while panning and zooming;
//   - one live update (3 % of the fleet changes): the page's main-thread work from the change to idle, from
//     Chromium's trace, beside a poll with nothing new;
//   - first-load JS (gzip) of the overview and of a non-map page.
import http from "node:http";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { chromium, type Page } from "@playwright/test";
import Database from "better-sqlite3";
import { bench, sqliteIso, tsNode } from "./harness";
import {
  mainThreadCost,
  mapIdleMs,
  median,
  pan,
  takeLongest,
  watchLongTasks,
  type TaskCost,
} from "./map-measure";

const { values } = parseArgs({
  options: {
    satellites: { type: "string", default: "100000" },
    baseline: { type: "string", default: "10000" },
    port: { type: "string", default: "3402" },
    "no-build": { type: "boolean", default: false },
    // The overview's colour mode: health draws clusters as status rings, the others as plain circles.
    color: { type: "string", default: "health" },
    // Samples the page's JS during the live update and the pan, to name the functions in the breakdowns (slows
    // the page).
    profile: { type: "boolean", default: false },
  },
});
const SIZES = [...new Set([Number(values.baseline), Number(values.satellites)])];
const PORT = Number(values.port);
const ms = (x: number) => `${x.toFixed(0)} ms`;

type Figures = {
  count: number;
  binary: number;
  json: number;
  delta: number;
  changed: number;
  computed: number;
  shared: number;
  notModified: number;
  idle: number[];
  panLongest: number;
  update: TaskCost;
  quiet: TaskCost;
  updateLongest: number;
  js: { overview: number; list: number };
};

// A 300 s interval keeps "connected" satellites connected for the whole run without a writer beating.
const INTERVAL = 300;

async function measureFleet(size: number): Promise<Figures> {
  const { core, dbFile, run, start } = bench(`map-${size}`, PORT);
  run(`seeding ${size} satellites`, [...tsNode, "prisma/seed.ts", "--satellites", String(size)], {
    NODE_ENV: "development",
  });
  const sqlite = new Database(dbFile);
  const iso = (d: Date) => sqliteIso(d.getTime());
  function setStatus(
    ids: string[],
    pick: (i: number) => { agoSec: number | null; health: string; load: number },
  ) {
    const now = Date.now();
    // updatedAt moves as ingest moves it: the fleet state reads only rows whose stamp moved.
    const update = sqlite.prepare(
      `UPDATE "Satellite" SET "heartbeatIntervalSec" = ?, "lifecycle" = 'active', "lastSeenAt" = ?, "staleAfter" = ?,
         "offlineAfter" = ?, "reportedHealth" = ?, "lastRxMbps" = "downlinkMbps" * ?, "lastTxMbps" = "uplinkMbps" * ?,
         "updatedAt" = ?
       WHERE "id" = ?`,
    );
    sqlite.transaction(() => {
      ids.forEach((id, i) => {
        const { agoSec, health, load } = pick(i);
        if (agoSec === null) return;
        const seen = new Date(now - agoSec * 1000);
        const stale = new Date(seen.getTime() + (2 * INTERVAL + 20) * 1000);
        const offline = new Date(seen.getTime() + 6 * INTERVAL * 1000);
        update.run(
          INTERVAL,
          iso(seen),
          iso(stale),
          iso(offline),
          health,
          load,
          load * 0.6,
          iso(new Date(now)),
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
  /** 3 % of the fleet changes health and traffic. */
  const change = (round: number) =>
    setStatus(
      ids.filter((_, i) => (i + round) % 33 === 0),
      (i) => ({
        agoSec: 5,
        health: (i + round) % 3 === 0 ? "critical" : "degraded",
        load: ((i * 13 + round * 7) % 100) / 100,
      }),
    );

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
    // Off the map while the endpoint is timed: the overview's own polls and drawing would share the cores.
    await page.goto(`${core}/audit`);
    const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");

    /** GET with the session, gzip accepted, body bytes as sent on the wire. */
    const get = (path: string, headers: Record<string, string> = {}) =>
      new Promise<{ status: number; wire: number; ms: number; etag: string; kind: string }>(
        (resolve, reject) => {
          const started = performance.now();
          http
            .get(`${core}${path}`, { headers: { cookie, "accept-encoding": "gzip", ...headers } }, (res) => {
              let wire = 0;
              res.on("data", (c: Buffer) => (wire += c.length));
              res.on("end", () =>
                resolve({
                  status: res.statusCode ?? 0,
                  wire,
                  ms: performance.now() - started,
                  etag: String(res.headers.etag ?? ""),
                  kind: String(res.headers["x-map-answer"] ?? ""),
                }),
              );
            })
            .on("error", reject);
        },
      );

    process.stdout.write(`▸ ${size}: the map's answer\n`);
    const count = (
      JSON.parse(await (await fetch(`${core}/api/v1/map`, { headers: { cookie } })).text()) as {
        slug: string[];
      }
    ).slug.length;
    const json = await get("/api/v1/map");
    // Answers are shared for 2 s per query; a page size the map ignores makes each its own, so these are built.
    const computed: number[] = [];
    let binary = 0;
    for (let i = 0; i < 7; i++) {
      const r = await get(`/api/v1/map?format=bin&limit=${1000 + i}`);
      computed.push(r.ms);
      binary = r.wire;
    }
    const first = await get("/api/v1/map?format=bin");
    const shared: number[] = [];
    const notModified: number[] = [];
    for (let i = 0; i < 7; i++) shared.push((await get("/api/v1/map?format=bin")).ms);
    for (let i = 0; i < 7; i++)
      notModified.push((await get("/api/v1/map?format=bin", { "if-none-match": first.etag })).ms);
    change(100);
    const version = first.etag.replace(/^"m-|"$/g, "");
    let delta = await get(`/api/v1/map?format=bin&since=${version}`);
    for (let i = 0; i < 50 && delta.etag === first.etag; i++) {
      await new Promise((r) => setTimeout(r, 200));
      delta = await get(`/api/v1/map?format=bin&since=${version}`);
    }
    if (delta.kind !== "delta")
      throw new Error(`expected a delta after 3 % changed, got a ${delta.kind} answer`);

    process.stdout.write(`▸ ${size}: navigation to map idle in Chromium, 3 times\n`);
    const idle: number[] = [];
    const path = values.color === "health" ? "/" : `/?color=${values.color}`;
    for (let i = 0; i < 3; i++) idle.push(await mapIdleMs(page, core, count, path));

    process.stdout.write(`▸ ${size}: panning, a poll with nothing new, a live update\n`);
    await watchLongTasks(page);
    // With --profile the pan is traced too, to say what its longest task spent the time in (the trace costs
    // the page a little, so the figure is then a shade high).
    if (values.profile) {
      const panned = await mainThreadCost(browser, page, () => pan(page), true);
      process.stdout.write(
        `▸ ${size}: the longest task while panning: ${panned.inLongest.join(" · ")}\n  ${panned.breakdown.join("\n  ")}\n`,
      );
    } else await pan(page);
    const panLongest = await takeLongest(page);
    const poll = (p: Page, status: number) =>
      p.waitForResponse((r) => r.url().includes("/api/v1/map?") && r.status() === status, {
        timeout: 30_000,
      });
    // Resolves once the map is idle after the satellites' next re-cluster: the content event marks the worker's
    // answer, and the idle after it the last tile drawn. Watching from before the change, not from some time
    // after the answer, since a small fleet is done and idle within a few hundred ms and would never fire idle
    // again. Resolves with nothing: handing back maplibre's event would have Playwright serialize the whole map
    // in the page (seconds at 100,000 satellites, in the animation frame the update is measured in).
    const watchUpdate = (p: Page) =>
      p.evaluate(`(() => {
        const map = window.orreryFleetMap;
        window.__updated = new Promise((r) => {
          const content = (e) => {
            if (e.sourceId !== "satellites" || e.sourceDataType !== "content") return;
            map.off("sourcedata", content);
            map.once("idle", () => r(0));
          };
          map.on("sourcedata", content);
        });
      })()`);
    const idleAfter = (p: Page) => p.evaluate(`window.__updated.then(() => 0)`);
    const quiet = await mainThreadCost(browser, page, async () => {
      await poll(page, 304);
      await page.waitForTimeout(600);
    });
    await takeLongest(page);
    const update = await mainThreadCost(
      browser,
      page,
      async () => {
        await watchUpdate(page);
        change(200);
        const res = await poll(page, 200);
        if (res.headers()["x-map-answer"] !== "delta") throw new Error("the live update was not a delta");
        await idleAfter(page);
      },
      values.profile,
    );
    process.stdout.write(
      `▸ ${size}: where the live update's time went\n  ${update.breakdown.join("\n  ")}\n`,
    );
    const updateLongest = await takeLongest(page);

    const firstLoadJs = async (path: string) => {
      const html = await (await fetch(`${core}${path}`, { headers: { cookie } })).text();
      const srcs = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]))];
      let total = 0;
      for (const src of srcs)
        total += gzipSync(Buffer.from(await (await fetch(`${core}${src}`)).arrayBuffer())).length;
      return total;
    };
    const js = { overview: await firstLoadJs("/"), list: await firstLoadJs("/satellites") };
    return {
      count,
      binary,
      json: json.wire,
      delta: delta.wire,
      changed: Math.ceil(ids.length / 33),
      computed: median(computed),
      shared: median(shared),
      notModified: median(notModified),
      idle,
      panLongest,
      update,
      quiet,
      updateLongest,
      js,
    };
  } finally {
    await browser.close();
    server.kill("SIGTERM");
    sqlite.close();
    await new Promise((r) => server.once("exit", r));
  }
}

if (!values["no-build"]) bench("map-build", PORT).build(true);
const results: Figures[] = [];
for (const size of SIZES) {
  results.push(await measureFleet(size));
  // Each fleet's raw figures as soon as they are in, should a later fleet not finish.
  process.stdout.write(`▸ ${size}: ${JSON.stringify(results.at(-1))}\n`);
}

const cell = (f: (r: Figures) => string) => results.map((r) => f(r).padStart(22)).join("");
const check = (ok: boolean) => (ok ? "✓" : "✗");
const big = results[results.length - 1];
const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
console.log(`
Fleet map (SQLite, built console, headless Chromium with software GL, 1440×900; bench and console on the same 2 cores)

${"".padEnd(44)}${cell((r) => `${r.count.toLocaleString("en")} satellites`)}   target at ${big.count.toLocaleString("en")}
  answer, gzip on the wire (B/satellite)    ${cell((r) => `${(r.binary / r.count).toFixed(2)} (${kb(r.binary)})`)}   ≤ 10 B ${check(big.binary / big.count <= 10)}
    the JSON columns scripts read            ${cell((r) => `${(r.json / r.count).toFixed(2)}`)}
    a delta after 3 % changed (B/change)     ${cell((r) => `${(r.delta / r.changed).toFixed(2)} (${kb(r.delta)})`)}
  server time p50: built · shared · 304      ${cell((r) => `${ms(r.computed)} · ${ms(r.shared)} · ${ms(r.notModified)}`)}
  navigation → map idle, median of 3         ${cell((r) => ms(median(r.idle)))}   ≤ 4,000 ms ${check(median(big.idle) <= 4000)}
    (runs)                                   ${cell((r) => r.idle.map((x) => Math.round(x)).join(", "))}
  longest main-thread task while panning     ${cell((r) => ms(r.panLongest))}   ≤ 200 ms ${check(big.panLongest <= 200)}
  a live update (3 %): main-thread work      ${cell((r) => `${ms(r.update.busy)} (longest ${ms(r.update.longest)})`)}   see below
    baseline: a poll with nothing new        ${cell((r) => `${ms(r.quiet.busy)} (longest ${ms(r.quiet.longest)})`)}
    the update's cost over the baseline      ${cell((r) => ms(r.update.busy - r.quiet.busy))}   ≤ 50 ms ${check(big.update.busy - big.quiet.busy <= 50)}
  first-load JS gzip: overview · Satellites  ${cell((r) => `${kb(r.js.overview)} · ${kb(r.js.list)}`)}
`);
