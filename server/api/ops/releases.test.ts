import { beforeAll, describe, expect, it } from "vitest";
import { ctxAs, seedRegions } from "../../../test/factories";
import type { Role } from "../../auth/policy";
import { db } from "../../db";
import { createRollout } from "../../rollouts/create";
import { makeSatellite } from "../../rollouts/test-helpers";
import { createApiToken } from "../../tokens/create";
import { dispatch } from "../dispatch";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let admin: string;
let operator: string;
let viewer: string;
let run = 0;

async function tokenFor(role: Role, regionIds?: string[]): Promise<string> {
  const owner = await ctxAs(role, regionIds ?? []);
  return (await createApiToken(owner, { name: `${role} automation`, role, regionIds })).secret;
}

function call(
  secret: string | null,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return dispatch(
    new Request(`http://localhost/api/v1${path}`, {
      method,
      headers: {
        ...(secret ? { authorization: `Bearer ${secret}` } : {}),
        "content-type": "application/json",
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
}

async function json(res: Response): Promise<Json> {
  return (await res.json()) as Json;
}

const version = () => `2031.${++run}.${Math.floor(Math.random() * 1000)}`;
const newRelease = (overrides: Json = {}) => ({
  version: version(),
  notes: "Kernel and ingress updates.",
  artifactSizeMb: 2400,
  regionIds: ["eu-gdpr", "us-fedramp"],
  minAgentVersion: "1.4.0",
  ...overrides,
});

beforeAll(async () => {
  await seedRegions();
  admin = await tokenFor("admin");
  operator = await tokenFor("operator");
  viewer = await tokenFor("viewer");
});

describe("POST /releases", () => {
  it("publishes a release certified for its regions: 201 with the release, audited with the token's name", async () => {
    const input = newRelease({ regionIds: ["us-fedramp", "eu-gdpr", "eu-gdpr"] });
    const res = await call(admin, "POST", "/releases", input);
    expect(res.status).toBe(201);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    const body = await json(res);
    expect(body).toMatchObject({
      version: input.version,
      artifactSizeMb: 2400,
      minAgentVersion: "1.4.0",
      regionIds: ["eu-gdpr", "us-fedramp"],
      satelliteCount: 0,
      rolloutCount: 0,
      activeRolloutCount: 0,
    });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { targetId: body.id, action: "release.create" },
    });
    expect(audit).toMatchObject({
      actorType: "apiToken",
      actorLabel: expect.stringContaining("admin automation"),
    });
  });

  it("names the wrong field in a problem, and never answers 500 for what a client can send", async () => {
    const bad = await call(admin, "POST", "/releases", newRelease({ version: "v-next" }));
    expect(bad.status).toBe(422);
    expect(bad.headers.get("content-type")).toContain("application/problem+json");
    const problem = await json(bad);
    expect(problem.code).toBe("VALIDATION");
    expect(problem.errors[0].field).toBe("version");
    const unknownRegion = await json(
      await call(admin, "POST", "/releases", newRelease({ regionIds: ["xx"] })),
    );
    expect(unknownRegion.errors[0]).toMatchObject({
      field: "regionIds",
      message: expect.stringContaining("xx"),
    });
    const missing = await json(await call(admin, "POST", "/releases", {}));
    expect(missing.errors.map((e: Json) => e.field)).toEqual(
      expect.arrayContaining(["version", "artifactSizeMb", "regionIds", "minAgentVersion"]),
    );
    for (const body of ["[1, 2]", '"text"', "null", "{", "42", JSON.stringify({ version: { $gt: "" } })]) {
      const res = await call(admin, "POST", "/releases", body);
      expect(res.status, body).toBeGreaterThanOrEqual(400);
      expect(res.status, body).toBeLessThan(500);
    }
  });

  it("refuses a duplicate version with 409 naming the version", async () => {
    const input = newRelease();
    expect((await call(admin, "POST", "/releases", input)).status).toBe(201);
    const again = await call(admin, "POST", "/releases", input);
    expect(again.status).toBe(409);
    expect((await json(again)).errors[0].field).toBe("version");
  });

  it("is for admins: an operator or viewer token gets 403, no token 401", async () => {
    for (const secret of [operator, viewer]) {
      const res = await call(secret, "POST", "/releases", newRelease());
      expect(res.status).toBe(403);
      expect((await json(res)).code).toBe("FORBIDDEN");
    }
    expect((await call(null, "POST", "/releases", newRelease())).status).toBe(401);
    expect((await call("orr_not-a-real-token", "GET", "/releases")).status).toBe(401);
  });

  it("replays an Idempotency-Key: the same body answers the first release, another body 422", async () => {
    const input = newRelease();
    const key = `publish-${input.version}`;
    const first = await call(admin, "POST", "/releases", input, { "idempotency-key": key });
    expect(first.status).toBe(201);
    const replay = await call(admin, "POST", "/releases", input, { "idempotency-key": key });
    expect(replay.status).toBe(201);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(await json(replay)).toEqual(await json(first));
    expect(await db.release.count({ where: { version: input.version } })).toBe(1);
    const other = await call(admin, "POST", "/releases", newRelease(), { "idempotency-key": key });
    expect(other.status).toBe(422);
    expect((await json(other)).errors[0].field).toBe("Idempotency-Key");
  });
});

describe("GET /releases", () => {
  it("pages newest first with cursors: following next reaches every release once", async () => {
    for (let i = 0; i < 5; i++) await call(admin, "POST", "/releases", newRelease());
    const all = await db.release.count();
    const seen: string[] = [];
    let next: string | null = "/releases?limit=2";
    let pages = 0;
    while (next) {
      const res = await call(viewer, "GET", next.replace(/^\/api\/v1/, ""));
      expect(res.status).toBe(200);
      const page = await json(res);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((r: Json) => r.id));
      next = page.next;
      pages++;
    }
    expect(pages).toBe(Math.ceil(all / 2));
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(all);
    const rows = await db.release.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
    expect(seen).toEqual(rows.map((r) => r.id));
  });

  it("finds one release by version, and words a bad limit or cursor as a problem on that field", async () => {
    const input = newRelease();
    const { id } = await json(await call(admin, "POST", "/releases", input));
    const found = await json(await call(viewer, "GET", `/releases?version=${input.version}`));
    expect(found).toEqual({ items: [expect.objectContaining({ id, version: input.version })], next: null });
    for (const [query, field] of [
      ["limit=501", "limit"],
      ["limit=abc", "limit"],
      ["cursor=%7Bnope", "cursor"],
      [`cursor=${Buffer.from('["yesterday","x"]').toString("base64url")}`, "cursor"],
      [`version=${"9".repeat(41)}`, "version"],
    ]) {
      const res = await call(viewer, "GET", `/releases?${query}`);
      expect(res.status, query).toBe(422);
      expect((await json(res)).errors[0].field, query).toBe(field);
    }
    expect((await call(null, "GET", "/releases")).status).toBe(401);
  });

  it("gets one release with its ETag, 304 while unchanged, 404 for an unknown id", async () => {
    const { id } = await json(await call(admin, "POST", "/releases", newRelease()));
    const res = await call(viewer, "GET", `/releases/${id}`);
    expect(res.status).toBe(200);
    const etag = res.headers.get("etag") ?? "";
    expect(etag).not.toBe("");
    expect((await call(viewer, "GET", `/releases/${id}`, undefined, { "if-none-match": etag })).status).toBe(
      304,
    );
    const missing = await call(viewer, "GET", "/releases/no-such-release");
    expect(missing.status).toBe(404);
    expect((await call(viewer, "GET", `/releases/${"x".repeat(201)}`)).status).toBe(422);
  });
});

describe("PATCH /releases/{id}", () => {
  it("changes notes and certified regions; a stale If-Match gets 412 and changes nothing", async () => {
    const { id, version: v } = await json(await call(admin, "POST", "/releases", newRelease()));
    const read = await call(admin, "GET", `/releases/${id}`);
    const etag = read.headers.get("etag") ?? "";
    const patched = await call(
      admin,
      "PATCH",
      `/releases/${id}`,
      { notes: "Now with the ingress fix.", regionIds: ["eu-gdpr", "ch-fadp"] },
      { "if-match": etag },
    );
    expect(patched.status).toBe(200);
    expect(await json(patched)).toMatchObject({ id, version: v, regionIds: ["ch-fadp", "eu-gdpr"] });
    expect(patched.headers.get("etag")).not.toBe(etag);
    const stale = await call(admin, "PATCH", `/releases/${id}`, { notes: "lost" }, { "if-match": etag });
    expect(stale.status).toBe(412);
    expect((await db.release.findUniqueOrThrow({ where: { id } })).notes).toBe("Now with the ingress fix.");
    const fresh = patched.headers.get("etag") ?? "";
    const again = await call(admin, "PATCH", `/releases/${id}`, { notes: "" }, { "if-match": fresh });
    expect(again.status).toBe(200);
  });

  it("refuses a new version, an empty region list and a non-object body, each naming the field", async () => {
    const { id } = await json(await call(admin, "POST", "/releases", newRelease()));
    for (const [body, field] of [
      [{ version: "2099.1.0" }, "version"],
      [{ regionIds: [] }, "regionIds"],
      [{ minAgentVersion: "latest" }, "minAgentVersion"],
      ["[]", "body"],
    ] as const) {
      const res = await call(admin, "PATCH", `/releases/${id}`, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect((await json(res)).errors[0].field).toBe(field);
    }
    expect((await call(operator, "PATCH", `/releases/${id}`, { notes: "x" })).status).toBe(403);
    expect((await call(admin, "PATCH", "/releases/nope", { notes: "x" })).status).toBe(404);
  });
});

describe("DELETE /releases/{id}", () => {
  it("deletes an unused release with 204; one a rollout used is kept with 412", async () => {
    const { id } = await json(await call(admin, "POST", "/releases", newRelease()));
    expect((await call(viewer, "DELETE", `/releases/${id}`)).status).toBe(403);
    const etag = (await call(admin, "GET", `/releases/${id}`)).headers.get("etag") ?? "";
    expect((await call(admin, "DELETE", `/releases/${id}`, undefined, { "if-match": '"old"' })).status).toBe(
      412,
    );
    const gone = await call(admin, "DELETE", `/releases/${id}`, undefined, { "if-match": etag });
    expect(gone.status).toBe(204);
    expect(await db.release.findUnique({ where: { id } })).toBeNull();
    expect((await call(admin, "DELETE", `/releases/${id}`)).status).toBe(404);

    const used = await json(await call(admin, "POST", "/releases", newRelease()));
    const adminCtx = await ctxAs("admin");
    const sat = await makeSatellite(adminCtx, new Date());
    await createRollout(adminCtx, { releaseId: used.id, satellites: sat.id, isDraft: true });
    const kept = await call(admin, "DELETE", `/releases/${used.id}`);
    expect(kept.status).toBe(412);
    expect((await json(kept)).detail).toContain("a rollout keeps its release");
  });
});
