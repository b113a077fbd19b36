import { beforeAll, describe, expect, it, vi } from "vitest";
import { ctxAs, seedRegions, type UserCtx } from "../../../test/factories";
import type { Ctx } from "../../auth/context";
import type { Role } from "../../auth/policy";
import { contentEtag } from "../../cache/tagged-json";
import { db } from "../../db";
import { advanceRollouts } from "../../reconciler/rollouts";
import {
  ackOpenCommands,
  beat,
  makeRelease,
  makeSatellite,
  type TestSatellite,
} from "../../rollouts/test-helpers";
import { createApiToken } from "../../tokens/create";
import { dispatch } from "../dispatch";
import { openApiDocument } from "../openapi";
import { operations } from "../registry";

// The console's session: only requests that carry a cookie ask for it.
const session = vi.hoisted(() => ({ ctx: null as Ctx | null }));
vi.mock("@/server/auth/session", () => ({ getCtx: async () => session.ctx }));

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let owner: UserCtx;
const tokens = {} as Record<"admin" | "operator" | "viewer" | "eu" | "us", string>;

async function tokenFor(role: Role, regionIds?: string[]): Promise<string> {
  const person = await ctxAs(role, regionIds ?? []);
  return (await createApiToken(person, { name: `${role} pipeline`, role, regionIds })).secret;
}

function call(secret: string | null, method: string, path: string, body?: unknown, headers = {}) {
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
const json = async (res: Response) => (await res.json()) as Json;

async function fleet(n: number, regionId = "eu-gdpr"): Promise<TestSatellite[]> {
  const out: TestSatellite[] = [];
  for (let i = 0; i < n; i++) out.push(await makeSatellite(owner, new Date(), { regionId }));
  return out;
}
const ids = (sats: TestSatellite[]) => sats.map((s) => s.id);

/** The reconciler and the agents, in real time, until the rollout's status is one of `until`. */
async function drive(id: string, sats: TestSatellite[], until: string[], fail = new Set<string>()) {
  for (let i = 0; i < 40; i++) {
    await beat(ids(sats), new Date());
    await advanceRollouts(new Date());
    const { status } = await db.rollout.findUniqueOrThrow({ where: { id } });
    if (until.includes(status)) return status;
    await ackOpenCommands(id, new Date(), fail);
  }
  throw new Error(`rollout ${id} never reached ${until.join(" or ")}`);
}

async function start(secret: string, body: Json): Promise<Json> {
  const res = await call(secret, "POST", "/rollouts", body);
  expect(res.status, JSON.stringify(await res.clone().json())).toBe(202);
  return json(res);
}

beforeAll(async () => {
  await seedRegions();
  owner = await ctxAs("admin");
  tokens.admin = await tokenFor("admin");
  tokens.operator = await tokenFor("operator");
  tokens.viewer = await tokenFor("viewer");
  tokens.eu = await tokenFor("operator", ["eu-gdpr"]);
  tokens.us = await tokenFor("operator", ["us-fedramp"]);
});

describe("POST /rollouts", () => {
  it("starts a rollout with the console's plan: 202 with its waves and progress", async () => {
    const sats = await fleet(6);
    const release = await makeRelease();
    const body = await start(tokens.operator, {
      releaseId: release.id,
      satellites: ids(sats),
      waves: [1, 10, 50, 100],
      canarySize: 2,
      bakeMinutes: 0,
      failureThresholdPct: 25,
      name: "Kernel fix, EU edge",
    });
    expect(body).toMatchObject({
      name: "Kernel fix, EU edge",
      status: "running",
      release: { id: release.id, version: release.version },
      failureThresholdPct: 25,
      bakeMinutes: 0,
      counts: { total: 6, pending: 6 },
    });
    expect(body.waves[0]).toMatchObject({ index: 0, counts: { total: 2 } });
    expect(body.waves.reduce((n: number, w: Json) => n + w.counts.total, 0)).toBe(6);
    expect(body.targets).toHaveLength(6);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { targetId: body.id, action: "rollout.create" },
    });
    expect(audit.actorType).toBe("apiToken");
  });

  it("names the wrong field, and answers no 500 for what a client can send", async () => {
    const release = await makeRelease();
    const [sat] = await fleet(1);
    for (const [input, field] of [
      [{ releaseId: release.id, satellites: [sat.id], waves: [50, 10] }, "waves[1]"],
      [{ releaseId: release.id, satellites: [sat.id], waves: [10, 50] }, "waves[1]"],
      [{ releaseId: release.id, satellites: [sat.id], bakeMinutes: "soon" }, "bakeMinutes"],
      [{ releaseId: release.id, satellites: [sat.id], canarySize: 0 }, "canarySize"],
      [{ releaseId: release.id, kinds: ["moon"] }, "kinds[0]"],
      [{ satellites: [sat.id] }, "releaseId"],
    ] as const) {
      const res = await call(tokens.operator, "POST", "/rollouts", input);
      expect(res.status, JSON.stringify(input)).toBe(422);
      expect((await json(res)).errors[0].field, JSON.stringify(input)).toBe(field);
    }
    for (const raw of ["[]", "null", '{"releaseId": {"id": 1}}', '{"waves": "all"}', "{"]) {
      const res = await call(tokens.operator, "POST", "/rollouts", raw);
      expect(res.status, raw).toBeGreaterThanOrEqual(400);
      expect(res.status, raw).toBeLessThan(500);
    }
    const unknown = await call(tokens.operator, "POST", "/rollouts", {
      releaseId: "nope",
      satellites: [sat.id],
    });
    expect(unknown.status).toBeLessThan(500);
  });

  it("holds a region scope: a scoped token cannot start a rollout touching another region", async () => {
    const release = await makeRelease(["eu-gdpr", "us-fedramp"]);
    const eu = await fleet(1, "eu-gdpr");
    const us = await fleet(1, "us-fedramp");
    const outside = await call(tokens.eu, "POST", "/rollouts", {
      releaseId: release.id,
      satellites: ids([...eu, ...us]),
    });
    expect(outside.status).toBe(403);
    expect((await json(outside)).detail).toContain("us-fedramp");
    const byRegion = await call(tokens.eu, "POST", "/rollouts", {
      releaseId: release.id,
      regionIds: ["us-fedramp"],
    });
    expect(byRegion.status).toBe(403);
    expect(await db.rollout.count({ where: { releaseId: release.id } })).toBe(0);
    const inside = await start(tokens.eu, { releaseId: release.id, satellites: ids(eu) });
    expect(inside.status).toBe("running");
    const preview = await json(
      await call(tokens.eu, "POST", "/rollouts/preview", { releaseId: release.id, satellites: ids(us) }),
    );
    expect(preview.blockers.join(" ")).toContain("us-fedramp");
  });

  it("is for operators: a viewer token gets 403, no token 401", async () => {
    const release = await makeRelease();
    const [sat] = await fleet(1);
    const input = { releaseId: release.id, satellites: [sat.id] };
    expect((await call(tokens.viewer, "POST", "/rollouts", input)).status).toBe(403);
    expect((await call(null, "POST", "/rollouts", input)).status).toBe(401);
    expect((await call(null, "GET", "/rollouts")).status).toBe(401);
  });

  it("replays an Idempotency-Key: a retried start answers the first rollout and starts nothing new", async () => {
    const release = await makeRelease();
    const sats = await fleet(2);
    const input = { releaseId: release.id, satellites: ids(sats), isDraft: true };
    const key = `deploy-${release.version}`;
    const first = await call(tokens.operator, "POST", "/rollouts", input, { "idempotency-key": key });
    expect(first.status).toBe(202);
    const replay = await call(tokens.operator, "POST", "/rollouts", input, { "idempotency-key": key });
    expect(replay.status).toBe(202);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect((await json(replay)).id).toBe((await json(first)).id);
    expect(await db.rollout.count({ where: { releaseId: release.id } })).toBe(1);
    const other = { ...input, name: "another" };
    expect((await call(tokens.operator, "POST", "/rollouts", other, { "idempotency-key": key })).status).toBe(
      422,
    );
  });
});

