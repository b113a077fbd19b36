import { beforeAll, describe, expect, it } from "vitest";
import { ctxAs, seedRegions, type UserCtx } from "../../../test/factories";
import { db } from "../../db";
import { apiClient, readAll, tokenOf } from "./ops-test-kit";
import { tokenOps } from "./tokens";

const call = apiClient(tokenOps);
let admin: UserCtx;
let viewer: UserCtx;
let adminTok: string;
let viewerTok: string;
let euTok: string;

beforeAll(async () => {
  await seedRegions();
  admin = await ctxAs("admin");
  viewer = await ctxAs("viewer");
  adminTok = await tokenOf(admin);
  viewerTok = await tokenOf(viewer);
  euTok = await tokenOf(await ctxAs("operator", ["eu-gdpr"]));
});

describe("API tokens over the API", () => {
  it("creates a token and answers its secret once", async () => {
    const res = await call("POST", "/tokens", {
      token: viewerTok,
      body: { name: "ci reader", role: "viewer" },
    });
    expect(res.status).toBe(201);
    expect(res.body.secret).toMatch(/^orr_/);
    expect(res.body.token).toMatchObject({ name: "ci reader", role: "viewer", status: "active" });
    expect(res.body.token.owner.id).toBe(viewer.actor.id);
    const list = await call("GET", "/tokens", { token: viewerTok });
    expect(list.status).toBe(200);
    expect(JSON.stringify(list.body)).not.toContain(res.body.secret);
    expect(list.body.items.every((t: { owner: { id: string } }) => t.owner.id === viewer.actor.id)).toBe(
      true,
    );
    // The new token works at once.
    expect((await call("GET", "/tokens", { token: res.body.secret })).status).toBe(200);
  });

  it("never keeps a new token's secret for an Idempotency-Key replay", async () => {
    const headers = { "idempotency-key": "make-reader-once" };
    const body = { name: "keyed reader", role: "viewer" };
    const first = await call("POST", "/tokens", { token: viewerTok, body, headers });
    expect(first.status).toBe(201);
    const stored = await db.idempotencyRecord.findMany({ where: { key: "make-reader-once" } });
    expect(stored).toHaveLength(1);
    expect(stored[0].body).not.toContain(first.body.secret);
    const again = await call("POST", "/tokens", { token: viewerTok, body, headers });
    expect(again.status).toBe(409);
    expect(JSON.stringify(again.body)).not.toContain("orr_");
    expect(await db.apiToken.count({ where: { name: "keyed reader" } })).toBe(1);
  });

  it("names the failing field and keeps a token within its creator's role and regions", async () => {
    const above = await call("POST", "/tokens", { token: viewerTok, body: { name: "x", role: "admin" } });
    expect([above.status, above.body.errors[0].field]).toEqual([422, "role"]);
    const blank = await call("POST", "/tokens", { token: viewerTok, body: { name: "", role: "viewer" } });
    expect([blank.status, blank.body.errors[0].field]).toEqual([422, "name"]);
    const wide = { name: "x", role: "operator", regionIds: ["us-fedramp"] };
    const outside = await call("POST", "/tokens", { token: euTok, body: wide });
    expect([outside.status, outside.body.errors[0].field]).toEqual([422, "regionIds"]);
    const inside = await call("POST", "/tokens", { token: euTok, body: { ...wide, regionIds: ["eu-gdpr"] } });
    expect(inside.status).toBe(201);
    expect(inside.body.token.regionIds).toEqual(["eu-gdpr"]);
    const forOther = await call("POST", "/tokens", {
      token: viewerTok,
      body: { name: "x", role: "viewer", userId: admin.actor.id },
    });
    expect(forOther.status).toBe(403);
    expect((await call("GET", "/tokens")).status).toBe(401);
  });

  it("lists everyone's tokens for an admin only", async () => {
    expect((await call("GET", "/tokens?all=true", { token: viewerTok })).status).toBe(403);
    const all = await call("GET", "/tokens?all=true&limit=500", { token: adminTok });
    expect(all.body.items).toHaveLength(await db.apiToken.count());
    const theirs = await call("GET", `/tokens?userId=${viewer.actor.id}`, { token: adminTok });
    expect(theirs.body.items.every((t: { owner: { id: string } }) => t.owner.id === viewer.actor.id)).toBe(
      true,
    );
  });

  it("revokes a token: it stops at once, and only its owner or an admin may", async () => {
    const { body: made } = await call("POST", "/tokens", {
      token: viewerTok,
      body: { name: "short", role: "viewer" },
    });
    const path = `/tokens/${made.token.id}`;
    expect((await call("DELETE", path, { token: euTok })).status).toBe(403);
    const revoked = await call("DELETE", `${path}?reason=rotated`, { token: viewerTok });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ status: "revoked", revokedReason: "rotated" });
    expect((await call("GET", "/tokens", { token: made.secret })).status).toBe(401);
    expect((await call("DELETE", path, { token: adminTok })).body.status).toBe("revoked");
    expect((await call("DELETE", "/tokens/nope", { token: adminTok })).status).toBe(404);
  });

  it("pages through every token once, newest first", async () => {
    for (let i = 0; i < 4; i++)
      await call("POST", "/tokens", { token: adminTok, body: { name: `t${i}`, role: "viewer" } });
    const total = await db.apiToken.count();
    const { items, sizes } = await readAll(call, "/tokens?all=true&limit=2", adminTok);
    expect(items).toHaveLength(total);
    expect(new Set(items.map((t) => t.id)).size).toBe(total);
    expect(Math.max(...sizes)).toBe(2);
    const times = (items as unknown as { createdAt: string }[]).map((t) => t.createdAt);
    expect(times).toEqual([...times].sort().reverse());
  });

  it("answers no 500 for anything a client can send", async () => {
    for (const body of [
      "[]",
      '"x"',
      "1",
      "null",
      JSON.stringify({ name: 1, role: [], regionIds: [{}], expiresInDays: "a" }),
    ]) {
      expect((await call("POST", "/tokens", { token: adminTok, body })).status).toBeLessThan(500);
    }
    for (const q of ["?limit=0", "?cursor=%%", "?userId=" + "u".repeat(100), "?all=yes"]) {
      expect((await call("GET", `/tokens${q}`, { token: adminTok })).status).toBeLessThan(500);
    }
    expect((await call("DELETE", `/tokens/${"x".repeat(150)}`, { token: adminTok })).status).toBeLessThan(
      500,
    );
  });
});
