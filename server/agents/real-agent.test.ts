import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { release, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ctxAs, satelliteInput, seedRegions } from "../../test/factories";
import { db } from "../db";
import { createGateway } from "../gateway";
import { registerSatellite } from "../satellites/register";
import { createJoinToken } from "./join-tokens";

// The real agent (agent/agent.ts) as its own process against the core's machine path over real HTTP.
let agent: ChildProcess | null = null;
afterAll(() => {
  agent?.kill("SIGKILL");
});

function listen(port = 0) {
  const gateway = createGateway();
  const server = createServer((req, res) => {
    if (!gateway.handle(req, res)) res.writeHead(404).end();
  });
  return new Promise<{ port: number; close: () => Promise<void> }>((resolve) =>
    server.listen(port, "127.0.0.1", () =>
      resolve({
        port: (server.address() as AddressInfo).port,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      }),
    ),
  );
}

async function until(check: () => Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe("the real agent", () => {
  it(
    "enrolls, reports host figures, buffers while the core is down and flushes when it is back",
    { timeout: 90_000 },
    async () => {
      await seedRegions();
      const admin = await ctxAs("admin");
      const { id: satelliteId } = await registerSatellite(admin, satelliteInput());
      const { token } = await createJoinToken(admin, { satelliteId });
      const stateDir = mkdtempSync(join(tmpdir(), "orrery-agent-"));
      const backupHook = join(stateDir, "last-backup.sh");
      writeFileSync(backupHook, "#!/bin/sh\necho 2026-12-01T03:00:00Z\n");
      chmodSync(backupHook, 0o755);
      let core = await listen();
      const port = core.port;
      agent = spawn(
        process.execPath,
        [
          "--import",
          "tsx",
          "agent/agent.ts",
          "--core",
          `http://127.0.0.1:${port}`,
          "--join-token",
          token,
          "--state-dir",
          stateDir,
          "--interval-override",
          "1",
          "--backup-hook",
          backupHook,
        ],
        { stdio: ["ignore", "pipe", "pipe"] },
      );
      let output = "";
      agent.stdout?.on("data", (c) => (output += String(c)));
      agent.stderr?.on("data", (c) => (output += String(c)));
      const stored = () => db.telemetrySample.count({ where: { satelliteId } });

      await until(
        async () => (await stored()) >= 3,
        30_000,
        `the first samples (agent said: ${output.slice(-500)})`,
      );
      const s = await db.satellite.findUniqueOrThrow({ where: { id: satelliteId } });
      expect(s.lifecycle).toBe("active");
      expect(s.agentVersion).toBeTruthy();
      const first = await db.telemetrySample.findFirstOrThrow({ where: { satelliteId } });
      expect(first.memPct).toBeGreaterThan(0);
      expect(first.memPct).toBeLessThanOrEqual(100);

      // The host facts, read for real on this machine, arrive beside the heartbeats on start.
      await until(
        async () => (await db.satelliteFacts.count({ where: { satelliteId } })) === 1,
        60_000,
        `the host facts (agent said: ${output.slice(-500)})`,
      );
      const facts = await db.satelliteFacts.findUniqueOrThrow({ where: { satelliteId } });
      expect(facts.kernel).toBe(release());
      expect(facts.agentVersion).toBe("1.4.0");
      expect(facts.lastBackupAt?.toISOString()).toBe("2026-12-01T03:00:00.000Z");

      // The core goes away for a few seconds; the agent keeps sampling into its disk buffer.
      await core.close();
      // A heartbeat accepted just before the close may still be committing: start counting once it holds.
      let beforeOutage = await stored();
      for (let settled = false; !settled;) {
        await new Promise((r) => setTimeout(r, 500));
        const now = await stored();
        settled = now === beforeOutage;
        beforeOutage = now;
      }
      await new Promise((r) => setTimeout(r, 4_000));
      expect(await stored()).toBe(beforeOutage);
      core = await listen(port);

      const seqOnDisk = () => {
        const state = JSON.parse(readFileSync(join(stateDir, "state.json"), "utf8")) as {
          seq?: number;
          nextSeq?: number;
        };
        return state.seq ?? state.nextSeq ?? 0;
      };
      await until(async () => (await stored()) >= beforeOutage + 4, 30_000, "the buffered samples");
      agent.kill("SIGTERM");
      await new Promise((r) => agent?.once("exit", r));
      agent = null;
      await core.close();

      const seqs = (
        await db.telemetrySample.findMany({
          where: { satelliteId },
          select: { seq: true },
          orderBy: { seq: "asc" },
        })
      ).map((r) => Number(r.seq));
      // Every sample taken was stored exactly once, including those taken while the core was down.
      expect(new Set(seqs).size).toBe(seqs.length);
      expect(seqs.length).toBeGreaterThanOrEqual(beforeOutage + 4);
      const highest = seqs[seqs.length - 1];
      const lowest = seqs[0];
      expect(seqs.length).toBe(highest - lowest + 1);
      expect(seqOnDisk()).toBeGreaterThanOrEqual(highest);
    },
  );
});
