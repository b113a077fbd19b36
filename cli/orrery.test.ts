import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApiServer } from "../test/api-server";
import { ctxAs, seedRegions } from "../test/factories";
import { ackCommand } from "../server/commands/ack";
import { db } from "../server/db";
import { advanceRollouts } from "../server/reconciler/rollouts";
import { ackOpenCommands, makeRelease, makeSatellite } from "../server/rollouts/test-helpers";
import { createApiToken } from "../server/tokens/tokens";

// The real `orrery` bin as a child process against the core's API on a loopback port, with a real token.
const BIN = join(import.meta.dirname, "orrery.mjs");
let server: Awaited<ReturnType<typeof startApiServer>>;
let env: Record<string, string>;
let sats: { id: string; slug: string }[];
let admin: Awaited<ReturnType<typeof ctxAs>>;

type Run = { code: number | null; stdout: string; stderr: string };

function orrery(
  args: string[],
  { extraEnv = {}, until }: { extraEnv?: Record<string, string>; until?: (r: Run) => boolean } = {},
): Promise<Run> & { live: Run } {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { PATH: process.env.PATH ?? "", NODE_ENV: "test", ...env, ...extraEnv },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const run: Run = { code: null, stdout: "", stderr: "" };
  const done = new Promise<Run>((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    const check = () => {
      if (until?.(run)) child.kill("SIGTERM");
    };
    child.stdout.on("data", (c) => ((run.stdout += String(c)), check()));
    child.stderr.on("data", (c) => ((run.stderr += String(c)), check()));
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ ...run, code });
    });
  });
  // `live` is the output so far, for a test that acts while the command is still running.
  return Object.assign(done, { live: run });
}

