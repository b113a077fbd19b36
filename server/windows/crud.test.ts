import { beforeAll, describe, expect, it } from "vitest";
import { ctxAs, seedRegions } from "../../test/factories";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { AppError } from "../errors";
import { createWindow, deleteWindow, setWindowEnabled, updateWindow } from "./crud";
import { listWindows } from "./view";

let admin: Ctx;
let operator: Ctx;
let viewer: Ctx;
const now = new Date("2026-12-01T09:00:00Z");
const valid = {
  name: "Nightly",
  kind: "allow",
  rrule: "DTSTART:20261101T220000\nRRULE:FREQ=DAILY",
  durationMin: "240",
  timeZone: "Europe/Berlin",
  regions: ["eu-gdpr"],
};

beforeAll(async () => {
  await seedRegions();
  admin = await ctxAs("admin");
  operator = await ctxAs("operator");
  viewer = await ctxAs("viewer");
});

async function rejected(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("deployment windows", () => {
  it("an admin creates one, audited, and the list says when it next opens", async () => {
    const w = await createWindow(admin, valid, now);
    expect(w).toMatchObject({ kind: "allow", durationMin: 240, scope: { regions: ["eu-gdpr"] } });
    expect(w.summary).toBe("every day at 22:00 for 4 h, Europe/Berlin");
    expect(w.next).toMatch(/^opens in 12 h/);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "window.create", targetId: w.id },
    });
    expect(audit.summary).toContain('allow window "Nightly"');
    expect((await listWindows(viewer, now)).map((x) => x.id)).toContain(w.id);
  });

  it("refuses operators and viewers", async () => {
    expect((await rejected(createWindow(operator, valid, now))).code).toBe("FORBIDDEN");
    expect((await rejected(createWindow(viewer, valid, now))).code).toBe("FORBIDDEN");
  });

  it.each([
    [{ rrule: "FREQ=DAILY" }, "rrule", /needs a DTSTART/],
    [{ timeZone: "Mars/Olympus" }, "timeZone", /not a time zone we know/],
    [{ durationMin: "0" }, "durationMin", /at least 1 minute/],
    [{ durationMin: "10081" }, "durationMin", /at most 7 days/],
    [{ regions: [] }, "regions", /choose the whole fleet/],
    [{ regions: ["xx-nowhere"] }, "regions", /no such region/],
    [{ kind: "sometimes" }, "kind", /allow or freeze/],
  ])("names the failing field for %j", async (change, field, message) => {
    const error = await rejected(createWindow(admin, { ...valid, ...change }, now));
    expect(error.code).toBe("VALIDATION");
    expect(error.fields?.[field]).toMatch(message);
  });

  it("changes, disables and deletes it, each audited", async () => {
    const w = await createWindow(admin, valid, now);
    const changed = await updateWindow(
      admin,
      { ...valid, id: w.id, kind: "freeze", all: "on", timeZone: "" },
      now,
    );
    expect(changed).toMatchObject({ kind: "freeze", scope: { all: true }, timeZone: null });
    expect((await setWindowEnabled(admin, { id: w.id, enabled: "false" }, now)).enabled).toBe(false);
    expect((await setWindowEnabled(admin, { id: w.id, enabled: "false" }, now)).enabled).toBe(false);
    await deleteWindow(admin, { id: w.id });
    const actions = (await db.auditEvent.findMany({ where: { targetId: w.id }, orderBy: { at: "asc" } })).map(
      (a) => a.action,
    );
    // Written within the same millisecond, so compared as a set; a repeated disable writes no second row.
    expect(actions.sort()).toEqual(["window.create", "window.delete", "window.disable", "window.update"]);
    expect((await rejected(deleteWindow(admin, { id: w.id }))).code).toBe("NOT_FOUND");
  });
});
