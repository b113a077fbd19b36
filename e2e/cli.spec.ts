import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { baseURL } from "../playwright.config";
import { adminApiToken, agentAck, receiveCommand, type Token } from "./api-helpers";
import { expect, test, uniqueName } from "./fixtures";

// The real `orrery` bin as a child process against the production build, with a token the demo admin made.
// Each test checks the exit codes docs/api.md promises scripts. Satellites are this file's own.
test.describe.configure({ mode: "serial" });

type Run = { code: number | null; stdout: string; stderr: string };
let token: Token;
const home = mkdtempSync(join(tmpdir(), "orrery-cli-e2e-"));

function orrery(args: string[], opts: { env?: Record<string, string>; until?: (r: Run) => boolean } = {}) {
  const child = spawn(process.execPath, ["cli/orrery.mjs", ...args], {
    // An empty config home, so nothing on this machine leaks in.
    env: {
      ...{
        PATH: process.env.PATH ?? "",
        NODE_ENV: "test",
        HOME: home,
        XDG_CONFIG_HOME: join(home, "config"),
      },
      ...{ ORRERY_URL: baseURL, ORRERY_TOKEN: token.secret, ...opts.env },
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const live: Run = { code: null, stdout: "", stderr: "" };
  const check = () => opts.until?.(live) && child.kill("SIGTERM");
  child.stdout.on("data", (c) => ((live.stdout += String(c)), check()));
  child.stderr.on("data", (c) => ((live.stderr += String(c)), check()));
  const done = new Promise<Run>((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 90_000);
    child.on("close", (code) => (clearTimeout(timer), resolve({ ...live, code })));
  });
  return Object.assign(done, { live });
}

async function until(check: () => boolean, what: string) {
  for (let i = 0; i < 300; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

test.beforeAll(async ({ browser }) => {
  token = await adminApiToken(browser, "e2e-cli");
});

test("lists and shows satellites, as JSON and as a table; 4 for one that does not exist", async ({
  satellite,
}) => {
  const json = await orrery(["sats", "ls", "--region", "eu-gdpr", "--limit", "500", "-o", "json"]);
  expect(json.code, json.stderr).toBe(0);
  const listed = JSON.parse(json.stdout) as { slug: string; regionId: string; connectivity: string }[];
  expect(listed.find((s) => s.slug === satellite.slug)).toMatchObject({
    regionId: "eu-gdpr",
    connectivity: "connected",
  });
  expect(listed.every((s) => s.regionId === "eu-gdpr")).toBe(true);

  const table = await orrery(["sats", "ls", "--region", "eu-gdpr", "--limit", "5"]);
  expect(table.code).toBe(0);
  expect(table.stdout.split("\n")[0]).toMatch(/^SLUG\s+NAME\s+REGION\s+KIND\s+CONNECTIVITY\s+HEALTH/);

  const one = await orrery(["sats", "get", satellite.slug, "-o", "json"]);
  expect(one.code, one.stderr).toBe(0);
  expect(JSON.parse(one.stdout)).toMatchObject({ id: satellite.satelliteId, stackVersion: "2026.11.1" });
  const none = await orrery(["sats", "get", uniqueName("no-such-satellite")]);
  expect(none.code).toBe(4);
  expect(none.stderr).toMatch(/^orrery: /);
});

test("issues a command and waits: 0 once the agent acks success, 1 when --timeout runs out", async ({
  request,
  satellite,
}) => {
  const issued = await orrery([
    ...["cmd", "issue", "restart", "--satellite", satellite.satelliteId],
    ...["--payload", '{"service":"compute"}', "--reason", "e2e cli"],
  ]);
  expect(issued.code, issued.stderr).toBe(0);
  const id = issued.stdout.trim();
  const waiting = orrery(["cmd", "wait", id, "--interval", "200ms", "--timeout", "60s"]);
  await until(() => waiting.live.stderr.includes("queued"), "the first poll");
  const delivered = await receiveCommand(request, satellite, "service.restart");
  expect(delivered.id).toBe(id);
  await agentAck(request, satellite, id, "succeeded", "restarted");
  const done = await waiting;
  expect(done.code, done.stderr).toBe(0);
  expect(done.stdout).toMatch(new RegExp(`${id}\\s+service.restart\\s+${satellite.slug}\\s+succeeded`));

  // Nobody acks this one: wait gives up after its timeout with exit 1.
  const again = await orrery(["cmd", "issue", "cordon", "--satellite", satellite.satelliteId]);
  expect(again.code, again.stderr).toBe(0);
  const gaveUp = await orrery(["cmd", "wait", again.stdout.trim(), "--interval", "200ms", "--timeout", "1s"]);
  expect(gaveUp.code).toBe(1);
  expect(gaveUp.stderr).toContain("Gave up after 1s: 1 command is not finished.");
});

test("a bulk command by selector asks for --yes first, then reaches each satellite once", async ({
  enroll,
}) => {
  const a = await enroll({ city: "Tromsø", lat: 69.65, lon: 18.96 });
  const b = await enroll({ city: "Tromsø", lat: 69.65, lon: 18.96 });
  const selector = `q=${a.slug}`;
  const refused = await orrery(["cmd", "issue", "drain", "--selector", selector]);
  expect(refused.code).toBe(1);
  expect(refused.stderr).toContain(`Would send satellite.cordon to ${a.slug} in eu-gdpr`);
  expect(refused.stderr).toContain("Nothing was sent. Run again with --yes to send it to this satellite.");
  const sent = await orrery(["cmd", "issue", "drain", "--selector", selector, "--yes", "-o", "json"]);
  expect(sent.code, sent.stderr).toBe(0);
  expect(JSON.parse(sent.stdout)).toMatchObject({ type: "satellite.cordon", total: 1, created: 1 });
  const other = await orrery(["cmd", "ls", "--satellite", b.satelliteId, "-o", "json"]);
  expect(other.code, other.stderr).toBe(0);
  expect(JSON.parse(other.stdout)).toEqual([]);
});

test("starts a rollout; its watch exits 5 when the canary fails and the rollout pauses itself", async ({
  request,
  satellite,
}) => {
  test.setTimeout(120_000);
  const version = `2042.${Date.now().toString().slice(-6)}.0`;
  const auth = { authorization: `Bearer ${token.secret}` };
  const release = await request.post("/api/v1/releases", {
    headers: auth,
    data: { version, artifactSizeMb: 1200, regionIds: ["eu-gdpr"], minAgentVersion: "1.4.0" },
  });
  expect(release.status(), await release.text()).toBe(201);

  const started = await orrery([
    ...["rollout", "start", version, "--waves", "1,10,50,100%", "--canary", "1"],
    ...["--satellite", satellite.slug, "--bake", "0m"],
  ]);
  expect(started.code, started.stderr).toBe(0);
  const id = started.stdout.trim();
  expect(started.stderr).toContain(`Started rollout ${id}: ${version} to 1 satellite.`);

  try {
    const watching = orrery(["rollout", "watch", id, "--interval", "200ms"]);
    await until(() => watching.live.stderr.length > 0, "the watch's first line");
    // The reconciler queues the canary's upgrade; the agent takes it and reports a failure.
    const upgrade = await receiveCommand(request, satellite, "stack.upgrade");
    expect(upgrade.payload).toMatchObject({ version });
    await agentAck(request, satellite, upgrade.id, "failed", "disk full");
    const watched = await watching;
    expect(watched.code, watched.stderr).toBe(5);
    expect(watched.stderr).toContain(`Paused: canary failed on ${satellite.slug}`);
  } finally {
    await request.post(`/api/v1/rollouts/${id}/cancel`, { headers: auth, data: { reason: "e2e finished" } });
  }
});

test("tails the audit log, following a token the CLI creates, and the new token works at once", async () => {
  const name = uniqueName("e2e-cli-made");
  const tail = orrery(["audit", "tail", "-n", "5", "--interval", "200ms", "-o", "json"], {
    until: (r) => r.stdout.includes(name),
  });
  await until(() => tail.live.stdout.split("\n").filter(Boolean).length >= 5, "the latest events");

  const created = await orrery(["token", "create", "--name", name]);
  expect(created.code, created.stderr).toBe(0);
  expect(created.stdout).toMatch(/^orr_\S+\n$/);
  expect(created.stderr).toContain("only time the secret is shown");
  const events = (await tail).stdout
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as { id: string; action: string; summary: string; actorLabel: string });
  expect(events.at(-1)).toMatchObject({ action: "apiToken.create" });
  expect(events.at(-1)!.summary).toContain(name);
  expect(events.at(-1)!.actorLabel).toBe(`${token.name} (${token.prefix})`);
  expect(new Set(events.map((e) => e.id)).size).toBe(events.length);

  const used = await orrery(["sats", "ls", "--limit", "1", "-o", "json"], {
    env: { ORRERY_TOKEN: created.stdout.trim() },
  });
  expect(used.code, used.stderr).toBe(0);

  const once = await orrery(["audit", "tail", "-n", "3", "--once", "-o", "json"]);
  expect(once.code).toBe(0);
  expect(once.stdout.trim().split("\n")).toHaveLength(3);
});

test("exits 3 for a token the core does not accept, and 2 for a wrong command line", async () => {
  const bad = await orrery(["sats", "ls"], {
    env: { ORRERY_TOKEN: "orr_notARealTokenAtAll0000000000000000" },
  });
  expect(bad.code).toBe(3);
  expect(bad.stderr).toContain("This API token is not valid: it is unknown, expired or revoked.");
  const usage = await orrery(["sats", "ls", "--colour"]);
  expect(usage.code).toBe(2);
  expect((await orrery(["rollout", "watch", "--help"])).code).toBe(0);
});