async function until(check: () => Promise<boolean> | boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

beforeAll(async () => {
  await seedRegions();
  admin = await ctxAs("admin");
  const now = new Date();
  sats = [
    await makeSatellite(admin, now, { regionId: "eu-gdpr" }),
    await makeSatellite(admin, now, { regionId: "eu-gdpr", health: "critical" }),
    await makeSatellite(admin, now, { regionId: "us-fedramp" }),
  ];
  const { secret } = await createApiToken(admin, { name: "cli-test", role: "admin" });
  server = await startApiServer();
  // An empty config home, so nothing on this machine leaks in.
  const home = mkdtempSync(join(tmpdir(), "orrery-cli-"));
  env = { ORRERY_URL: server.url, ORRERY_TOKEN: secret, HOME: home, XDG_CONFIG_HOME: join(home, "config") };
});
afterAll(() => server?.close());

const agentOf = (sat: { id: string; slug: string }) => ({
  credentialId: `cred-${sat.id}`,
  satelliteId: sat.id,
  slug: sat.slug,
  regionId: "eu-gdpr",
  intervalSec: 10,
  expiresAt: null,
});

describe("orrery against a running core", () => {
  it("lists satellites as a table and as JSON, filtered by region and health", async () => {
    const table = await orrery(["sats", "ls", "--region", "eu-gdpr"]);
    expect(table.code).toBe(0);
    const lines = table.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^SLUG\s+NAME\s+REGION\s+KIND\s+CONNECTIVITY\s+HEALTH/);
    expect(lines.slice(1).map((l) => l.split(/\s{2,}/)[0])).toEqual([sats[0].slug, sats[1].slug].sort());

    const json = await orrery(["sats", "ls", "--region", "eu-gdpr", "--health", "critical", "-o", "json"]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual([
      expect.objectContaining({ slug: sats[1].slug, health: "critical" }),
    ]);
  });

  it("shows one satellite, and exits 4 for one that does not exist", async () => {
    const one = await orrery(["sats", "get", sats[0].slug, "-o", "json"]);
    expect(JSON.parse(one.stdout)).toMatchObject({ id: sats[0].id, regionId: "eu-gdpr" });
    const none = await orrery(["sats", "get", "no-such-satellite"]);
    expect(none.code).toBe(4);
    expect(none.stderr).toMatch(/^orrery: /);
  });

  it("refuses a bulk command without --yes, saying how many satellites it would reach", async () => {
    const refused = await orrery(["cmd", "issue", "drain", "--selector", "region=eu-gdpr"]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("Would send satellite.cordon to 2 satellites in eu-gdpr");
    expect(refused.stderr).toContain("Nothing was sent");
    expect(await db.command.count({ where: { type: "satellite.cordon" } })).toBe(0);

    const sent = await orrery([
      "cmd",
      "issue",
      "drain",
      "--selector",
      "region=eu-gdpr",
      "--yes",
      "-o",
      "json",
    ]);
    expect(sent.code).toBe(0);
    expect(JSON.parse(sent.stdout)).toMatchObject({ type: "satellite.cordon", total: 2, created: 2 });
  });

  it("waits for a command: 0 once it succeeded, 1 once it failed", async () => {
    const issued = await orrery([
      "cmd",
      "issue",
      "restart",
      "--satellite",
      sats[2].id,
      "--payload",
      '{"service":"compute"}',
    ]);
    expect(issued.code, issued.stderr).toBe(0);
    const id = issued.stdout.trim();
    const waiting = orrery(["cmd", "wait", id, "--interval", "100ms"]);
    await until(() => waiting.live.stderr.includes("queued"), "the first poll");
    await ackCommand({ ...agentOf(sats[2]), regionId: "us-fedramp" }, id, {
      status: "succeeded",
      message: "restarted",
    });
    const done = await waiting;
    expect(done.code).toBe(0);
    expect(done.stdout).toMatch(new RegExp(`${id}\\s+service.restart\\s+${sats[2].slug}\\s+succeeded`));

    const again = await orrery([
      "cmd",
      "issue",
      "restart",
      "--satellite",
      sats[2].id,
      "--payload",
      '{"service":"compute"}',
    ]);
    const failing = orrery(["cmd", "wait", again.stdout.trim(), "--interval", "100ms"]);
    await until(() => failing.live.stderr.includes("queued"), "the first poll");
    await ackCommand({ ...agentOf(sats[2]), regionId: "us-fedramp" }, again.stdout.trim(), {
      status: "failed",
      message: "compute did not come back",
    });
    expect((await failing).code).toBe(1);
  });

  it("starts a rollout and its watch exits 5 when the canary fails and the rollout pauses itself", async () => {
    const release = await makeRelease(["eu-gdpr"]);
    const canary = await makeSatellite(admin, new Date(), { regionId: "eu-gdpr", labels: { ring: "cli" } });
    const started = await orrery([
      "rollout",
      "start",
      release.version,
      "--waves",
      "1,10,50,100%",
      "--canary",
      "1",
      "--label",
      "ring=cli",
    ]);
    expect(started.code, started.stderr).toBe(0);
    const id = started.stdout.trim();
    expect(started.stderr).toContain(`Started rollout ${id}: ${release.version} to 1 satellite.`);

    const watching = orrery(["rollout", "watch", id, "--interval", "100ms"]);
    await until(() => watching.live.stderr.includes("running"), "the watch's first line");
    const now = new Date();
    await advanceRollouts(now);
    await ackOpenCommands(id, now, new Set([canary.id]));
    await advanceRollouts(new Date(now.getTime() + 1000));
    const watched = await watching;
    expect(watched.code).toBe(5);
    expect(watched.stderr).toContain(`Paused: canary failed on ${canary.slug}`);
  });

  it("tails the audit log and follows new events", async () => {
    const tail = orrery(["audit", "tail", "-n", "3", "--interval", "100ms", "-o", "json"], {
      until: (r) => r.stdout.includes('"apiToken.create"') && r.stdout.includes("followed-token"),
    });
    await until(() => tail.live.stdout.split("\n").filter(Boolean).length >= 3, "the latest events");
    await createApiToken(admin, { name: "followed-token", role: "viewer" });
    const run = await tail;
    const events = run.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(events.at(-1)).toMatchObject({ action: "apiToken.create" });
    expect(events.at(-1).summary).toContain("followed-token");
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
  });

  it("creates a token whose secret alone goes to stdout, and which works at once", async () => {
    const created = await orrery(["token", "create", "--name", "ci-deploy"]);
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^orr_\S+\n$/);
    expect(created.stderr).toContain("only time the secret is shown");
    expect(created.stderr).toMatch(/Created ci-deploy \(orr_\w+…\): viewer, every region/);
    const used = await orrery(["sats", "ls", "-o", "json"], {
      extraEnv: { ORRERY_TOKEN: created.stdout.trim() },
    });
    expect(used.code).toBe(0);
  });

  it("exits 3 with a clear message for a bad token, and 2 for a wrong command line", async () => {
    const bad = await orrery(["sats", "ls"], {
      extraEnv: { ORRERY_TOKEN: "orr_notARealTokenAtAll0000000000000000" },
    });
    expect(bad.code).toBe(3);
    expect(bad.stderr).toContain("This API token is not valid: it is unknown, expired or revoked.");
    expect(bad.stderr).toContain("The token came from ORRERY_TOKEN.");

    const usage = await orrery(["sats", "ls", "--colour"]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("Run orrery sats ls --help.");
    expect((await orrery(["rollout", "watch", "--help"])).code).toBe(0);
  });
});
