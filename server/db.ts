import "server-only";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PostgresClient } from "../prisma/generated/postgres/client";
import { Prisma, PrismaClient as SqliteClient } from "../prisma/generated/sqlite/client";
import { processSingleton } from "./cache/process-singleton";
import { databaseKind, env, sqlitePath } from "./env";
import { AppError } from "./errors";

// Both clients are generated from one schema (only the provider differs), so one build serves either
// database and the SQLite client's types describe both.
export type Db = SqliteClient;
export type Tx = Prisma.TransactionClient;
export { Prisma };

/** The PostgreSQL client has the same API as the SQLite one; TypeScript just cannot see that they match. */
function asSharedClient(client: PostgresClient): Db {
  return client as unknown as Db;
}

function createDb(url: string): Db {
  if (databaseKind(url) === "sqlite") {
    // timeout is better-sqlite3's busy timeout: writers wait for each other instead of failing.
    const adapter = new PrismaBetterSqlite3({ url: `file:${sqlitePath(url)}`, timeout: 10_000 });
    return new SqliteClient({ adapter });
  }
  const adapter = new PrismaPg({ connectionString: url, max: 10 });
  return asSharedClient(new PostgresClient({ adapter }));
}

// One client per process, shared by Next's bundle and the server entry and kept across Next's dev reloads.
export const db: Db = processSingleton("db.prisma", () => createDb(env.DATABASE_URL));

export const dbKind = databaseKind(env.DATABASE_URL);

/** Maps a unique-constraint violation to a CONFLICT naming the field (under `fieldPrefix`), passing all else on. */
export function conflictOnUnique(error: unknown, messages: Record<string, string>, fieldPrefix = ""): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    const target = JSON.stringify(error.meta ?? {});
    const [field, message] = Object.entries(messages).find(([f]) => target.includes(f)) ??
      Object.entries(messages)[0] ?? ["_", "Already exists."];
    throw new AppError("CONFLICT", message, { fields: { [fieldPrefix + field]: message } });
  }
  throw error;
}

/**
 * An interactive transaction that is safe beside the ingest writer. On SQLite (WAL), a transaction that reads
 * and then writes after another connection committed fails at once (a stale snapshot): taking the write lock
 * first, with a write that changes nothing, makes it wait its turn instead, like BEGIN IMMEDIATE.
 */
export async function transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  const options = { maxWait: 10_000, timeout: 20_000 };
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        if (dbKind === "sqlite") await tx.$executeRawUnsafe(`DELETE FROM "JobState" WHERE 0`);
        return fn(tx);
      }, options);
    } catch (error) {
      const isBusy =
        error instanceof Prisma.PrismaClientKnownRequestError && ["P1008", "P2034"].includes(error.code);
      if (!isBusy || attempt >= 3) throw error;
      await new Promise((r) => setTimeout(r, 20 * attempt + Math.random() * 30));
    }
  }
}
