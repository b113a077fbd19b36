import { beforeAll, describe, expect, it } from "vitest";
import { ctxAs, seedRegions, type UserCtx } from "../../../test/factories";
import { db } from "../../db";
import { apiClient, readAll, tokenOf } from "./ops-test-kit";
import { userOps } from "./users";

const call = apiClient(userOps);
let admin: UserCtx;
let adminTok: string;
let opTok: string;
let n = 0;

const person = (overrides: Record<string, unknown> = {}) => ({
  email: `person-${++n}@example.test`,
  name: "Ada Operator",
  role: "operator",
  regionIds: ["eu-gdpr"],
  password: "correct horse battery",
  ...overrides,
});

beforeAll(async () => {
  await seedRegions();
  admin = await ctxAs("admin");
  adminTok = await tokenOf(admin);
  opTok = await tokenOf(await ctxAs("operator"));
});

describe("users over the API", () => {
  it("creates a user and reads them back", async () => {
    const res = await call("POST", "/users", { token: adminTok, body: person() });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ role: "operator", regionIds: ["eu-gdpr"], isDisabled: false });
    expect(res.body).not.toHaveProperty("passwordHash");
    const got = await call("GET", `/users/${res.body.id}`, { token: adminTok });
    expect(got.body.email).toBe(res.body.email);
    expect((await call("GET", "/users/nobody", { token: adminTok })).status).toBe(404);
  });

  it("names the failing field and refuses operators and anonymous callers", async () => {
    const short = await call("POST", "/users", { token: adminTok, body: person({ password: "short" }) });
    expect([short.status, short.body.errors[0].field]).toEqual([422, "password"]);
    const region = await call("POST", "/users", { token: adminTok, body: person({ regionIds: ["mars"] }) });
    expect([region.status, region.body.errors[0].field]).toEqual([422, "regionIds"]);
    const body = person();
    await call("POST", "/users", { token: adminTok, body });
    expect((await call("POST", "/users", { token: adminTok, body })).status).toBe(409);
    expect((await call("POST", "/users", { token: opTok, body: person() })).status).toBe(403);
    expect((await call("GET", "/users", { token: opTok })).status).toBe(403);
    expect((await call("GET", "/users")).status).toBe(401);
  });

  it("changes role and regions with If-Match", async () => {
    const { body: user } = await call("POST", "/users", { token: adminTok, body: person() });
    const path = `/users/${user.id}`;
    const etag = (await call("GET", path, { token: adminTok })).headers.get("etag")!;
    const changed = await call("PATCH", path, {
      token: adminTok,
      body: { role: "viewer", regionIds: [] },
      headers: { "if-match": etag },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ role: "viewer", regionIds: [] });
    const stale = await call("PATCH", path, {
      token: adminTok,
      body: { name: "B" },
      headers: { "if-match": etag },
    });
    expect(stale.status).toBe(412);
    const bad = await call("PATCH", path, { token: adminTok, body: { role: "owner" } });
    expect([bad.status, bad.body.errors[0].field]).toEqual([422, "role"]);
    const self = await call("PATCH", `/users/${admin.actor.id}`, {
      token: adminTok,
      body: { role: "viewer" },
    });
    expect(self.status).toBe(412);
  });

  it("disables a user, which stops their tokens, and enables them again", async () => {
    const target = await ctxAs("operator");
    const theirTok = await tokenOf(target);
    const probe = () => call("GET", "/users", { token: theirTok });
    expect((await probe()).status).toBe(403);
    const disabled = await call("POST", `/users/${target.actor.id}/disable`, { token: adminTok });
    expect(disabled.status).toBe(200);
    expect(disabled.body.isDisabled).toBe(true);
    expect((await probe()).status).toBe(401);
    const enabled = await call("POST", `/users/${target.actor.id}/enable`, { token: adminTok });
    expect(enabled.body.isDisabled).toBe(false);
    expect((await probe()).status).toBe(401);
    expect((await call("POST", `/users/${admin.actor.id}/disable`, { token: adminTok })).status).toBe(412);
  });

  it("replays a create with the same Idempotency-Key", async () => {
    const headers = { "idempotency-key": "user-once" };
    const body = person();
    const first = await call("POST", "/users", { token: adminTok, body, headers });
    const again = await call("POST", "/users", { token: adminTok, body, headers });
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.body.id).toBe(first.body.id);
  });

  it("pages through every user once, and no input is a 500", async () => {
    const total = await db.user.count();
    const { items } = await readAll(call, "/users?limit=3", adminTok);
    expect(items).toHaveLength(total);
    expect(new Set(items.map((u) => u.id)).size).toBe(total);
    for (const body of ["[]", '"x"', "1", "null", JSON.stringify({ email: 4, regionIds: [{}], role: [] })]) {
      expect((await call("POST", "/users", { token: adminTok, body })).status).toBeLessThan(500);
      expect(
        (await call("PATCH", `/users/${admin.actor.id}`, { token: adminTok, body })).status,
      ).toBeLessThan(500);
    }
  });
});