describe("GET /rollouts", () => {
  it("pages newest first with cursors, filtered by status group and by release id or version", async () => {
    const release = await makeRelease();
    const created: string[] = [];
    for (let i = 0; i < 5; i++) {
      const sats = await fleet(1);
      const body = await start(tokens.operator, {
        releaseId: release.id,
        satellites: ids(sats),
        isDraft: i % 2 === 0,
      });
      created.push(body.id);
    }
    const seen: string[] = [];
    let next: string | null = `/rollouts?release=${release.version}&limit=2`;
    while (next) {
      const page = await json(await call(tokens.viewer, "GET", next.replace(/^\/api\/v1/, "")));
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((r: Json) => r.id));
      next = page.next;
    }
    expect(new Set(seen).size).toBe(5);
    expect([...seen].sort()).toEqual([...created].sort());
    const rows = await db.rollout.findMany({
      where: { releaseId: release.id },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    });
    expect(seen).toEqual(rows.map((r) => r.id));
    const drafts = await json(
      await call(tokens.viewer, "GET", `/rollouts?release=${release.id}&status=draft`),
    );
    expect(drafts.items.map((r: Json) => r.status)).toEqual(["draft", "draft", "draft"]);
    const running = await json(
      await call(tokens.viewer, "GET", `/rollouts?release=${release.id}&status=running`),
    );
    expect(running.items).toHaveLength(2);
    expect(running.items[0]).toMatchObject({
      release: { id: release.id },
      counts: { total: 1 },
      waveCount: 1,
    });
    for (const [query, field] of [
      ["status=sideways", "status"],
      ["limit=0", "limit"],
      ["cursor=bm9wZQ", "cursor"],
    ]) {
      const res = await call(tokens.viewer, "GET", `/rollouts?${query}`);
      expect(res.status, query).toBe(422);
      expect((await json(res)).errors[0].field).toBe(field);
    }
  });

  it("gets one rollout with an ETag; an unchanged rollout answers 304, an unknown one 404", async () => {
    const release = await makeRelease();
    const { id } = await start(tokens.operator, {
      releaseId: release.id,
      satellites: ids(await fleet(1)),
      isDraft: true,
    });
    const first = await call(tokens.viewer, "GET", `/rollouts/${id}`);
    expect(first.status).toBe(200);
    const body = await json(first);
    expect(body).toMatchObject({ id, status: "draft", can: { pause: false, start: false } });
    const etag = first.headers.get("etag") ?? "";
    expect(
      (await call(tokens.viewer, "GET", `/rollouts/${id}`, undefined, { "if-none-match": etag })).status,
    ).toBe(304);
    expect((await call(tokens.viewer, "GET", "/rollouts/nope")).status).toBe(404);
    expect((await call(tokens.viewer, "GET", "/rollouts/preview")).status).toBe(404);
  });
});

