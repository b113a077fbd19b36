import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ctxAs, seedRegions } from "../../test/factories";
import { startGateway } from "../../test/gateway";
import { createStatusPage } from "../status/pages";

// Configured for https: every answer of the machine path must then ask browsers to stay on https.
vi.hoisted(() => (process.env.PUBLIC_URL = "https://orrery.example.test"));

let gateway: Awaited<ReturnType<typeof startGateway>>;

beforeAll(async () => {
  await seedRegions();
  await createStatusPage(await ctxAs("admin"), {
    slug: "headers-page",
    title: "Headers",
    visibility: "public",
    includeAll: "on",
    showSatellites: "",
    allowedOrigins: "https://intranet.example.com",
  });
  gateway = await startGateway();
});

afterAll(() => gateway.close());

function expectSecurityHeaders(res: Response) {
  expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  expect(res.headers.get("permissions-policy")).toContain("camera=()");
  expect(res.headers.get("strict-transport-security")).toMatch(/^max-age=\d{7,}/);
  expect(res.headers.get("content-security-policy")).toContain("frame-ancestors");
}

describe("headers on the machine path", () => {
  it("are on answers, errors and refusals alike", async () => {
    const answers: [string, RequestInit, number][] = [
      ["/healthz", {}, 200],
      ["/api/status/headers-page", {}, 200],
      ["/api/status/headers-page/badge.svg", {}, 200],
      ["/status/headers-page/feed.atom", {}, 200],
      ["/api/status/no-such-page", {}, 404],
      ["/api/agent/v1/nothing-here", {}, 404],
      [
        "/api/agent/v1/heartbeat",
        { method: "POST", body: "{}", headers: { "content-type": "application/json" } },
        401,
      ],
      ["/api/agent/v1/heartbeat", { method: "GET" }, 405],
    ];
    for (const [path, init, status] of answers) {
      const res = await fetch(`${gateway.url}${path}`, init);
      expect(res.status, path).toBe(status);
      expectSecurityHeaders(res);
    }
  });

  it("lets data answers load and run nothing, and nothing frame them", async () => {
    for (const path of ["/api/status/headers-page", "/api/status/no-such-page", "/healthz"]) {
      const csp = (await fetch(`${gateway.url}${path}`)).headers.get("content-security-policy") ?? "";
      expect(csp, path).toContain("default-src 'none'");
      expect(csp, path).toContain("frame-ancestors 'none'");
    }
  });

  it("keeps the embed's own policy, framable from the page's origins only", async () => {
    const res = await fetch(`${gateway.url}/embed/status/headers-page`);
    expectSecurityHeaders(res);
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("frame-ancestors 'self' https://intranet.example.com");
    expect(csp).toContain("default-src 'none'");
  });
});
