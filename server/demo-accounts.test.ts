import { describe, expect, it } from "vitest";
import { makeUser } from "../test/factories";
import { db } from "./db";
import { disableDemoAccounts, enabledDemoAccounts } from "./demo-accounts";

describe("demo accounts", () => {
  it("are found while enabled, then disabled with their sessions ended and an audit row each", async () => {
    const other = await makeUser("admin");
    for (const email of ["admin@orrery.local", "viewer@orrery.local"]) {
      await db.user.create({ data: { email, name: email, role: "viewer", passwordHash: "x" } });
    }
    await db.user.create({
      data: {
        email: "old@orrery.local",
        name: "old",
        role: "viewer",
        passwordHash: "x",
        disabledAt: new Date(),
      },
    });
    expect(await enabledDemoAccounts()).toEqual(["admin@orrery.local", "viewer@orrery.local"]);

    expect(await disableDemoAccounts()).toEqual(["admin@orrery.local", "viewer@orrery.local"]);
    expect(await enabledDemoAccounts()).toEqual([]);
    const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@orrery.local" } });
    expect(admin.disabledAt).not.toBeNull();
    expect(admin.sessionVersion).toBe(2);
    expect(await db.auditEvent.count({ where: { action: "user.disable", targetId: admin.id } })).toBe(1);
    // Real accounts are left alone.
    expect((await db.user.findUniqueOrThrow({ where: { id: other.id } })).disabledAt).toBeNull();
  });
});
