import { createHash } from "node:crypto";
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { xmlWellFormednessError } from "@/lib/status/well-formed";
import { sortWorstFirst } from "@/lib/status/worst-first";
import { escapeXml } from "@/lib/status/xml";
import { ctxAs, satelliteInput, seedRegions } from "../../test/factories";
import { startGateway } from "../../test/gateway";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { registerSatellite } from "../satellites/register";
import { getSnapshot, snapshotCount } from "../status/cache";
import { createStatusPage, updateStatusPage } from "../status/pages";
import type { PublicRegion } from "../status/snapshot";
import { preparedAnswerCount } from "./status-routes";

// The configured address: every public link must come from here, never from the request.
const PUBLIC = vi.hoisted(() => (process.env.PUBLIC_URL = "https://status.orrery.test"));

let gateway: Awaited<ReturnType<typeof startGateway>>;
let admin: Ctx;
let secret = "";

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

/** A raw request, so Host and the forwarding headers can be anything a client sends. */
function raw(path: string, headers: Record<string, string> = {}): Promise<Answer> {
  const url = new URL(gateway.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path, headers, agent: false }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

/** An answer as a reader could compare it: everything but the clock. */
function comparable(a: Answer) {
  const { date: _date, ...headers } = a.headers;
  return { status: a.status, headers, body: a.body };
}

beforeAll(async () => {
  await seedRegions();
  admin = await ctxAs("admin");
  const s = await registerSatellite(admin, satelliteInput({ slug: "gw-fra-01", name: "Frankfurt 01" }));
  await db.satellite.update({
    where: { id: s.id },
    data: {
      lifecycle: "active",
      lastSeenAt: new Date(),
      staleAfter: new Date(Date.now() + 40_000),
      offlineAfter: new Date(Date.now() + 180_000),
      reportedHealth: "healthy",
      recordedConnectivity: "connected",
    },
  });
  await createStatusPage(admin, {
    slug: "public-page",
    title: "Public <Cloud> & Co",
    visibility: "public",
    includeAll: "on",
    showSatellites: "on",
    allowedOrigins: "http://127.0.0.1:4555",
  });
  const unlisted = await createStatusPage(admin, {
    slug: "hidden-page",
    title: "Hidden",
    visibility: "unlisted",
    includeAll: "on",
    showSatellites: "",
    allowedOrigins: "",
  });
  secret = (await db.statusPage.findUniqueOrThrow({ where: { id: unlisted.id } })).secret ?? "";
  await db.incident.create({
    data: {
      title: "Routing <flap>",
      impact: "minor",
      updates: { create: [{ status: "investigating", body: "Watching & waiting." }] },
    },
  });
  gateway = await startGateway();
});

afterAll(() => gateway.close());

describe("status on the machine path", () => {
  it("answers the JSON with public caching, an ETag, and 304 to it", async () => {
    const res = await fetch(`${gateway.url}/api/status/public-page`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("public, max-age=30, stale-while-revalidate=60");
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
    const etag = res.headers.get("etag") ?? "";
    const body = await res.json();
    // The open minor incident names no satellite, so it covers the whole page.
    expect(body.overall).toBe("degraded_performance");
    expect(body.indicator).toBe("minor");
    expect(body.activeIncidents[0].title).toBe("Routing <flap>");
    const again = await fetch(`${gateway.url}/api/status/public-page`, {
      headers: { "if-none-match": etag },
    });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
  });

  it("draws badges for the page, a region and a satellite, each with its own ETag", async () => {
    const page = await fetch(`${gateway.url}/api/status/public-page/badge.svg`);
    expect(page.headers.get("content-type")).toContain("image/svg+xml");
    const svg = await page.text();
    expect(xmlWellFormednessError(svg)).toBeNull();
    expect(svg).toContain("Public &lt;Cloud&gt; &amp; Co");
    const region = await fetch(`${gateway.url}/api/status/public-page/badge.svg?region=eu-gdpr`);
    expect(region.status).toBe(200);
    expect(region.headers.get("etag")).not.toBe(page.headers.get("etag"));
    const sat = await fetch(`${gateway.url}/api/status/public-page/badge.svg?satellite=gw-fra-01`);
    expect(await sat.text()).toContain("Frankfurt 01");
    const again = await fetch(`${gateway.url}/api/status/public-page/badge.svg?region=eu-gdpr`, {
      headers: { "if-none-match": region.headers.get("etag") ?? "" },
    });
    expect(again.status).toBe(304);
    expect((await fetch(`${gateway.url}/api/status/public-page/badge.svg?region=mars`)).status).toBe(404);
  });

  it("serves a well-formed Atom feed of incidents", async () => {
    const res = await fetch(`${gateway.url}/status/public-page/feed.atom`);
    expect(res.headers.get("content-type")).toContain("application/atom+xml");
    const xml = await res.text();
    expect(xmlWellFormednessError(xml)).toBeNull();
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    expect(xml).toContain("Routing &lt;flap&gt;");
  });

  it("lets only the page's origins frame the widget", async () => {
    const res = await fetch(`${gateway.url}/embed/status/public-page`);
    expect(res.status).toBe(200);
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("frame-ancestors 'self' http://127.0.0.1:4555");
    expect(csp).toContain("default-src 'none'");
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
    expect(await res.text()).toContain("EU / EEA");
  });

  it("the widget posts its height only to the page's origins, under a policy that runs only that script", async () => {
    const res = await fetch(`${gateway.url}/embed/status/public-page`);
    const html = await res.text();
    const csp = res.headers.get("content-security-policy") ?? "";
    const script = html.match(/<script>([\s\S]*?)<\/script>/)?.[1] ?? "";
    expect(script).toContain('{type:"orrery:resize",height:h}');
    expect(script).not.toContain('"*"');
    expect(csp).toContain(`script-src 'sha256-${createHash("sha256").update(script).digest("base64")}'`);
    const attribute = html.match(/data-origins="([^"]*)"/)?.[1] ?? "";
    expect(JSON.parse(attribute.replaceAll("&quot;", '"'))).toEqual([PUBLIC, "http://127.0.0.1:4555"]);
  });

  it("the page's badge and the widget say the same words, the regions worst first", async () => {
    const doc = await (await fetch(`${gateway.url}/api/status/public-page`)).json();
    expect(doc.description).toBeTruthy();
    const badge = await (await fetch(`${gateway.url}/api/status/public-page/badge.svg`)).text();
    expect(badge).toContain(`<title>Public &lt;Cloud&gt; &amp; Co: ${doc.description}</title>`);
    const html = await (await fetch(`${gateway.url}/embed/status/public-page`)).text();
    expect(html).toContain(`<span class="pill">${doc.description}</span>`);
    const names = [...html.matchAll(/<span class="name">([^<]*)<\/span>/g)].map((m) => m[1]);
    const worstFirst = sortWorstFirst(doc.regions as PublicRegion[]).map((r) => escapeXml(r.name));
    expect(names).toEqual(worstFirst);
  });

  it("keeps unlisted pages behind their key and gzips on request", async () => {
    expect((await fetch(`${gateway.url}/api/status/hidden-page`)).status).toBe(404);
    expect((await fetch(`${gateway.url}/api/status/hidden-page?key=nope`)).status).toBe(404);
    const ok = await fetch(`${gateway.url}/api/status/hidden-page?key=${secret}`, {
      headers: { "accept-encoding": "gzip" },
    });
    expect(ok.status).toBe(200);
    const body = await ok.json();
    // A roll-up page never names its satellites, not even in a badge.
    expect(body.regions[0].components).toBeUndefined();
    expect(
      (await fetch(`${gateway.url}/api/status/hidden-page/badge.svg?satellite=gw-fra-01&key=${secret}`))
        .status,
    ).toBe(404);
    expect((await fetch(`${gateway.url}/api/status/no-such-page`)).status).toBe(404);
    expect((await fetch(`${gateway.url}/api/status/%zz`)).status).toBe(404);
  });
});

describe("public links come from configuration", () => {
  const spoofs: Record<string, string>[] = [
    { host: "evil.example" },
    { host: "evil.example", "x-forwarded-proto": "http" },
    { host: "evil.example:8443", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" },
    { "x-forwarded-host": "evil.example", forwarded: "host=evil.example;proto=http" },
  ];

  it("the feed and the embed link to PUBLIC_URL whatever Host and X-Forwarded-* say", async () => {
    for (const headers of spoofs) {
      for (const path of ["/status/public-page/feed.atom", "/embed/status/public-page"]) {
        const res = await raw(path, headers);
        expect(res.status).toBe(200);
        expect(res.body).not.toContain("evil.example");
        expect(res.body).toContain(`${PUBLIC}/status/public-page`);
      }
    }
    const hidden = await raw(`/status/hidden-page/feed.atom?key=${secret}`, { host: "evil.example" });
    expect(hidden.body).toContain(`href="${PUBLIC}/status/hidden-page/feed.atom?key=`);
  });

  it("1,000 distinct Host values add no cached answers and no snapshots", async () => {
    await raw("/status/public-page/feed.atom");
    await raw("/embed/status/public-page?theme=dark");
    const snapshot = await getSnapshot("public-page");
    expect(snapshot).not.toBeNull();
    const answers = preparedAnswerCount(snapshot!);
    const snapshots = snapshotCount();
    for (let i = 0; i < 1_000; i++) {
      const headers = { host: `h${i}.evil.example`, "x-forwarded-proto": i % 2 ? "https" : "http" };
      const path = ["/status/public-page/feed.atom", "/embed/status/public-page?theme=dark"][i % 2];
      expect((await raw(path, headers)).status).toBe(200);
    }
    // Made-up themes fall back to one of three, not a new answer each.
    await raw("/embed/status/public-page?theme=sepia");
    await raw("/embed/status/public-page?theme=sepia2");
    expect(await getSnapshot("public-page")).toBe(snapshot);
    expect(preparedAnswerCount(snapshot!)).toBeLessThanOrEqual(answers + 1);
    expect(snapshotCount()).toBe(snapshots);
  });
});

describe("an unlisted page without its key is an unknown page", () => {
  const paths = (slug: string) => [
    `/api/status/${slug}`,
    `/api/status/${slug}/badge.svg`,
    `/api/status/${slug}/badge.svg?region=eu-gdpr`,
    `/status/${slug}/feed.atom`,
    `/embed/status/${slug}`,
    `/embed/status/${slug}?theme=dark`,
  ];

  it("answers with the same status, body and headers on JSON, badge, feed and embed", async () => {
    const unknown = paths("no-such-page");
    const hidden = paths("hidden-page");
    for (let i = 0; i < unknown.length; i++) {
      const expected = comparable(await raw(unknown[i]));
      expect(expected.status).toBe(404);
      const sep = hidden[i].includes("?") ? "&" : "?";
      for (const path of [
        hidden[i],
        `${hidden[i]}${sep}key=nope`,
        `${hidden[i]}${sep}key=${"x".repeat(24)}`,
      ]) {
        expect(comparable(await raw(path)), path).toEqual(expected);
      }
    }
  });

  it("retires the old link when a page goes unlisted, public, then unlisted again", async () => {
    const created = await createStatusPage(admin, {
      slug: "cycle-page",
      title: "Cycle",
      visibility: "unlisted",
      includeAll: "on",
      showSatellites: "",
      allowedOrigins: "",
    });
    const first = (await db.statusPage.findUniqueOrThrow({ where: { id: created.id } })).secret;
    expect(first).toBeTruthy();
    for (const path of paths("cycle-page")) {
      const sep = path.includes("?") ? "&" : "?";
      expect((await raw(`${path}${sep}key=${first}`)).status, path).toBe(200);
    }
    const edit = (visibility: string) =>
      updateStatusPage(admin, {
        id: created.id,
        slug: "cycle-page",
        title: "Cycle",
        visibility,
        includeAll: "on",
        showSatellites: "",
        allowedOrigins: "",
      });
    await edit("public");
    expect((await db.statusPage.findUniqueOrThrow({ where: { id: created.id } })).secret).toBeNull();
    await edit("unlisted");
    const second = (await db.statusPage.findUniqueOrThrow({ where: { id: created.id } })).secret;
    expect(second).toBeTruthy();
    expect(second).not.toBe(first);
    const unknown = paths("no-such-page");
    const cycle = paths("cycle-page");
    for (let i = 0; i < cycle.length; i++) {
      const sep = cycle[i].includes("?") ? "&" : "?";
      const dead = comparable(await raw(`${cycle[i]}${sep}key=${first}`));
      expect(dead, cycle[i]).toEqual(comparable(await raw(unknown[i])));
      expect((await raw(`${cycle[i]}${sep}key=${second}`)).status, cycle[i]).toBe(200);
    }
  });
});
