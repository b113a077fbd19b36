import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { listMigrations, MIGRATION_DIRS, migratePostgres, migrateSqlite } from "./migrate";

describe("migrations", () => {
  it("ship for both databases with the same names", () => {
    const sqlite = listMigrations(MIGRATION_DIRS.sqlite).map((m) => m.name);
    const postgres = listMigrations(MIGRATION_DIRS.postgres).map((m) => m.name);
    expect(sqlite.length).toBeGreaterThan(0);
    expect(postgres).toEqual(sqlite);
  });

  it("apply to a new SQLite file, then a second run does nothing", () => {
    const file = join(mkdtempSync(join(tmpdir(), "orrery-mig-")), "twice.db");
    const first = migrateSqlite(file);
    expect(first.applied.length).toBe(listMigrations(MIGRATION_DIRS.sqlite).length);
    const second = migrateSqlite(file);
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toBe(first.applied.length);
    const db = new Database(file, { readonly: true });
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type='table'").all() as {
      name: string;
    }[];
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining(["Satellite", "TelemetrySample", "Lease", "AuditEvent"]),
    );
    db.close();
  });

  it.runIf(process.env.ORRERY_TEST_ADMIN_URL)(
    "apply to a new PostgreSQL database, then a second run does nothing",
    async () => {
      const admin = process.env.ORRERY_TEST_ADMIN_URL!;
      const name = `orrery_mig_${randomBytes(4).toString("hex")}`;
      const client = new pg.Client({ connectionString: admin });
      await client.connect();
      await client.query(`CREATE DATABASE ${name}`);
      try {
        const url = new URL(admin);
        url.pathname = `/${name}`;
        const [a, b] = await Promise.all([migratePostgres(url.toString()), migratePostgres(url.toString())]);
        // Two replicas starting at once: the advisory lock lets one apply and the other find it done.
        expect([a.applied.length, b.applied.length].sort()).toEqual([
          0,
          listMigrations(MIGRATION_DIRS.postgres).length,
        ]);
        expect((await migratePostgres(url.toString())).applied).toEqual([]);
      } finally {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await client.end();
      }
    },
  );
});