it("serves the console's live poll on the session: 200 with the body's ETag, 304 unchanged, problems untagged", async () => {
  const release = await makeRelease();
  const { id } = await start(tokens.operator, { releaseId: release.id, satellites: ids(await fleet(1)) });
  session.ctx = await ctxAs("viewer");
  const poll = (path: string, headers: Record<string, string> = {}) =>
    call(null, "GET", path, undefined, { cookie: "next-auth.session-token=x", ...headers });
  const first = await poll(`/rollouts/${id}`);
  expect(first.status).toBe(200);
  expect(first.headers.get("cache-control")).toBe("private, no-store");
  const text = await first.text();
  expect(JSON.parse(text)).toMatchObject({ id, status: "running", can: { pause: false } });
  expect(first.headers.get("etag")).toBe(contentEtag(text));
  const again = await poll(`/rollouts/${id}`, { "if-none-match": first.headers.get("etag") ?? "" });
  expect(again.status).toBe(304);
  const missing = await poll("/rollouts/nope");
  expect(missing.status).toBe(404);
  expect(missing.headers.get("etag")).toBeNull();
  session.ctx = { actor: null };
  const signedOut = await poll(`/rollouts/${id}`, { "if-none-match": "*" });
  expect(signedOut.status).toBe(401);
  expect(signedOut.headers.get("etag")).toBeNull();
  expect((await json(signedOut)).code).toBe("UNAUTHORIZED");
});

