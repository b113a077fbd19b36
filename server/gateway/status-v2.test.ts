import { request, type IncomingHttpHeaders } from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { xmlWellFormednessError } from "@/lib/status/well-formed";
import { startGateway } from "../../test/gateway";
import { seedV2Pages, type V2Fixtures } from "../../test/status-v2-fixtures";
import { db } from "../db";
import { clearSnapshots } from "../status/cache";
import { V2_SCHEMAS, V2SingleIncidentSchema } from "../status/v2/format-schema";
import { V2_PATHS } from "../status/v2/map";

vi.hoisted(() => (process.env.PUBLIC_URL = "https://status.orrery.test"));

let gateway: Awaited<ReturnType<typeof startGateway>>;
let fx: V2Fixtures;
let done: string;

beforeAll(async () => {
  fx = await seedV2Pages();
  // Zurich's maintenance of yesterday, ended: Statuspage lists it as completed.
  const zrh = await db.satellite.findUniqueOrThrow({ where: { slug: "works-zrh" } });
  const day = 86_400_000;
  done = (
    await db.maintenanceWindow.create({
      data: {
        title: "Power work in Zurich",
        startsAt: new Date(Date.now() - day - 3_600_000),
        endsAt: new Date(Date.now() - day),
        satellites: { create: [{ satelliteId: zrh.id }] },
      },
    })
  ).id;
  gateway = await startGateway();
});
afterAll(() => gateway.close());

