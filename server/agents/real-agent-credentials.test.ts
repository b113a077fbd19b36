import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ctxAs, satelliteInput, seedRegions } from "../../test/factories";
import { startGateway } from "../../test/gateway";
import type { Ctx } from "../auth/context";
import { enqueueCommand } from "../commands/enqueue";
import { db } from "../db";
import { registerSatellite } from "../satellites/register";
import { createJoinToken } from "./join-tokens";
import { revokeAgentCredentials } from "./revoke";

// The real agent (agent/agent.ts) as its own process: a rotation, then a revocation and --re-enroll.
let gw: Awaited<ReturnType<typeof startGateway>>;
let agent: ChildProcess | null = null;
let admin: Ctx;
beforeAll(async () => {
  await seedRegions();
  admin = await ctxAs("admin");
  gw = await startGateway();
});
afterAll(async () => {
  agent?.kill("SIGKILL");
  await gw.close();
});

async function until(check: () => Promise<boolean>, timeoutMs: number, what: () => string) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what()}`);
}

function startAgent(stateDir: string, args: string[]) {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "agent/agent.ts",
      "--core",
      gw.url,
      "--state-dir",
      stateDir,
      "--interval-override",
      "1",
      ...args,
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  const log = { text: "" };
  child.stdout?.on("data", (c) => (log.text += String(c)));
  child.stderr?.on("data", (c) => (log.text += String(c)));
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  return { child, log, exited };
}

const savedToken = (stateDir: string) =>
  (JSON.parse(readFileSync(join(stateDir, "state.json"), "utf8")) as { agentToken: string }).agentToken;

describe("the real agent and its credentials", () => {
  it(
    "switches to a rotated token, and after a revocation enrolls again with --re-enroll",
    { timeout: 90_000 },
    async () => {
      const operator = await ctxAs("operator");
      const { id: satelliteId } = await registerSatellite(admin, satelliteInput());
      const { token } = await createJoinToken(admin, { satelliteId });
      const stateDir = mkdtempSync(join(tmpdir(), "orrery-agent-cred-"));
      const stored = () => db.telemetrySample.count({ where: { satelliteId, seq: { gte: 0 } } });

      const first = startAgent(stateDir, ["--join-token", token]);
      agent = first.child;
      await until(
        async () => (await stored()) >= 2,
        30_000,
        () => `first samples: ${first.log.text.slice(-400)}`,
      );
      const enrolledToken = savedToken(stateDir);

      const cmd = await enqueueCommand(operator, { satelliteId, type: "agent.rotate-credentials" });
      await until(
        async () => (await db.command.findUniqueOrThrow({ where: { id: cmd.id } })).state === "succeeded",
        30_000,
        () => `the rotation ack: ${first.log.text.slice(-400)}`,
      );
      const rotated = savedToken(stateDir);
      expect(rotated).not.toBe(enrolledToken);
      const credentials = await db.agentCredential.findMany({
        where: { satelliteId },
        orderBy: { createdAt: "asc" },
      });
      expect(credentials).toHaveLength(2);
      expect(credentials[0].expiresAt).not.toBeNull(); // the enrolled token is in its grace period
      expect(credentials[1]).toMatchObject({ rotationCommandId: cmd.id, revokedAt: null, expiresAt: null });
      const afterRotation = await stored();
      await until(
        async () => (await stored()) >= afterRotation + 2,
        30_000,
        () => "heartbeats with the new token",
      );

      // Revoked: the agent is refused and stops.
      const { joinToken } = await revokeAgentCredentials(admin, { satelliteId, reason: "rotation test" });
      expect(await first.exited).not.toBe(0);
      agent = null;
      expect(first.log.text).toMatch(/--re-enroll/);

      // Enrolled again with the same state directory: it keeps reporting, stored as fresh samples.
      const before = await stored();
      const second = startAgent(stateDir, ["--join-token", joinToken.token, "--re-enroll"]);
      agent = second.child;
      await until(
        async () =>
          (await db.auditEvent.count({ where: { targetId: satelliteId, action: "agent.reenroll" } })) > 0,
        30_000,
        () => `the re-enrollment: ${second.log.text.slice(-400)}`,
      );
      await until(
        async () => (await stored()) >= 2,
        30_000,
        () => `samples after --re-enroll: ${second.log.text.slice(-400)}`,
      );
      // The re-enrollment archived the earlier rows below seq 0; the new ones are stored beside them.
      expect(await db.telemetrySample.count({ where: { satelliteId, seq: { lt: 0 } } })).toBe(before);
      expect(savedToken(stateDir)).not.toBe(rotated);
      const s = await db.satellite.findUniqueOrThrow({ where: { id: satelliteId } });
      expect(s.reportedHealth).not.toBe("unknown");
      agent.kill("SIGTERM");
      await second.exited;
      agent = null;
    },
  );
});
