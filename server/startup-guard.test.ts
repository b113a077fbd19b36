import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { migrate } from "../prisma/migrate";
import { runScript } from "../test/spawn-script";
import { db } from "./db";
import { disableDemoAccounts } from "./demo-accounts";

const SECRET = "orrery-start-test-secret-0123456789abcdef";
const isPostgres = !!process.env.ORRERY_TEST_ADMIN_URL;

/** A migrated database nobody else uses: a SQLite file in its own directory, or this file's PostgreSQL one. */
async function freshDatabase(): Promise<{ url: string; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), "orrery-start-"));
  if (isPostgres) return { url: process.env.DATABASE_URL!, dir };
  const url = `file:${join(dir, "orrery.db")}`;
  await migrate(url);
  return { url, dir };
}

describe("a production core at start", () => {
  it("exits with 1 before Next loads when NEXTAUTH_SECRET is missing, naming it", async () => {
    const { url, dir } = await freshDatabase();
    const run = await runScript(["server/main.ts"], {
      NODE_ENV: "production",
      DATABASE_URL: url,
      NEXTAUTH_URL: "https://orrery.example.com",
      PORT: "3391",
    });
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toMatch(/^Orrery refuses to start: NEXTAUTH_SECRET is not set\.[^\n]*$/);
    expect(run.stdout).not.toContain("listening");
    // The refusal comes before Next loads (no build is needed to see it) and before any secret is generated.
    expect(existsSync(join(dir, "auth-secret"))).toBe(false);
  });

  it("refuses a TRUSTED_PROXIES entry that is not an address or range, naming it, even as a demo", async () => {
    const { url } = await freshDatabase();
    const run = await runScript(["scripts/worker.ts"], {
      NODE_ENV: "production",
      ORRERY_DEMO: "1",
      DATABASE_URL: url,
      TRUSTED_PROXIES: "10.0.0.0/8, proxy.internal",
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'Orrery refuses to start: TRUSTED_PROXIES: "proxy.internal" is not an IP address',
    );
  });

  it("refuses a plain-http NEXTAUTH_URL unless ORRERY_ALLOW_INSECURE_HTTP=1", async () => {
    const { url } = await freshDatabase();
    const env = { NODE_ENV: "production", DATABASE_URL: url, NEXTAUTH_SECRET: SECRET };
    const plain = await runScript(["scripts/worker.ts"], {
      ...env,
      NEXTAUTH_URL: "http://orrery.example.com",
    });
    expect(plain.code).toBe(1);
    expect(plain.stderr).toMatch(/NEXTAUTH_URL is http:\/\/orrery\.example\.com\. Set it to the https:\/\//);
    // Allowed, the worker gets past the checks and runs until it is stopped.
    const allowed = await runScript(
      ["scripts/worker.ts"],
      {
        ...env,
        NEXTAUTH_URL: "http://orrery.example.com",
        ORRERY_ALLOW_INSECURE_HTTP: "1",
        LOG_LEVEL: "info",
      },
      { until: (out) => out.stdout.includes("reconciler started"), timeoutMs: 20_000 },
    );
    expect(allowed.stderr).not.toContain("refuses");
    expect(allowed.stdout).toContain("reconciler started");
  });

  it("refuses while a demo account is enabled, and starts once it is disabled", async () => {
    await db.user.create({
      data: { email: "admin@orrery.local", name: "Ada", role: "admin", passwordHash: "x" },
    });
    const env = {
      NODE_ENV: "production",
      DATABASE_URL: process.env.DATABASE_URL,
      NEXTAUTH_SECRET: SECRET,
      NEXTAUTH_URL: "https://orrery.example.com",
    };
    const refused = await runScript(["server/main.ts"], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim()).toMatch(
      /^Orrery refuses to start: demo account\(s\) .*\(admin@orrery\.local\)\. Disable them with npm run user:disable-demo\.$/,
    );
    await disableDemoAccounts();
    const worker = await runScript(
      ["scripts/worker.ts"],
      { ...env, LOG_LEVEL: "info" },
      {
        until: (out) => out.stdout.includes("reconciler started"),
        timeoutMs: 20_000,
      },
    );
    expect(worker.stderr).not.toContain("refuses");
    expect(worker.stdout).toContain("reconciler started");
  });

  it("runs as a demo with ORRERY_DEMO=1: no refusal, one warning line", async () => {
    const { url } = await freshDatabase();
    const run = await runScript(
      ["server/main.ts"],
      { NODE_ENV: "production", ORRERY_DEMO: "1", DATABASE_URL: url, PORT: "3392" },
      { until: (out) => out.stderr.includes("runs as a demo"), timeoutMs: 20_000 },
    );
    expect(run.stderr).not.toContain("refuses");
    expect(run.stderr.match(/runs as a demo/g)).toHaveLength(1);
  });
});
