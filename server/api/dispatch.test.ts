import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { ctxAs, seedRegions, type UserCtx } from "../../test/factories";
import { authorize } from "../auth/context";
import { db } from "../db";
import { AppError, parseInput } from "../errors";
import { createApiToken } from "../tokens/create";
import { revokeApiToken } from "../tokens/tokens";
import { dispatch } from "./dispatch";
import { compile } from "./match";
import { op } from "./operation";
import { pageFrom, pageQuery } from "./pagination";

// server/env.ts reads the limit when it is first imported, so it is set before any import.
vi.hoisted(() => {
  process.env.API_RATE_PER_MINUTE = "40";
});

// The frame on operations of its own: what every resource inherits, tested once.
const Note = z.object({ text: z.string().min(1).max(20).meta({ label: "Text" }) });
const notes = new Map<string, { id: string; text: string }>();
let made = 0;

const table = compile([
  op({
    method: "GET",
    path: "/notes",
    id: "listNotes",
    summary: "List notes",
    tags: ["Notes"],
    query: pageQuery,
    handler: async (ctx, { query, req }) => {
      authorize(ctx, "satellites.read");
      const { limit, cursor } = parseInput(pageQuery, query);
      const after = cursor ? Number(JSON.parse(Buffer.from(cursor, "base64url").toString())) : -1;
      const rows = Array.from({ length: 7 }, (_, i) => i).filter((i) => i > after);
      return pageFrom(rows.slice(0, limit + 1), limit, (i) => i, req.url);
    },
  }),
  op({
    method: "POST",
    path: "/notes",
    id: "createNote",
    summary: "Make a note",
    tags: ["Notes"],
    body: Note,
    status: 201,
    handler: async (ctx, { body }) => {
      authorize(ctx, "commands.write");
      const { text } = parseInput(Note, body);
      made += 1;
      const note = { id: `n${made}`, text };
      notes.set(note.id, note);
      return note;
    },
  }),
  op<{ id: string }>({
    method: "PATCH",
    path: "/notes/{id}",
    id: "updateNote",
    summary: "Change a note",
    tags: ["Notes"],
    params: z.object({ id: z.string() }),
    body: Note,
    current: async (_ctx, { id }) => notes.get(id),
    handler: async (ctx, { params, body }) => {
      authorize(ctx, "commands.write");
      const note = notes.get(params.id);
      if (!note) throw new AppError("NOT_FOUND", "No such note.");
      note.text = parseInput(Note, body).text;
      return note;
    },
  }),
  op({
    method: "GET",
    path: "/boom",
    id: "boom",
    summary: "Fails inside",
    tags: ["Notes"],
    handler: async () => {
      throw new Error("secret database detail");
    },
  }),
]);

let operator: UserCtx;
let viewer: UserCtx;
let operatorSecret: string;
let viewerSecret: string;

beforeAll(async () => {
  await seedRegions();
  operator = await ctxAs("operator");
  viewer = await ctxAs("viewer");
  operatorSecret = (await createApiToken(operator, { name: "frame-operator", role: "operator" })).secret;
  viewerSecret = (await createApiToken(viewer, { name: "frame-viewer", role: "viewer" })).secret;
});
afterAll(async () => {
  await db.idempotencyRecord.deleteMany({});
});

function call(
  method: string,
  path: string,
  opts: { secret?: string; body?: unknown; headers?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.secret) headers.authorization = `Bearer ${opts.secret}`;
  let body: string | undefined;
  if (opts.body !== undefined) {
    body = typeof opts.body === "string" ? opts.body : JSON.stringify(opts.body);
    headers["content-type"] ??= "application/json";
  }
  return dispatch(new Request(`http://localhost/api/v1${path}`, { method, headers, body }), table);
}

