import { beforeAll, describe, expect, it } from "vitest";
import { ctxAs, seedRegions } from "../../test/factories";
import { db } from "../db";
import { createUser } from "../users/users";
import { signInWithPassword } from "./sign-in";

const password = "correct horse battery";
const at = (iso: string) => new Date(iso);
let email = "";

const failures = (who: string) =>
  db.auditEvent.findMany({
    where: { action: "user.sign-in-failed", summary: { contains: who } },
    orderBy: { at: "asc" },
  });

beforeAll(async () => {
  await seedRegions();
  email = `audit-${Date.now().toString(36)}@example.test`;
  await createUser(await ctxAs("admin"), { email, name: "A", role: "viewer", password });
});

describe("failed sign-ins in the audit log", () => {
  it("keeps one entry per address, account and minute, counting the attempts", async () => {
    for (const second of ["05", "20", "59"]) {
      expect(
        await signInWithPassword(
          { email, password: "wrong" },
          "203.0.113.7",
          at(`2026-11-28T10:00:${second}Z`),
        ),
      ).toBeNull();
    }
    let rows = await failures(email);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ ip: "203.0.113.7", actorType: "system", targetType: "user" });
    expect(rows[0].targetId).not.toBeNull();
    expect(rows[0].data).toEqual({ count: 3, throttled: 0 });
    expect(rows[0].summary).toBe(
      `3 failed sign-ins for ${email} from 203.0.113.7 in the minute from 10:00 UTC`,
    );

    // The next minute, and another address, each start an entry of their own.
    await signInWithPassword({ email, password: "wrong" }, "203.0.113.7", at("2026-11-28T10:01:00Z"));
    await signInWithPassword({ email, password: "wrong" }, "198.51.100.9", at("2026-11-28T10:01:10Z"));
    rows = await failures(email);
    expect(rows.map((r) => [r.ip, (r.data as { count: number }).count])).toEqual([
      ["203.0.113.7", 3],
      ["203.0.113.7", 1],
      ["198.51.100.9", 1],
    ]);
  });

  it("counts an IPv6 client by its /64, and an unknown account without a target", async () => {
    const nobody = `nobody-${Date.now().toString(36)}@example.test`;
    await signInWithPassword(
      { email: nobody, password: "x" },
      "2001:db8:1:2::10",
      at("2026-11-28T11:00:01Z"),
    );
    await signInWithPassword(
      { email: nobody, password: "x" },
      "2001:db8:1:2::99",
      at("2026-11-28T11:00:30Z"),
    );
    const rows = await failures(nobody);
    expect(rows).toHaveLength(1);
    expect(rows[0].targetId).toBeNull();
    expect((rows[0].data as { count: number }).count).toBe(2);
  });

  it("writes nothing for a sign-in that succeeds", async () => {
    const fresh = `ok-${Date.now().toString(36)}@example.test`;
    await createUser(await ctxAs("admin"), { email: fresh, name: "B", role: "viewer", password });
    expect(
      await signInWithPassword({ email: fresh, password }, "203.0.113.8", at("2026-11-28T12:00:00Z")),
    ).not.toBeNull();
    expect(await failures(fresh)).toHaveLength(0);
  });

  it("counts attempts the throttle refuses in the same entry", async () => {
    const ip = "192.0.2.44";
    let refused = 0;
    for (let i = 0; i < 8; i++) {
      await signInWithPassword({ email, password: "wrong" }, ip, at("2026-11-28T13:00:00Z")).catch(
        () => refused++,
      );
    }
    expect(refused).toBeGreaterThan(0);
    const rows = (await failures(email)).filter((r) => r.ip === ip);
    expect(rows).toHaveLength(1);
    expect(rows[0].data).toEqual({ count: 8, throttled: refused });
  });
});
