import { readFileSync } from "node:fs";
import createClient from "openapi-fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { paths } from "../../cli/api-types";
import { startApiServer } from "../../test/api-server";
import { ctxAs, satelliteInput, seedRegions } from "../../test/factories";
import { makeSatellite } from "../rollouts/test-helpers";
import { createApiToken } from "../tokens/tokens";

// The running API driven through openapi-fetch and the committed generated types, over real HTTP with a
// token: if the document, the types or the server drift apart, this fails to compile or to pass.
let server: Awaited<ReturnType<typeof startApiServer>>;
let api: ReturnType<typeof createClient<paths>>;
let tokenName: string;
let admin: Awaited<ReturnType<typeof ctxAs>>;

beforeAll(async () => {
  await seedRegions();
  admin = await ctxAs("admin");
  const created = await createApiToken(admin, { name: "typed-client", role: "admin" });
  // The audit log names a token by its name and prefix, so a leaked one can be traced.
  tokenName = `${created.token.name} (${created.token.prefix})`;
  server = await startApiServer();
  api = createClient<paths>({
    baseUrl: `${server.url}/api/v1`,
    headers: { authorization: `Bearer ${created.secret}` },
  });
});
afterAll(() => server?.close());

describe("the API through its generated client", () => {
  it("serves the committed OpenAPI document", async () => {
    const { data, response } = await api.GET("/openapi.json");
    expect(response.status).toBe(200);
    expect(data).toEqual(JSON.parse(readFileSync("openapi/openapi.json", "utf8")));
  });

  it("creates a satellite, issues a command, starts a rollout and reads all three in the audit log", async () => {
    const input = satelliteInput({ regionId: "eu-gdpr" });
    const sat = await api.POST("/satellites", { body: input as never });
    expect(sat.response.status).toBe(201);
    expect(sat.data).toMatchObject({ slug: input.slug, regionId: "eu-gdpr", lifecycle: "pending" });
    const satelliteId = sat.data!.id;

    const read = await api.GET("/satellites/{id}", { params: { path: { id: input.slug } } });
    expect(read.data).toMatchObject({ id: satelliteId, connectivity: "never_seen" });
    expect(read.response.headers.get("etag")).toMatch(/^(W\/)?"/);

    const issued = await api.POST("/commands", {
      body: { type: "satellite.cordon", target: { satelliteIds: [satelliteId] }, reason: "rack move" },
      headers: { "Idempotency-Key": `typed-client-${satelliteId}` },
    });
    expect(issued.response.status).toBe(202);
    expect(issued.data).toMatchObject({ type: "satellite.cordon", total: 1, created: 1, isReplay: false });
    expect(issued.data!.commandIds).toHaveLength(1);
    const command = await api.GET("/commands/{id}", { params: { path: { id: issued.data!.commandIds[0] } } });
    expect(command.data).toMatchObject({
      state: "queued",
      type: "satellite.cordon",
      reason: "rack move",
      satellite: { id: satelliteId, slug: input.slug },
    });

    const release = await api.POST("/releases", {
      body: { version: "2026.12.7", artifactSizeMb: 2400, regionIds: ["eu-gdpr"], minAgentVersion: "1.4.0" },
    });
    expect(release.response.status).toBe(201);
    // A satellite that has reported in with its versions: a never-seen one cannot take a release.
    const reporting = await makeSatellite(admin, new Date());
    const rollout = await api.POST("/rollouts", {
      body: { releaseId: release.data!.id, satellites: [reporting.slug], waves: [100], canarySize: 1 },
    });
    expect(rollout.error).toBeUndefined();
    expect(rollout.response.status).toBe(202);
    expect(rollout.data).toMatchObject({ release: { version: "2026.12.7" } });
    expect(rollout.data!.status).not.toBe("draft");
    expect(rollout.data!.targets.map((t) => t.slug)).toEqual([reporting.slug]);

    const audit = await api.GET("/audit", { params: { query: { actorType: "apiToken", limit: 50 } } });
    expect(audit.response.status).toBe(200);
    // Newest first, each naming the token as its actor.
    expect(audit.data!.items.map((e) => [e.action, e.targetId])).toEqual([
      ["rollout.create", rollout.data!.id],
      ["release.create", release.data!.id],
      ["command.issue", satelliteId],
      ["satellite.register", satelliteId],
    ]);
    for (const e of audit.data!.items)
      expect(e).toMatchObject({ actorType: "apiToken", actorLabel: tokenName });
  });

  it("answers a refusal as a problem the client can read", async () => {
    const bad = await api.POST("/commands", {
      body: { type: "satellite.explode", target: { satelliteIds: ["x"] } },
    });
    expect(bad.response.status).toBe(422);
    expect(bad.response.headers.get("content-type")).toContain("application/problem+json");
    expect(bad.error).toMatchObject({
      code: "VALIDATION",
      errors: [expect.objectContaining({ field: "type" })],
    });
  });
});
