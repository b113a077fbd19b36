import "server-only";
import Database from "better-sqlite3";
import pg from "pg";
import { dropProcessSingleton, processSingleton } from "./cache/process-singleton";
import { databaseKind, env, sqlitePath } from "./env";

// The hot paths (agent ingest and token checks) use the drivers themselves: Prisma's calls measured many
// times slower here. Everything else goes through Prisma (server/db.ts).

export type RawSqlite = Database.Database;

/** A new connection to the SQLite file. `busyTimeoutMs` is how long a write waits for the lock, blocking. */
export function openSqlite(busyTimeoutMs: number): RawSqlite {
  const db = new Database(sqlitePath(), { timeout: busyTimeoutMs });
  db.pragma("journal_mode = WAL");
  // NORMAL in WAL mode: a commit survives a process crash; only power loss can take the last few.
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  return db;
}

/** The process's shared connection: token lookups, and the reconciler's roll-ups in its own process. */
export function rawSqlite(): RawSqlite {
  return processSingleton("db.raw-sqlite", () => openSqlite(10_000));
}

export function rawPgPool(): pg.Pool {
  // timestamp without time zone holds UTC (Prisma's convention): read it back as UTC, whatever TZ says.
  pg.types.setTypeParser(pg.types.builtins.TIMESTAMP, (text) => new Date(`${text.replace(" ", "T")}Z`));
  return processSingleton("db.raw-pg-pool", () => {
    const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 8 });
    // An idle connection dropped by the server must not crash the process; the pool reconnects.
    pool.on("error", (error) =>
      console.error(JSON.stringify({ level: "warn", message: "pg pool", error: error.message })),
    );
    return pool;
  });
}

export const isSqlite = databaseKind() === "sqlite";

/** Prisma's SQLite adapter stores DateTime as ISO text with an explicit offset; raw writes must match. */
export function sqliteDate(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}

/** Prisma keeps PostgreSQL DateTime as UTC in `timestamp(3)`, which ignores any offset in its input. */
export function pgDate(date: Date): string {
  return date.toISOString().slice(0, 23);
}

export async function closeRaw(): Promise<void> {
  dropProcessSingleton<RawSqlite>("db.raw-sqlite")?.close();
  await dropProcessSingleton<pg.Pool>("db.raw-pg-pool")?.end();
}