describe("rollout actions", () => {
  it("pause from any region; resume, roll back and cancel only within the token's scope", async () => {
    const release = await makeRelease();
    const sats = await fleet(2, "eu-gdpr");
    const { id } = await start(tokens.operator, {
      releaseId: release.id,
      satellites: ids(sats),
      bakeMinutes: 0,
    });
    const noReason = await call(tokens.us, "POST", `/rollouts/${id}/pause`, {});
    expect(noReason.status).toBe(422);
    expect((await json(noReason)).errors[0].field).toBe("reason");
    expect(
      (await call(tokens.viewer, "POST", `/rollouts/${id}/pause`, { reason: "looks wrong" })).status,
    ).toBe(403);
    const paused = await call(tokens.us, "POST", `/rollouts/${id}/pause`, {
      reason: "error rates in the EU",
    });
    expect(paused.status).toBe(200);
    expect(await json(paused)).toMatchObject({
      id,
      status: "paused",
      pausedReason: expect.stringContaining("error rates"),
    });
    const again = await call(tokens.us, "POST", `/rollouts/${id}/pause`, { reason: "twice" });
    expect(again.status).toBe(412);

    expect((await call(tokens.us, "POST", `/rollouts/${id}/resume`, {})).status).toBe(403);
    const skip = await call(tokens.eu, "POST", `/rollouts/${id}/resume`, { failedTargets: "sometimes" });
    expect((await json(skip)).errors[0].field).toBe("failedTargets");
    const resumed = await call(tokens.eu, "POST", `/rollouts/${id}/resume`);
    expect(resumed.status).toBe(200);
    expect((await json(resumed)).status).toBe("running");

    expect((await call(tokens.us, "POST", `/rollouts/${id}/rollback`, {})).status).toBe(403);
    const back = await call(tokens.eu, "POST", `/rollouts/${id}/rollback`, { reason: "bad build" });
    expect(back.status).toBe(200);
    expect((await json(back)).status).toBe("rolling_back");
    expect((await call(tokens.eu, "POST", `/rollouts/${id}/cancel`)).status).toBe(412);

    const other = await start(tokens.operator, {
      releaseId: release.id,
      satellites: ids(await fleet(1)),
      isDraft: true,
    });
    expect((await call(tokens.us, "POST", `/rollouts/${other.id}/cancel`)).status).toBe(403);
    const cancelled = await call(tokens.eu, "POST", `/rollouts/${other.id}/cancel`, { reason: "not today" });
    expect(cancelled.status).toBe(200);
    expect((await json(cancelled)).status).toBe("aborted");
    expect(await db.auditEvent.count({ where: { targetId: other.id, action: "rollout.abort" } })).toBe(1);
    expect((await call(tokens.eu, "POST", "/rollouts/nope/cancel")).status).toBe(404);
  });

  it("starts a draft within scope", async () => {
    const release = await makeRelease();
    const { id } = await start(tokens.operator, {
      releaseId: release.id,
      satellites: ids(await fleet(1)),
      isDraft: true,
    });
    expect((await call(tokens.us, "POST", `/rollouts/${id}/start`)).status).toBe(403);
    const started = await call(tokens.eu, "POST", `/rollouts/${id}/start`);
    expect(started.status).toBe(200);
    expect((await json(started)).status).toBe("running");
  });

  it("approves the wave a rollout waits at: admins only, and only that wave", async () => {
    const release = await makeRelease();
    const sats = await fleet(3);
    const body = {
      releaseId: release.id,
      satellites: ids(sats),
      waves: [100],
      bakeMinutes: 0,
      requireApproval: true,
    };
    const { id } = await start(tokens.operator, body);
    expect(await drive(id, sats, ["awaiting_approval"])).toBe("awaiting_approval");
    expect((await call(tokens.operator, "POST", `/rollouts/${id}/approve`, { wave: 1 })).status).toBe(403);
    const missing = await call(tokens.admin, "POST", `/rollouts/${id}/approve`, {});
    expect((await json(missing)).errors[0].field).toBe("wave");
    expect((await call(tokens.admin, "POST", `/rollouts/${id}/approve`, { wave: 2 })).status).toBe(412);
    const approved = await call(tokens.admin, "POST", `/rollouts/${id}/approve`, { wave: 1 });
    expect(approved.status).toBe(200);
    expect((await json(approved)).waves[1]).toMatchObject({ index: 1, approvedBy: expect.any(String) });
    expect(await drive(id, sats, ["completed"])).toBe("completed");
  });

  it("retries the satellites a rollout left behind: 202 with the new rollout, within scope", async () => {
    const release = await makeRelease();
    const sats = await fleet(3);
    const input = {
      releaseId: release.id,
      satellites: ids(sats),
      waves: [100],
      bakeMinutes: 0,
      failureThresholdPct: 60,
    };
    const { id } = await start(tokens.operator, input);
    await advanceRollouts(new Date());
    const canary = await db.rolloutTarget.findFirstOrThrow({ where: { rolloutId: id, state: "upgrading" } });
    const left = sats.find((s) => s.id !== canary.satelliteId) as TestSatellite;
    expect(await drive(id, sats, ["completed_with_exceptions"], new Set([left.id]))).toBe(
      "completed_with_exceptions",
    );
    expect((await call(tokens.us, "POST", `/rollouts/${id}/retry`)).status).toBe(403);
    const retried = await call(tokens.eu, "POST", `/rollouts/${id}/retry`);
    expect(retried.status).toBe(202);
    const fresh = await json(retried);
    expect(fresh.id).not.toBe(id);
    expect(fresh.targets.map((t: Json) => t.satelliteId)).toEqual([left.id]);
    expect((await call(tokens.eu, "POST", `/rollouts/${fresh.id}/retry`)).status).toBe(412);
  });
});

it("documents every rollout and release operation in the OpenAPI document", () => {
  const doc = openApiDocument(operations(), "test") as Json;
  const ops = Object.values(doc.paths as Json).flatMap((p: Json) =>
    Object.values(p).map((o: Json) => o.operationId),
  );
  for (const id of [
    "listReleases",
    "getRelease",
    "createRelease",
    "updateRelease",
    "deleteRelease",
    "listRollouts",
    "getRollout",
    "createRollout",
    "previewRollout",
    "pauseRollout",
    "resumeRollout",
    "approveRolloutWave",
    "rollBackRollout",
    "cancelRollout",
    "startRollout",
    "retryRolloutLeftBehind",
  ]) {
    expect(ops).toContain(id);
  }
  expect(doc.components.schemas).toHaveProperty("Rollout");
  expect(doc.components.schemas).toHaveProperty("Release");
});
