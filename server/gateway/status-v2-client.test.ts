import { request as httpRequest } from "node:http";
import { Statuspage } from "statuspage.io";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ctxAs } from "../../test/factories";
import { startGateway } from "../../test/gateway";
import { seedV2Pages, type V2Fixtures } from "../../test/status-v2-fixtures";
import { db } from "../db";
import { isAppError } from "../errors";
import { patchStatusPage } from "../status/page-patch";
import { rewriteCustomHostRoot } from "../status/v2/hosts";

// The npm client real readers use (statuspage.io), pointed at Orrery with its own setApiUrl(), against the
// machine path on loopback. It asserts the values a reader gets, not only that the calls succeed.

vi.hoisted(() => {
  process.env.PUBLIC_URL = "https://status.orrery.test";
  process.env.STATUS_CUSTOM_HOSTS = "status.example.test, Other.Example.test";
});

let gateway: Awaited<ReturnType<typeof startGateway>>;
let fx: V2Fixtures;

let done: string;

beforeAll(async () => {
  fx = await seedV2Pages();
  // An ended maintenance, which readers get as completed.
  const zrh = await db.satellite.findUniqueOrThrow({ where: { slug: "works-zrh" } });
  done = (
    await db.maintenanceWindow.create({
      data: {
        title: "Power work in Zurich",
        startsAt: new Date(Date.now() - 7_200_000),
        endsAt: new Date(Date.now() - 3_600_000),
        satellites: { create: [{ satelliteId: zrh.id }] },
      },
    })
  ).id;
  gateway = await startGateway();
});
afterAll(() => gateway.close());

function client(slug: string) {
  const sp = new Statuspage("orrery");
  sp.setApiUrl(`${gateway.url}/status/${slug}`);
  return sp.api;
}

/** A request with any Host, as a browser on a custom domain sends it. */
function onHost(host: string, path: string): Promise<{ status: number; body: string }> {
  const url = new URL(gateway.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, path, headers: { host }, agent: false },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on("error", reject);
    req.end();
  });
}

describe("the statuspage.io client reads an Orrery page", () => {
  it("getSummary, getStatus and getComponents on a page with a partial outage", async () => {
    const api = client("rough");
    const summary = await api.getSummary();
    expect(summary.page.name).toBe("rough cloud");
    expect(summary.status).toEqual({ indicator: "major", description: "Partial system outage" });
    expect(summary.incidents.map((i) => [i.id, i.impact, i.status])).toEqual([
      [fx.rough, "major", "identified"],
    ]);
    const status = await api.getStatus();
    expect(status.status.indicator).toBe("major");
    const { components } = await api.getComponents();
    const group = components.find((c) => c.id === "region:us-fedramp");
    expect(group).toMatchObject({ group: true, status: "partial_outage" });
    const children = components.filter((c) => c.group_id === "region:us-fedramp");
    expect(children.map((c) => [c.name, c.status]).sort()).toEqual([
      ["ROUGH-CHI", "operational"],
      ["ROUGH-NYC", "partial_outage"],
      ["ROUGH-SEA", "operational"],
    ]);
  });

  it("incidents.getAll and getUnresolved", async () => {
    const rough = client("rough");
    expect((await rough.incidents.getUnresolved()).incidents.map((i) => i.name)).toEqual([
      "Storage errors in New York",
    ]);
    const past = client("past");
    expect((await past.incidents.getUnresolved()).incidents).toEqual([]);
    const all = (await past.incidents.getAll()).incidents;
    expect(all.map((i) => [i.name, i.status])).toEqual([["London packet loss", "resolved"]]);
    expect(all[0].incident_updates.map((u) => u.body)).toEqual([
      "Fixed.",
      "Rerouted.",
      "Loss on the uplink.",
    ]);
    expect(all[0].shortlink).toBe(`https://status.orrery.test/status/past#incident-${fx.past}`);
  });

  it("scheduledMaintenances.* (the client asks upcoming.json for all three, a bug of its own)", async () => {
    const api = client("works");
    for (const call of [api.scheduledMaintenances.getUpcoming, api.scheduledMaintenances.getActive]) {
      const { scheduled_maintenances } = await call.call(api.scheduledMaintenances);
      expect(scheduled_maintenances.map((m) => [m.name, m.status])).toEqual([
        ["Firmware in Zurich", "scheduled"],
      ]);
    }
    const all = await api.scheduledMaintenances.getAll();
    expect(all.scheduled_maintenances[0].scheduled_for).toEqual(expect.any(String));
    // What getAll should have asked for, read directly: the ended window too, as completed.
    const listed = await fetch(`${gateway.url}/status/works/api/v2/scheduled-maintenances.json`);
    const every = (await listed.json()) as typeof all;
    expect(every.scheduled_maintenances.map((m) => [m.id, m.status])).toEqual([
      [fx.works, "in_progress"],
      [fx.soon, "scheduled"],
      [done, "completed"],
    ]);
    expect(every.scheduled_maintenances[2].resolved_at).toBe(every.scheduled_maintenances[2].scheduled_until);
    // What getActive should have asked for, read directly.
    const active = await fetch(`${gateway.url}/status/works/api/v2/scheduled-maintenances/active.json`);
    const body = (await active.json()) as { scheduled_maintenances: { id: string; status: string }[] };
    expect(body.scheduled_maintenances.map((m) => [m.id, m.status])).toEqual([[fx.works, "in_progress"]]);
  });

  it("an all-operational page says so", async () => {
    const summary = await client("calm").getSummary();
    expect(summary.status.indicator).toBe("none");
    expect(summary.components.every((c) => c.status === "operational")).toBe(true);
  });
});