describe("the REST frame", () => {
  it("answers an unknown path and a wrong method as problems, with Allow", async () => {
    const missing = await call("GET", "/nope", { secret: operatorSecret });
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-type")).toBe("application/problem+json");
    expect((await missing.json()).type).toBe("urn:orrery:problem:not-found");
    const wrong = await call("DELETE", "/notes", { secret: operatorSecret });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("GET, POST");
  });

  it("gives nothing to an anonymous call or a bad token, and never falls back to a cookie", async () => {
    const anonymous = await call("GET", "/notes");
    expect(anonymous.status).toBe(401);
    const forged = await call("GET", "/notes", {
      secret: "orr_not-a-real-token-at-all",
      headers: { cookie: "x=1" },
    });
    expect(forged.status).toBe(401);
    expect((await forged.json()).detail).toMatch(/not valid/);
    const basic = await call("GET", "/notes", { headers: { authorization: "Basic abc" } });
    expect(basic.status).toBe(401);
  });

  it("refuses a viewer's token an operator's work, and a revoked token at once", async () => {
    const refused = await call("POST", "/notes", { secret: viewerSecret, body: { text: "drain" } });
    expect(refused.status).toBe(403);
    expect((await refused.json()).code).toBe("FORBIDDEN");
    const { token, secret } = await createApiToken(operator, { name: "short-lived", role: "operator" });
    expect((await call("GET", "/notes", { secret })).status).toBe(200);
    await revokeApiToken(operator, token.id);
    expect((await call("GET", "/notes", { secret })).status).toBe(401);
  });

  it("names the failing field, and refuses a body that is not JSON", async () => {
    const bad = await call("POST", "/notes", { secret: operatorSecret, body: { text: "" } });
    expect(bad.status).toBe(422);
    const problem = await bad.json();
    expect(problem.errors[0].field).toBe("text");
    expect(problem.errors[0].message).toMatch(/Text/);
    const notJson = await call("POST", "/notes", { secret: operatorSecret, body: "{oops" });
    expect(notJson.status).toBe(400);
    const form = await call("POST", "/notes", {
      secret: operatorSecret,
      body: "text=a",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(form.status).toBe(415);
  });

  it("pages with a next link until the last page, and refuses a forged cursor", async () => {
    const seen: number[] = [];
    let next: string | null = "/notes?limit=3";
    while (next) {
      const res = await call("GET", next.replace(/^\/api\/v1/, ""), { secret: operatorSecret });
      const page = (await res.json()) as { items: number[]; next: string | null };
      seen.push(...page.items);
      next = page.next;
    }
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const tooMany = await call("GET", "/notes?limit=501", { secret: operatorSecret });
    expect(tooMany.status).toBe(422);
    expect((await tooMany.json()).errors[0].field).toBe("limit");
  });

  it("replays a repeated Idempotency-Key, and refuses the key with another body", async () => {
    const headers = { "idempotency-key": "deploy-42" };
    const first = await call("POST", "/notes", { secret: operatorSecret, body: { text: "once" }, headers });
    const again = await call("POST", "/notes", { secret: operatorSecret, body: { text: "once" }, headers });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await again.json()).toEqual(await first.json());
    expect([...notes.values()].filter((n) => n.text === "once")).toHaveLength(1);
    const other = await call("POST", "/notes", { secret: operatorSecret, body: { text: "twice" }, headers });
    expect(other.status).toBe(422);
    expect((await other.json()).errors[0].field).toBe("Idempotency-Key");
    // Keys belong to their caller: another token's same key is its own.
    const otherCaller = (await createApiToken(operator, { name: "second", role: "operator" })).secret;
    const fresh = await call("POST", "/notes", { secret: otherCaller, body: { text: "once" }, headers });
    expect(fresh.headers.get("idempotent-replayed")).toBeNull();
  });

  it("refuses a NUL character anywhere in the input, naming where, instead of failing inside", async () => {
    const inBody = await call("POST", "/notes", { secret: operatorSecret, body: { text: "a\u0000b" } });
    expect(inBody.status).toBe(422);
    expect((await inBody.json()).errors[0].field).toBe("text");
    const inQuery = await call("GET", "/notes?cursor=%00", { secret: operatorSecret });
    expect(inQuery.status).toBe(422);
    expect((await inQuery.json()).errors[0].field).toBe("cursor");
    const inPath = await call("PATCH", "/notes/%00", { secret: operatorSecret, body: { text: "x" } });
    expect(inPath.status).toBe(422);
    expect((await inPath.json()).errors[0].field).toBe("id");
  });

  it("refuses a write under a stale If-Match with 412 and changes nothing", async () => {
    const created = await (
      await call("POST", "/notes", { secret: operatorSecret, body: { text: "v1" } })
    ).json();
    const first = await call("PATCH", `/notes/${created.id}`, {
      secret: operatorSecret,
      body: { text: "v2" },
    });
    const etag = first.headers.get("etag") ?? "";
    expect(etag).not.toBe("");
    const stale = await call("PATCH", `/notes/${created.id}`, {
      secret: operatorSecret,
      body: { text: "v3" },
      headers: { "if-match": '"an-old-version"' },
    });
    expect(stale.status).toBe(412);
    expect(notes.get(created.id)?.text).toBe("v2");
    const fresh = await call("PATCH", `/notes/${created.id}`, {
      secret: operatorSecret,
      body: { text: "v3" },
      headers: { "if-match": etag },
    });
    expect(fresh.status).toBe(200);
  });

  it("limits each token's rate with 429 and Retry-After, leaving other tokens alone", async () => {
    const busy = (await createApiToken(operator, { name: "busy", role: "operator" })).secret;
    const statuses: number[] = [];
    for (let i = 0; i < 41; i++)
      statuses.push((await call("GET", "/notes?limit=1", { secret: busy })).status);
    expect(statuses.slice(0, 40).every((s) => s === 200)).toBe(true);
    const limited = await call("GET", "/notes?limit=1", { secret: busy });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await call("GET", "/notes?limit=1", { secret: viewerSecret })).status).toBe(200);
  });

  it("keeps every answer out of caches and says nothing internal on a failure", async () => {
    const res = await call("GET", "/boom", { secret: operatorSecret });
    expect(res.status).toBe(500);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    const text = await res.text();
    expect(text).not.toContain("secret database detail");
    expect(JSON.parse(text).detail).toMatch(/request /);
    const ok = await call("GET", "/notes", { secret: operatorSecret });
    expect(ok.headers.get("cache-control")).toBe("private, no-store");
    expect(ok.headers.get("x-content-type-options")).toBe("nosniff");
  });
});
