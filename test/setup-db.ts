// Gives every test file a database of its own before any server module loads: a fresh SQLite file by
// default, or a fresh PostgreSQL database when DATABASE_URL names a server (CI runs the suite both ways).
import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll } from "vitest";
import { migrate } from "../prisma/migrate";

const base = process.env.DATABASE_URL;
const id = randomBytes(6).toString("hex");

async function freshPostgres(url: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `orrery_test_${id}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    url: target.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

if (base?.startsWith("postgres")) {
  const db = await freshPostgres(base);
  process.env.DATABASE_URL = db.url;
  process.env.ORRERY_TEST_ADMIN_URL = base;
  await migrate(db.url);
  afterAll(async () => {
    const { db: client } = await import("../server/db");
    const { closeRaw } = await import("../server/db-raw");
    // The bus's LISTEN connection would otherwise be cut by DROP DATABASE … WITH (FORCE) and warn.
    await (await import("../server/bus")).stopBus();
    await client.$disconnect();
    await closeRaw();
    await db.drop();
  });
} else {
  const dir = join(tmpdir(), "orrery-tests");
  mkdirSync(dir, { recursive: true });
  process.env.DATABASE_URL = `file:${join(dir, `${id}.db`)}`;
  await migrate(process.env.DATABASE_URL);
}
process.env.NEXTAUTH_SECRET ??= "orrery-test-secret-orrery-test-secret";