describe("custom hosts", () => {
  it("binds a page to a configured host only, audited; another page cannot take it", async () => {
    const admin = await ctxAs("admin");
    const calm = await db.statusPage.findUniqueOrThrow({ where: { slug: "calm" } });
    const refused = await patchStatusPage(admin, calm.id, { customHost: "evil.example.test" }).catch(
      (e) => e,
    );
    expect(isAppError(refused) && refused.fields).toEqual({
      customHost: "must be one of the configured hosts: status.example.test, other.example.test",
    });
    const bound = await patchStatusPage(admin, calm.id, { customHost: "Status.Example.Test" });
    expect(bound.customHost).toBe("status.example.test");
    const audit = await db.auditEvent.findFirst({ where: { targetId: calm.id }, orderBy: { at: "desc" } });
    expect(audit?.summary).toContain("now also on status.example.test");
    const rough = await db.statusPage.findUniqueOrThrow({ where: { slug: "rough" } });
    const taken = await patchStatusPage(admin, rough.id, { customHost: "status.example.test" }).catch(
      (e) => e,
    );
    expect(isAppError(taken) && taken.code).toBe("CONFLICT");
    // A patch that does not name the field keeps the binding.
    expect((await patchStatusPage(admin, calm.id, { title: "calm cloud" })).customHost).toBe(
      "status.example.test",
    );
  });

  it("answers the same paths at the host's root, links to the host, and ignores every other Host", async () => {
    const summary = await onHost("status.example.test:443", "/api/v2/summary.json");
    expect(summary.status).toBe(200);
    const body = JSON.parse(summary.body);
    expect(body.page).toMatchObject({ name: "calm cloud", url: "https://status.example.test" });
    expect((await onHost("status.example.test", "/history.rss")).body).toContain(
      "https://status.example.test",
    );
    // The slug path names the host too: one canonical address.
    const bySlug = await fetch(`${gateway.url}/status/calm/api/v2/status.json`).then((r) => r.json());
    expect(bySlug.page.url).toBe("https://status.example.test");
    // A configured host bound to nothing, and any unconfigured Host, are simply not custom domains.
    expect((await onHost("other.example.test", "/api/v2/summary.json")).status).toBe(404);
    expect((await onHost("calm", "/api/v2/summary.json")).status).toBe(404);
    expect((await onHost("evil.example.test", "/api/v2/summary.json")).status).toBe(404);
  });

  it("shows the page at / on its host, and leaves every other request alone", () => {
    const req = (host: string, url: string) => ({ url, headers: { host } });
    const root = req("status.example.test", "/");
    expect(rewriteCustomHostRoot(root)).toBe(true);
    expect(root.url).toBe("/status/calm");
    const withKey = req("STATUS.example.test.", "/?key=abc");
    rewriteCustomHostRoot(withKey);
    expect(withKey.url).toBe("/status/calm?key=abc");
    for (const other of [
      req("status.example.test", "/login"),
      req("evil.example.test", "/"),
      req("localhost", "/"),
    ]) {
      const before = other.url;
      expect(rewriteCustomHostRoot(other)).toBe(false);
      expect(other.url).toBe(before);
    }
  });
});
