import { beforeAll, describe, expect, it, vi } from "vitest";
import { anonymous, ctxAs, satelliteInput, seedRegions } from "@/test/factories";
import type { Ctx } from "../auth/context";
import { registerSatellite } from "../satellites/register";

// The session comes from Next's request cookies; here each test says who is asking.
const session = vi.hoisted(() => ({ ctx: null as Ctx | null }));
vi.mock("@/server/auth/session", () => ({ getCtx: async () => session.ctx }));

const { route } = await import("./route");
const list = (await import("@/app/api/v1/satellites/route")).GET;
const map = (await import("@/app/api/v1/map/route")).GET;

const get = (handler: typeof list, path: string, headers: Record<string, string> = {}) =>
  handler(new Request(`http://orrery.test${path}`, { headers }), undefined);

/** What every answer of route() carries: nothing stores it, nothing frames it, nothing sniffs it. */
function expectPrivateAnswer(res: Response) {
  expect(res.headers.get("cache-control")).toBe("private, no-store");
  expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  expect(res.headers.get("permissions-policy")).toContain("microphone=()");
  const csp = res.headers.get("content-security-policy") ?? "";
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(res.headers.get("x-request-id")).toBeTruthy();
}

beforeAll(async () => {
  await seedRegions();
  await registerSatellite(await ctxAs("admin"), satelliteInput());
});

describe("route() answers for signed-in callers", () => {
  it("the satellites list: private, no-store", async () => {
    session.ctx = await ctxAs("viewer");
    const res = await get(list, "/api/v1/satellites?limit=5");
    expect(res.status).toBe(200);
    expect((await res.json()).total).toBe(1);
    expectPrivateAnswer(res);
  });

  it("the map, and its 304: private, no-store, whatever the handler asked for", async () => {
    session.ctx = await ctxAs("viewer");
    const res = await get(map, "/api/v1/map");
    expect(res.status).toBe(200);
    expectPrivateAnswer(res);
    const again = await get(map, "/api/v1/map", { "if-none-match": res.headers.get("etag") ?? "" });
    expect(again.status).toBe(304);
    expectPrivateAnswer(again);
  });

  it("an error (bad input) and a refusal (signed out) carry the same headers", async () => {
    session.ctx = await ctxAs("viewer");
    const bad = await get(list, "/api/v1/satellites?health=purple");
    expect(bad.status).toBe(422);
    expectPrivateAnswer(bad);
    session.ctx = anonymous;
    const out = await get(list, "/api/v1/satellites");
    expect(out.status).toBe(401);
    expectPrivateAnswer(out);
    const outMap = await get(map, "/api/v1/map");
    expect(outMap.status).toBe(401);
    expectPrivateAnswer(outMap);
  });

  it("a handler's own Response, even one with immutable headers, gets them too", async () => {
    session.ctx = await ctxAs("viewer");
    const handler = route(async () => Response.redirect("http://orrery.test/elsewhere", 303));
    const res = await handler(new Request("http://orrery.test/x"), undefined);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("http://orrery.test/elsewhere");
    expectPrivateAnswer(res);
  });

  it("sends no Strict-Transport-Security while Orrery is configured on plain http", async () => {
    session.ctx = await ctxAs("viewer");
    const res = await get(list, "/api/v1/satellites");
    expect(res.headers.get("strict-transport-security")).toBeNull();
  });
});
