import { beforeAll, describe, expect, it, vi } from "vitest";
import { anonymous, ctxAs, satelliteInput, seedRegions } from "@/test/factories";
import { authorize, type Ctx } from "../auth/context";
import { registerSatellite } from "../satellites/register";

// The session comes from Next's request cookies; here each test says who is asking.
const session = vi.hoisted(() => ({ ctx: null as Ctx | null }));
vi.mock("@/server/auth/session", () => ({ getCtx: async () => session.ctx }));

const { queryObject, route } = await import("./route");
const { listSatellites } = await import("../satellites/list");
// A JSON list through route(), as the console's own session-only routes are written.
const list = route(async (ctx, req) => listSatellites(ctx, queryObject(req.url)));
const map = (await import("@/app/api/v1/map/route")).GET;
const { dispatch } = await import("../api/dispatch");
// A rollout's live state is the REST API's getRollout; the console polls it with its session cookie.
const rollout = (path: string, headers: Record<string, string> = {}) =>
  dispatch(
    new Request(`http://orrery.test${path}`, {
      headers: { cookie: "next-auth.session-token=t", ...headers },
    }),
  );
const { contentEtag, tagJson } = await import("../cache/tagged-json");
const { createRollout } = await import("../rollouts/create");
const { makeRelease, makeSatellite } = await import("../rollouts/test-helpers");

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

/** The REST API's answers: the same privacy, and a data-only CSP since they are never rendered. */
function expectPrivateApiAnswer(res: Response) {
  expect(res.headers.get("cache-control")).toBe("private, no-store");
  expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
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

describe("route(handler, { etag: true })", () => {
  const body = { state: { n: 1 } };
  const tagged = route(
    async (ctx) => {
      authorize(ctx, "satellites.read");
      return body.state;
    },
    { etag: true },
  );
  const ask = (headers: Record<string, string> = {}) =>
    tagged(new Request("http://orrery.test/live", { headers }), undefined);

  it("tags the JSON body and answers 304 without a body when If-None-Match holds the tag", async () => {
    session.ctx = await ctxAs("viewer");
    body.state = { n: 1 };
    const res = await ask();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ n: 1 });
    const etag = res.headers.get("etag") ?? "";
    expect(etag).toBe(tagJson({ n: 1 }).etag);
    expectPrivateAnswer(res);
    for (const ifNoneMatch of [etag, `"other", ${etag}`, `W/${etag}`, "*"]) {
      const again = await ask({ "if-none-match": ifNoneMatch });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe("");
      expect(again.headers.get("etag")).toBe(etag);
      expectPrivateAnswer(again);
    }
    body.state = { n: 2 };
    const changed = await ask({ "if-none-match": etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
    expect(await changed.json()).toEqual({ n: 2 });
  });

  it("answers a value tagged once with its own JSON and ETag", async () => {
    session.ctx = await ctxAs("viewer");
    const value = { ...tagJson({ kept: true }), extra: "not sent" };
    const res = await route(async () => value, { etag: true })(
      new Request("http://orrery.test/x"),
      undefined,
    );
    expect(res.headers.get("etag")).toBe(value.etag);
    expect(await res.text()).toBe(value.json);
  });

  it("without the option, no ETag and no 304", async () => {
    session.ctx = await ctxAs("viewer");
    const plain = route(async () => ({ n: 1 }));
    const res = await plain(
      new Request("http://orrery.test/x", { headers: { "if-none-match": "*" } }),
      undefined,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("etag")).toBeNull();
  });

  it("a rollout's live state: 200 with its ETag, then 304 while it is unchanged", async () => {
    const admin = await ctxAs("admin");
    const satellite = await makeSatellite(admin, new Date());
    const release = await makeRelease();
    const { id } = await createRollout(await ctxAs("operator"), {
      releaseId: release.id,
      satellites: satellite.slug,
    });
    session.ctx = await ctxAs("viewer");
    const ask = (headers: Record<string, string> = {}) => rollout(`/api/v1/rollouts/${id}`, headers);
    const first = await ask();
    expect(first.status).toBe(200);
    const text = await first.text();
    expect(JSON.parse(text).id).toBe(id);
    expect(first.headers.get("etag")).toBe(contentEtag(text));
    expectPrivateApiAnswer(first);
    const again = await ask({ "if-none-match": first.headers.get("etag") ?? "" });
    expect(again.status).toBe(304);
    expectPrivateApiAnswer(again);
  });

  it("errors carry no ETag: a refusal and an unknown rollout", async () => {
    session.ctx = anonymous;
    const out = await ask({ "if-none-match": "*" });
    expect(out.status).toBe(401);
    expect(out.headers.get("etag")).toBeNull();
    expectPrivateAnswer(out);
    session.ctx = await ctxAs("viewer");
    const missing = await rollout("/api/v1/rollouts/nope");
    expect(missing.status).toBe(404);
    expect(missing.headers.get("etag")).toBeNull();
    expectPrivateApiAnswer(missing);
  });

  it("the map's ETag is the hash of the body it sends", async () => {
    session.ctx = await ctxAs("viewer");
    const res = await get(map, "/api/v1/map?kind=datacenter");
    const text = await res.text();
    expect(res.headers.get("etag")).toBe(contentEtag(text));
    expect(JSON.parse(text).slug).toEqual([]);
  });
});
