import createClient from "openapi-fetch";
import type { paths } from "../cli/api-types";
import { baseURL } from "../playwright.config";
import { adminApiToken } from "./api-helpers";
import { expect, test, uniqueName } from "./fixtures";

// The production build, driven through openapi-fetch and the committed generated types with a token the demo
// admin made: if the document, the types or the running server drift apart, this fails to compile or to pass.

test("a token creates a satellite, issues a command, starts a rollout and reads it all in the audit log", async ({
  browser,
  satellite: reporting,
}) => {
  const token = await adminApiToken(browser, "e2e-typed-client");
  const api = createClient<paths>({
    baseUrl: `${baseURL}/api/v1`,
    headers: { authorization: `Bearer ${token.secret}` },
  });

  const doc = await api.GET("/openapi.json");
  expect(doc.response.status).toBe(200);
  expect(doc.data).toMatchObject({ openapi: expect.stringMatching(/^3\.1/) });

  const slug = uniqueName("e2e-api");
  const created = await api.POST("/satellites", {
    body: {
      ...{ slug, name: `API ${slug}`, kind: "edge", provider: "own", city: "Bergen", country: "NO" },
      ...{ lat: 60.39, lon: 5.32, labels: { ring: "api" }, cpuCores: 32, memoryGb: 128, storageTb: 8 },
      ...{ uplinkMbps: 1000, downlinkMbps: 1000 },
    },
  });
  expect(created.error).toBeUndefined();
  expect(created.response.status).toBe(201);
  expect(created.data).toMatchObject({ slug, regionId: "eu-gdpr", lifecycle: "pending" });
  const satelliteId = created.data!.id;

  const read = await api.GET("/satellites/{id}", { params: { path: { id: slug } } });
  expect(read.data).toMatchObject({ id: satelliteId, connectivity: "never_seen", labels: { ring: "api" } });
  expect(read.response.headers.get("etag")).toMatch(/^(W\/)?"/);
  expect(read.response.headers.get("cache-control")).toBe("private, no-store");

  const key = `e2e-${satelliteId}`;
  const issue = () =>
    api.POST("/commands", {
      body: { type: "satellite.cordon", target: { satelliteIds: [satelliteId] }, reason: "rack move" },
      headers: { "Idempotency-Key": key },
    });
  const issued = await issue();
  expect(issued.response.status).toBe(202);
  expect(issued.data).toMatchObject({ type: "satellite.cordon", total: 1, created: 1, isReplay: false });
  const commandId = issued.data!.commandIds[0];
  // The same key and body again: the first answer replayed, nothing sent twice.
  const replay = await issue();
  expect(replay.response.headers.get("idempotent-replayed")).toBe("true");
  expect(replay.data).toEqual(issued.data);
  const command = await api.GET("/commands/{id}", { params: { path: { id: commandId } } });
  expect(command.data).toMatchObject({
    state: "queued",
    type: "satellite.cordon",
    reason: "rack move",
    satellite: { id: satelliteId, slug },
  });

  const version = `2041.${Date.now().toString().slice(-6)}.0`;
  const release = await api.POST("/releases", {
    body: { version, artifactSizeMb: 2400, regionIds: ["eu-gdpr"], minAgentVersion: "1.4.0" },
  });
  expect(release.error).toBeUndefined();
  expect(release.response.status).toBe(201);
  // The fixture's satellite has reported its versions: a never-seen one cannot take a release.
  const rollout = await api.POST("/rollouts", {
    body: { releaseId: release.data!.id, satellites: [reporting.slug], waves: [100], canarySize: 1 },
  });
  expect(rollout.error).toBeUndefined();
  expect(rollout.response.status).toBe(202);
  expect(rollout.data).toMatchObject({ release: { version } });
  expect(rollout.data!.status).not.toBe("draft");
  expect(rollout.data!.targets.map((t) => t.slug)).toEqual([reporting.slug]);
  const rolloutId = rollout.data!.id;
  const progress = await api.GET("/rollouts/{id}", { params: { path: { id: rolloutId } } });
  expect(progress.data).toMatchObject({ id: rolloutId, counts: { total: 1 } });

  // Newest first, each naming the token (its name and prefix) as the actor.
  const audit = await api.GET("/audit", { params: { query: { actorType: "apiToken", limit: 100 } } });
  expect(audit.response.status).toBe(200);
  const mine = audit.data!.items.filter((e) => e.actorLabel === `${token.name} (${token.prefix})`);
  expect(mine.map((e) => [e.action, e.targetId])).toEqual([
    ["rollout.create", rolloutId],
    ["release.create", release.data!.id],
    ["command.issue", satelliteId],
    ["satellite.register", satelliteId],
  ]);
  for (const e of mine) expect(e.actorType).toBe("apiToken");

  // A refusal is a problem the client can read, with the failing field.
  const bad = await api.POST("/commands", {
    body: { type: "satellite.explode" as never, target: { satelliteIds: [satelliteId] } },
  });
  expect(bad.response.status).toBe(422);
  expect(bad.response.headers.get("content-type")).toContain("application/problem+json");
  expect(bad.error).toMatchObject({ errors: [expect.objectContaining({ field: "type" })] });

  // Leave nothing live for other specs: the rollout stops, the satellite is retired.
  const cancelled = await api.POST("/rollouts/{id}/cancel", {
    params: { path: { id: rolloutId } },
    body: { reason: "e2e finished" },
  });
  expect(cancelled.error).toBeUndefined();
  const retired = await api.POST("/satellites/{id}/decommission", {
    params: { path: { id: satelliteId } },
    body: { reason: "e2e finished" },
  });
  expect(retired.error).toBeUndefined();
  expect(retired.data).toMatchObject({ lifecycle: "decommissioned" });
});
