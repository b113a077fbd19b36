import { beforeAll, describe, expect, it } from "vitest";
import { ctxAs } from "../../test/factories";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { createJoinToken, listJoinTokens, revokeJoinToken } from "./join-tokens";

let admin: Ctx;
let viewer: Ctx;
const hints: Record<"fresh" | "usedUp" | "expired" | "revoked" | "partlyUsed", string> = {
  fresh: "",
  usedUp: "",
  expired: "",
  revoked: "",
  partlyUsed: "",
};

beforeAll(async () => {
  admin = await ctxAs("admin");
  viewer = await ctxAs("viewer");
  // Created one after another, so newest first is the reverse of this order.
  const make = async (key: keyof typeof hints, uses = 1) => {
    const { id } = await createJoinToken(admin, { uses, note: key });
    const row = await db.joinToken.findUniqueOrThrow({ where: { id } });
    hints[key] = row.tokenHint;
    await new Promise((resolve) => setTimeout(resolve, 5));
    return id;
  };
  const usedUp = await make("usedUp");
  await db.joinToken.update({ where: { id: usedUp }, data: { uses: 1 } });
  const expired = await make("expired");
  await db.joinToken.update({ where: { id: expired }, data: { expiresAt: new Date(Date.now() - 60_000) } });
  await revokeJoinToken(admin, { id: await make("revoked") });
  const partlyUsed = await make("partlyUsed", 3);
  await db.joinToken.update({ where: { id: partlyUsed }, data: { uses: 2 } });
  await make("fresh");
});

const hintsOf = (page: { items: { hint: string }[] }) => page.items.map((t) => t.hint);

describe("listJoinTokens", () => {
  it("lists only the tokens that can still enroll by default, newest first", async () => {
    const page = await listJoinTokens(admin);
    expect(hintsOf(page)).toEqual([hints.fresh, hints.partlyUsed]);
    expect(page.items.every((t) => t.status === "active")).toBe(true);
    expect(page).toMatchObject({ total: 2, page: 1, counts: { active: 2, used: 3, all: 5 } });
  });

  it("lists used-up, expired and revoked tokens together, newest first", async () => {
    const page = await listJoinTokens(admin, { filter: "used" });
    expect(hintsOf(page)).toEqual([hints.revoked, hints.expired, hints.usedUp]);
    expect(page.items.map((t) => t.status)).toEqual(["revoked", "expired", "used up"]);
    expect(page.total).toBe(3);
  });

  it("pages through every token", async () => {
    const first = await listJoinTokens(admin, { filter: "all", limit: 2 });
    const third = await listJoinTokens(admin, { filter: "all", limit: 2, page: 3 });
    expect(hintsOf(first)).toEqual([hints.fresh, hints.partlyUsed]);
    expect(hintsOf(third)).toEqual([hints.usedUp]);
    expect(third).toMatchObject({ total: 5, page: 3, limit: 2 });
  });

  it("falls back to the first page of active tokens on a bad filter or page", async () => {
    const page = await listJoinTokens(admin, { filter: "bogus", page: "-3" });
    expect(page).toMatchObject({ page: 1, total: 2 });
  });

  it("is for token managers only", async () => {
    await expect(listJoinTokens(viewer)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
