import { beforeAll, describe, expect, it, vi } from "vitest";
import { anonymous, ctxAs } from "@/test/factories";
import type { Ctx } from "@/server/auth/context";
import { db } from "@/server/db";

// The session comes from Next's request cookies; here each test says who is asking.
const session = vi.hoisted(() => ({ ctx: null as Ctx | null }));
vi.mock("@/server/auth/session", () => ({ getCtx: async () => session.ctx }));

const { GET } = await import("./route");
const get = (query: string) => GET(new Request(`http://orrery.test/api/v1/audit.csv${query}`), undefined);

beforeAll(async () => {
  await db.auditEvent.create({
    data: {
      at: new Date("2024-05-01T12:00:00Z"),
      actorType: "user",
      actorLabel: "alice@example.test",
      action: "release.create",
      targetType: "release",
      summary: "+cmd|' /C calc'!A0",
    },
  });
});

describe("GET /api/v1/audit.csv", () => {
  it("streams the filtered rows as a CSV download", async () => {
    session.ctx = await ctxAs("operator");
    const res = await get("?action=release.&from=2024-05-01T00:00&to=2024-05-01T23:59");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="orrery-audit-\d+\.csv"$/);
    const lines = (await res.text()).split("\r\n").filter(Boolean);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`,"'+cmd|' /C calc'!A0",`);
  });

  it("answers 422 naming the field for a bad date or range", async () => {
    session.ctx = await ctxAs("operator");
    const bad = await get("?from=2024-02-31T10:00");
    expect(bad.status).toBe(422);
    expect((await bad.json()).error).toMatchObject({
      code: "VALIDATION",
      fields: { from: expect.any(String) },
    });
    const backwards = await get("?from=2024-05-02&to=2024-05-01");
    expect(backwards.status).toBe(422);
    expect((await backwards.json()).error.fields).toEqual({ to: "To must be later than from" });
  });

  it("refuses viewers with 403 and anonymous callers with 401", async () => {
    session.ctx = await ctxAs("viewer");
    const forbidden = await get("");
    expect(forbidden.status).toBe(403);
    expect((await forbidden.json()).error.code).toBe("FORBIDDEN");
    session.ctx = anonymous;
    expect((await get("")).status).toBe(401);
  });
});
