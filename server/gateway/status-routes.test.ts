import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { xmlWellFormednessError } from "@/lib/status/well-formed";
import { ctxAs, satelliteInput, seedRegions } from "../../test/factories";
import { startGateway } from "../../test/gateway";
import { db } from "../db";
import { registerSatellite } from "../satellites/register";
import { createStatusPage } from "../status/pages";

let gateway: Awaited<ReturnType<typeof startGateway>>;
let secret = "";

beforeAll(async () => {
  await seedRegions();
  const admin = await ctxAs("admin");
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
    expect(res.headers.get("content-security-policy")).toBe("frame-ancestors 'none'");
    const etag = res.headers.get("etag") ?? "";
    const body = await res.json();
    expect(body.overall).toBe("operational");
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
