// Applies the committed SQL migrations in order, each in its own transaction, recording them in a table
// shaped like Prisma's `_prisma_migrations`. Safe to run twice and, on PostgreSQL, from several replicas at
// once (an advisory lock serialises them). Prisma's own `migrate` cannot run on these machines.
import { createHash, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import pg from "pg";
import { encodeLabelPair, labelTextOf } from "../lib/labels";

const here = dirname(fileURLToPath(import.meta.url));
export const MIGRATION_DIRS = {
  sqlite: join(here, "migrations"),
  postgres: join(here, "postgres/migrations"),
};

type Migration = { name: string; sql: string; checksum: string };
export type MigrateResult = { applied: string[]; alreadyApplied: number };

export function listMigrations(dir: string): Migration[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

const LEDGER = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMP,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMP,
  "started_at" TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

function checkDrift(applied: Map<string, string>, migrations: Migration[]) {
  for (const m of migrations) {
    const checksum = applied.get(m.name);
    if (checksum && checksum !== m.checksum) {
      throw new Error(
        `Migration ${m.name} was changed after it was applied. Add a new migration instead of editing it.`,
      );
    }
  }
}

export function migrateSqlite(file: string, dir = MIGRATION_DIRS.sqlite): MigrateResult {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file, { timeout: 10_000 });
  try {
    // WAL lets the console read while ingest writes; it is a property of the file, so set once here too.
    db.pragma("journal_mode = WAL");
    db.exec(LEDGER);
    const rows = db
      .prepare(`SELECT migration_name, checksum FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`)
      .all() as { migration_name: string; checksum: string }[];
    const applied = new Map(rows.map((r) => [r.migration_name, r.checksum]));
    const migrations = listMigrations(dir);
    checkDrift(applied, migrations);
    const done: string[] = [];
    for (const m of migrations.filter((x) => !applied.has(x.name))) {
      // Table rebuilds need foreign keys off, and SQLite ignores that pragma inside a transaction.
      db.pragma("foreign_keys = OFF");
      try {
        db.exec("BEGIN IMMEDIATE");
        try {
          db.exec(m.sql);
          const violations = db.pragma("foreign_key_check") as unknown[];
          if (violations.length > 0) {
            throw new Error(`${m.name} leaves ${violations.length} foreign key violations`);
          }
          db.prepare(
            `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
             VALUES (?, ?, CURRENT_TIMESTAMP, ?, CURRENT_TIMESTAMP, 1)`,
          ).run(randomUUID(), m.checksum, m.name);
          db.exec("COMMIT");
        } catch (error) {
          db.exec("ROLLBACK");
          throw error;
        }
      } finally {
        db.pragma("foreign_keys = ON");
      }
      done.push(m.name);
    }
    db.transaction(() => {
      const marker = db.prepare(`SELECT "value" FROM "JobState" WHERE "name" = ?`).get(LABELS_MARKER);
      if (marker) return;
      const rows = db.prepare(`SELECT "id", "labels" FROM "Satellite"`).all() as {
        id: string;
        labels: string;
      }[];
      const update = db.prepare(`UPDATE "Satellite" SET "labelText" = ? WHERE "id" = ?`);
      for (const r of rows) update.run(labelTextOf(parseLabels(r.labels)), r.id);
      const pages = db.prepare(`SELECT "id", "labelSelector" FROM "StatusPage"`).all() as Selector[];
      const updatePage = db.prepare(`UPDATE "StatusPage" SET "labelSelector" = ? WHERE "id" = ?`);
      for (const p of pages) updatePage.run(reencodeSelector(p.labelSelector), p.id);
      db.prepare(`INSERT INTO "JobState" ("name", "value", "updatedAt") VALUES (?, '2', ?)`).run(
        LABELS_MARKER,
        new Date().toISOString().replace("Z", "+00:00"),
      );
    })();
    return { applied: done, alreadyApplied: applied.size };
  } finally {
    db.close();
  }
}

// Label filter text moved to an encoding that makes LIKE exact (lib/labels.ts); rows written before are
// re-encoded once, and this marker says it was done.
const LABELS_MARKER = "labels.encoding";
type Selector = { id: string; labelSelector: string };

function parseLabels(value: unknown): Record<string, string> {
  const parsed = typeof value === "string" ? (JSON.parse(value) as unknown) : value;
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return {};
  return Object.fromEntries(
    Object.entries(parsed as Record<string, unknown>).filter(
      (e): e is [string, string] => typeof e[1] === "string",
    ),
  );
}

function reencodeSelector(raw: string): string {
  const pairs = raw.split("|").filter(Boolean);
  return pairs.length ? `|${pairs.map(encodeLabelPair).join("|")}|` : "";
}

const LOCK_KEY = 0x0_72_72_79; // "orry": one advisory lock for every Orrery migrator

export async function migratePostgres(url: string, dir = MIGRATION_DIRS.postgres): Promise<MigrateResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
    await client.query(LEDGER);
    const { rows } = await client.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const applied = new Map(rows.map((r) => [r.migration_name, r.checksum]));
    const migrations = listMigrations(dir);
    checkDrift(applied, migrations);
    const done: string[] = [];
    for (const m of migrations.filter((x) => !applied.has(x.name))) {
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
           VALUES ($1, $2, now(), $3, now(), 1)`,
          [randomUUID(), m.checksum, m.name],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
      done.push(m.name);
    }
    await client.query("BEGIN");
    try {
      const marker = await client.query(`SELECT 1 FROM "JobState" WHERE "name" = $1`, [LABELS_MARKER]);
      if (marker.rowCount === 0) {
        const rows = await client.query<{ id: string; labels: unknown }>(
          `SELECT "id", "labels" FROM "Satellite"`,
        );
        for (const r of rows.rows) {
          await client.query(`UPDATE "Satellite" SET "labelText" = $1 WHERE "id" = $2`, [
            labelTextOf(parseLabels(r.labels)),
            r.id,
          ]);
        }
        const pages = await client.query<Selector>(`SELECT "id", "labelSelector" FROM "StatusPage"`);
        for (const p of pages.rows) {
          await client.query(`UPDATE "StatusPage" SET "labelSelector" = $1 WHERE "id" = $2`, [
            reencodeSelector(p.labelSelector),
            p.id,
          ]);
        }
        await client.query(`INSERT INTO "JobState" ("name", "value", "updatedAt") VALUES ($1, '2', now())`, [
          LABELS_MARKER,
        ]);
      }
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK");
      throw error;
    }
    return { applied: done, alreadyApplied: applied.size };
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}

export async function migrate(url: string): Promise<MigrateResult> {
  if (url.startsWith("file:")) {
    const path = url.replace(/^file:/, "").replace(/\?.*$/, "");
    return migrateSqlite(resolve(process.cwd(), path));
  }
  return migratePostgres(url);
}

async function main() {
  const url = process.env.DATABASE_URL ?? "file:./data/orrery.db";
  const where = url.startsWith("file:") ? url : url.replace(/\/\/[^@]*@/, "//…@");
  const result = await migrate(url);
  console.log(
    result.applied.length
      ? `Applied ${result.applied.length} migration(s) to ${where}: ${result.applied.join(", ")}`
      : `${where} is up to date (${result.alreadyApplied} migration(s) applied before).`,
  );
  // The reference data every core needs (never demo data); loaded late so tests can import migrate alone.
  const { bootstrapDatabase } = await import("./bootstrap");
  const installed = await bootstrapDatabase();
  console.log(`Installed ${installed.regions} compliance regions.`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
