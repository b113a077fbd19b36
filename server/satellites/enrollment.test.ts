import { beforeAll, describe, expect, it } from "vitest";
import { anonymous, ctxAs, satelliteInput, seedRegions, type UserCtx } from "../../test/factories";
import { createJoinToken } from "../agents/join-tokens";
import { enrollAgent } from "../agents/enroll";
import { db } from "../db";
import { enrollmentOf } from "./enrollment";
import { registerSatellite } from "./register";

let admin: UserCtx;
let viewer: UserCtx;
let operator: UserCtx;

beforeAll(async () => {
  await seedRegions();
  admin = await ctxAs("admin");
  viewer = await ctxAs("viewer");
  operator = await ctxAs("operator");
});

// What the satellite page's "Create a join token" button sends (app/(console)/satellites/[id]/actions.ts).
const bound = (satelliteId: string) => ({
  satelliteId,
  uses: 1,
  expiresIn: "24h",
  note: "created on the satellite's page to enroll it",
});

describe("enrolling a never-seen satellite from its page", () => {
  it("makes a bound one-use token for admins only, audited, that enrolls that satellite", async () => {
    const { id, slug } = await registerSatellite(admin, satelliteInput());
    expect(await enrollmentOf(viewer, id)).toMatchObject({ enrolledAt: null });

    const before = await db.joinToken.count();
    for (const who of [viewer, operator]) {
      await expect(createJoinToken(who, bound(id))).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(createJoinToken(anonymous, bound(id))).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect(await db.joinToken.count()).toBe(before);

    const { token, id: tokenId } = await createJoinToken(admin, bound(id));
    const row = await db.joinToken.findUniqueOrThrow({ where: { id: tokenId } });
    expect(row).toMatchObject({ satelliteId: id, maxUses: 1 });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { targetId: tokenId } });
    expect(audit).toMatchObject({ action: "join-token.create" });
    expect(audit.summary).toContain(`bound to ${slug}`);

    const enrolled = await enrollAgent({
      joinToken: token,
      agentVersion: "1.4.0",
      stackVersion: "2026.11.1",
    });
    expect(enrolled.satelliteId).toBe(id);
    expect((await enrollmentOf(viewer, id)).enrolledAt).not.toBeNull();
  });

  it("refuses a token for a satellite that does not exist, naming the field", async () => {
    await expect(createJoinToken(admin, bound("no-such-satellite"))).rejects.toMatchObject({
      code: "VALIDATION",
      fields: { satelliteId: expect.any(String) },
    });
  });

  it("tells nobody signed out anything", async () => {
    await expect(enrollmentOf(anonymous, "x")).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
