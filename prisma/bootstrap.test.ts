import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "../server/db";
import { runScript } from "../test/spawn-script";
import { bootstrap } from "./bootstrap";
import demoAccounts from "./seed-data/demo-accounts.json";
import { REGIONS } from "./seed-data/regions";

const admin = process.env.ORRERY_TEST_ADMIN_URL;
const TABLES = ["ComplianceRegion", "Satellite", "StatusPage", "User", "JoinToken", "Release"] as const;
type Counts = Record<(typeof TABLES)[number], number>;
const dropped: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const drop of dropped) await drop();
});

/** An empty database, never migrated: a SQLite file in its own directory, or a new PostgreSQL database. */
async function emptyDatabase(): Promise<{ url: string; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), "orrery-install-"));
  if (!admin) return { url: `file:${join(dir, "orrery.db")}`, dir };
  const name = `orrery_install_${randomBytes(4).toString("hex")}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  dropped.push(async () => {
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  });
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return { url: url.toString(), dir };
}

async function counts(url: string): Promise<Counts> {
  const result = {} as Counts;
  if (url.startsWith("file:")) {
    const file = new Database(url.slice(5), { readonly: true });
    for (const t of TABLES)
      result[t] = (file.prepare(`SELECT COUNT(*) AS n FROM "${t}"`).get() as { n: number }).n;
    file.close();
    return result;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  for (const t of TABLES)
    result[t] = Number((await client.query(`SELECT COUNT(*) AS n FROM "${t}"`)).rows[0].n);
  await client.end();
  return result;
}

const nothingButRegions: Counts = {
  ComplianceRegion: REGIONS.length,
  Satellite: 0,
  StatusPage: 0,
  User: 0,
  JoinToken: 0,
  Release: 0,
};

describe("a production install", () => {
  it("gets the compliance regions from db:migrate, and no satellite, status page or user", async () => {
    const { url } = await emptyDatabase();
    const env = { NODE_ENV: "production", DATABASE_URL: url };
    const first = await runScript(["prisma/migrate.ts"], env);
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`Installed ${REGIONS.length} compliance regions.`);
    expect(await counts(url)).toEqual(nothingButRegions);
    // Twice, and db:bootstrap alone: the same rows, never more.
    expect((await runScript(["prisma/migrate.ts"], env)).code).toBe(0);
    expect((await runScript(["prisma/bootstrap.ts"], env)).code).toBe(0);
    expect(await counts(url)).toEqual(nothingButRegions);
  });

  it("creates its first admin with user:create, never in the demo domain", async () => {
    const { url } = await emptyDatabase();
    const env = { NODE_ENV: "production", DATABASE_URL: url, ORRERY_NEW_PASSWORD: "a-long-real-password" };
    expect((await runScript(["prisma/migrate.ts"], env)).code).toBe(0);
    const demo = await runScript(
      ["scripts/user-create.ts", "--email", "boss@orrery.local", "--role", "admin"],
      env,
    );
    expect(demo.code).toBe(1);
    expect(demo.stderr.trim()).toBe(
      "email: is reserved for demo accounts (@orrery.local); use a real address",
    );
    const real = await runScript(
      ["scripts/user-create.ts", "--email", "ops@example.com", "--role", "admin"],
      env,
    );
    expect(real.code).toBe(0);
    expect((await counts(url)).User).toBe(1);
  });

  it("is refused by the demo seed with one line, and nothing is written", async () => {
    const { url, dir } = await emptyDatabase();
    const run = await runScript(["prisma/seed.ts"], { NODE_ENV: "production", DATABASE_URL: url });
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toMatch(/^npm run db:seed refuses to run with NODE_ENV=production: [^\n]*$/);
    expect(run.stdout).toBe("");
    expect(existsSync(join(dir, "demo-join-tokens.json"))).toBe(false);
    // Refused before it migrates: the database is still empty.
    if (!admin) expect(existsSync(url.slice(5))).toBe(false);
  });
});

describe("bootstrap", () => {
  it("installs every compliance region once, however often it runs", async () => {
    await bootstrap(db);
    await bootstrap(db);
    expect(await db.complianceRegion.count()).toBe(REGIONS.length);
    expect(await db.satellite.count()).toBe(0);
    expect(await db.statusPage.count()).toBe(0);
  });
});

// On PostgreSQL the seed writes the simulator's tokens into data/, which belongs to the developer's demo.
describe.runIf(!admin)("the demo seed outside production", () => {
  it("writes demo satellites, join tokens, releases, users and the public page global", async () => {
    const { url, dir } = await emptyDatabase();
    const run = await runScript(["prisma/seed.ts", "--satellites", "5"], {
      NODE_ENV: "development",
      DATABASE_URL: url,
    });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const seeded = await counts(url);
    expect(seeded.ComplianceRegion).toBe(REGIONS.length);
    expect(seeded.Satellite).toBe(5);
    expect(seeded.StatusPage).toBe(1);
    expect(seeded.User).toBe(demoAccounts.length);
    expect(seeded.Release).toBeGreaterThan(0);
    expect(seeded.JoinToken).toBeGreaterThan(0);
    expect(existsSync(join(dir, "demo-join-tokens.json"))).toBe(true);
  });
});