/** A GET with exactly this Accept-Encoding and the body as sent (fetch would decode it). */
function rawGet(path: string, accept: string): Promise<{ headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(`${gateway.url}${path}`, { headers: { "accept-encoding": accept } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function v2(slug: string, path: string, query = ""): Promise<any> {
  const res = await fetch(`${gateway.url}/status/${slug}/api/v2/${path}${query}`);
  expect(res.status, `${slug}/${path}`).toBe(200);
  expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
  return res.json();
}

describe("the Statuspage v2 format", () => {
  it("every endpoint of every page state matches the schema written from the public documentation", async () => {
    for (const slug of ["calm", "rough", "works", "past", "rollup"]) {
      for (const path of V2_PATHS) {
        const body = await v2(slug, path);
        const parsed = V2_SCHEMAS[path].safeParse(body);
        expect(parsed.error?.issues ?? [], `${slug}/${path}`).toEqual([]);
        expect(body.page).toMatchObject({
          name: `${slug} cloud`,
          url: `https://status.orrery.test/status/${slug}`,
          time_zone: "Etc/UTC",
        });
      }
    }
    const single = await fetch(`${gateway.url}/status/past/incidents/${fx.past}.json`);
    expect(V2SingleIncidentSchema.safeParse(await single.json()).success).toBe(true);
  });

  it("an all-operational page: indicator none, regions as groups holding their satellites", async () => {
    const summary = await v2("calm", "summary.json");
    expect(summary.status).toEqual({ indicator: "none", description: "All systems operational" });
    expect(summary.incidents).toEqual([]);
    expect(summary.scheduled_maintenances).toEqual([]);
    const byId = new Map(summary.components.map((c: { id: string }) => [c.id, c]));
    expect(byId.get("region:eu-gdpr")).toMatchObject({
      group: true,
      group_id: null,
      status: "operational",
      components: ["satellite:calm-fra"],
    });
    expect(byId.get("satellite:calm-nyc")).toMatchObject({
      group: false,
      group_id: "region:us-fedramp",
      name: "CALM-NYC",
      status: "operational",
    });
    expect(summary.components.every((c: { page_id: string }) => c.page_id === summary.page.id)).toBe(true);
  });

  it("a page without satellites shows only its regions, as plain components", async () => {
    const { components } = await v2("rollup", "components.json");
    expect(components.map((c: { id: string }) => c.id)).toEqual(["region:eu-gdpr", "region:us-fedramp"]);
    expect(components.every((c: { group: boolean; components?: unknown }) => !c.group && !c.components)).toBe(
      true,
    );
  });

  it("a partial outage: the incident, its updates and affected components, the shortlink", async () => {
    const status = await v2("rough", "status.json");
    expect(status.status.indicator).toBe("major");
    const { incidents } = await v2("rough", "incidents/unresolved.json");
    expect(incidents).toHaveLength(1);
    const [i] = incidents;
    expect(i).toMatchObject({
      id: fx.rough,
      name: "Storage errors in New York",
      status: "identified",
      impact: "major",
    });
    expect(i.shortlink).toBe(`https://status.orrery.test/status/rough#incident-${fx.rough}`);
    expect(i.incident_updates.map((u: { status: string }) => u.status)).toEqual([
      "identified",
      "investigating",
    ]);
    expect(i.incident_updates[0].affected_components).toEqual([
      {
        code: "region:us-fedramp",
        name: expect.any(String),
        old_status: "partial_outage",
        new_status: "partial_outage",
      },
    ]);
    expect(i.incident_updates[1].affected_components[0].old_status).toBe("operational");
    const { components } = await v2("rough", "components.json");
    const region = components.find((c: { id: string }) => c.id === "region:us-fedramp");
    expect(region.status).toBe("partial_outage");
    const nyc = components.find((c: { id: string }) => c.id === "satellite:rough-nyc");
    expect(nyc.status).toBe("partial_outage");
  });

  it("maintenance in progress and upcoming, each in its own list", async () => {
    expect((await v2("works", "status.json")).status.indicator).toBe("maintenance");
    const active = (await v2("works", "scheduled-maintenances/active.json")).scheduled_maintenances;
    expect(active.map((m: { id: string; status: string }) => [m.id, m.status])).toEqual([
      [fx.works, "in_progress"],
    ]);
    expect(active[0]).toMatchObject({ impact: "maintenance", name: "Router swap in Zurich" });
    const upcoming = (await v2("works", "scheduled-maintenances/upcoming.json")).scheduled_maintenances;
    expect(upcoming.map((m: { id: string; status: string }) => [m.id, m.status])).toEqual([
      [fx.soon, "scheduled"],
    ]);
    const all = (await v2("works", "scheduled-maintenances.json")).scheduled_maintenances;
    expect(all.map((m: { id: string; status: string }) => [m.id, m.status])).toEqual([
      [fx.works, "in_progress"],
      [fx.soon, "scheduled"],
      [done, "completed"],
    ]);
    const summary = await v2("works", "summary.json");
    expect(summary.scheduled_maintenances.map((m: { id: string }) => m.id)).toEqual([fx.works, fx.soon]);
    const zrh = (await v2("works", "components.json")).components.find(
      (c: { id: string }) => c.id === "satellite:works-zrh",
    );
    expect(zrh.status).toBe("under_maintenance");
  });

  it("an ended maintenance is completed: resolved at its end, components back to operational", async () => {
    const all = (await v2("works", "scheduled-maintenances.json")).scheduled_maintenances;
    const completed = all.find((m: { id: string }) => m.id === done);
    expect(completed).toMatchObject({
      name: "Power work in Zurich",
      status: "completed",
      impact: "maintenance",
    });
    expect(completed.resolved_at).toBe(completed.scheduled_until);
    expect(completed.incident_updates.map((u: { status: string }) => u.status)).toEqual([
      "completed",
      "in_progress",
    ]);
    expect(completed.incident_updates[0].affected_components).toEqual([
      {
        code: "region:ch-fadp",
        name: expect.any(String),
        old_status: "under_maintenance",
        new_status: "operational",
      },
    ]);
    // Another page's maintenance is not this page's.
    const calm = (await v2("calm", "scheduled-maintenances.json")).scheduled_maintenances;
    expect(calm).toEqual([]);
  });

  it("a resolved incident is in incidents.json, not unresolved, with its monitoring and resolve times", async () => {
    expect((await v2("past", "incidents/unresolved.json")).incidents).toEqual([]);
    const { incidents } = await v2("past", "incidents.json");
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({ id: fx.past, status: "resolved", impact: "minor" });
    expect(incidents[0].resolved_at).not.toBeNull();
    expect(incidents[0].monitoring_at).not.toBeNull();
    expect(incidents[0].incident_updates[0].affected_components[0].new_status).toBe("operational");
    expect((await v2("past", "status.json")).status.indicator).toBe("none");
    const single = await fetch(`${gateway.url}/status/past/incidents/${fx.past}.json`).then((r) => r.json());
    expect(single.incident.id).toBe(fx.past);
    // Another page's incident is not this page's.
    expect((await fetch(`${gateway.url}/status/calm/incidents/${fx.past}.json`)).status).toBe(404);
  });
});

describe("v2 visibility, caching and feeds", () => {
  it("an unlisted page needs its key, a disabled or unknown one is 404 like any other", async () => {
    for (const path of [...V2_PATHS.map((p) => `api/v2/${p}`), "history.atom", "history.rss"]) {
      for (const slug of ["hidden", "gone", "never-made"]) {
        const res = await fetch(`${gateway.url}/status/${slug}/${path}`);
        expect(res.status, `${slug}/${path}`).toBe(404);
        expect(await res.json()).toEqual({ error: { code: "NOT_FOUND", message: "No such status page." } });
      }
      expect((await fetch(`${gateway.url}/status/hidden/${path}?key=${fx.secret}`)).status).toBe(200);
      expect((await fetch(`${gateway.url}/status/hidden/${path}?key=wrong`)).status).toBe(404);
    }
    const summary = await v2("hidden", "summary.json", `?key=${fx.secret}`);
    expect(summary.page.url).toBe("https://status.orrery.test/status/hidden");
  });

  it("answers public caching and an ETag that survives a rebuild of the same content; 304 to it", async () => {
    const url = `${gateway.url}/status/rough/api/v2/summary.json`;
    const first = await fetch(url);
    expect(first.headers.get("cache-control")).toBe("public, max-age=30, stale-while-revalidate=60");
    expect(first.headers.get("access-control-allow-origin")).toBe("*");
    const etag = first.headers.get("etag") ?? "";
    expect(etag).toMatch(/^W\//);
    clearSnapshots();
    const rebuilt = await fetch(url);
    expect(rebuilt.headers.get("etag")).toBe(etag);
    const again = await fetch(url, { headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    // Each endpoint has its own ETag.
    const status = await fetch(`${gateway.url}/status/rough/api/v2/status.json`);
    expect(status.headers.get("etag")).not.toBe(etag);
  });

  it("gzips or Brotli-compresses on request and answers HEAD without a body", async () => {
    const res = await fetch(`${gateway.url}/status/calm/api/v2/components.json`, {
      headers: { "accept-encoding": "gzip" },
    });
    expect(res.headers.get("content-encoding")).toBe("gzip");
    expect((await res.json()).components.length).toBeGreaterThan(0);
    for (const [accept, coding] of [
      ["gzip, deflate, br", "br"],
      ["br;q=0, gzip", "gzip"],
      ["identity", null],
    ]) {
      const coded = await rawGet(`/status/calm/api/v2/components.json`, accept!);
      expect(coded.headers["content-encoding"] ?? null, accept!).toBe(coding);
      const text =
        coding === "br" ? brotliDecompressSync(coded.body) : coding ? gunzipSync(coded.body) : coded.body;
      expect(JSON.parse(text.toString()).components.length).toBeGreaterThan(0);
    }
    const head = await fetch(`${gateway.url}/status/calm/api/v2/components.json`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
  });

  it("serves well-formed Atom and RSS of the page's history", async () => {
    const atom = await fetch(`${gateway.url}/status/past/history.atom`);
    expect(atom.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    const atomText = await atom.text();
    expect(xmlWellFormednessError(atomText)).toBeNull();
    expect(atomText).toContain("Resolved: London packet loss");
    const rss = await fetch(`${gateway.url}/status/works/history.rss`);
    expect(rss.headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");
    const rssText = await rss.text();
    expect(xmlWellFormednessError(rssText)).toBeNull();
    expect(rssText).toContain('<rss version="2.0"');
    expect(rssText).toContain("Maintenance: Router swap in Zurich");
    expect(rssText).toContain(`<atom:link href="https://status.orrery.test/status/works/history.rss"`);
  });

  it("a path outside the API under /api/v2/ is a JSON 404 without a custom host", async () => {
    const res = await fetch(`${gateway.url}/api/v2/summary.json`);
    expect(res.status).toBe(404);
    expect((await fetch(`${gateway.url}/api/v2/subscribers.json`)).status).toBe(404);
  });
});
