import "server-only";
import { existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { processSingleton } from "../cache/process-singleton";
import { db, dbKind } from "../db";

// /readyz: may a load balancer send this process traffic? Only when the database answers, its migrations are
// the ones this build expects, every start-up warm-up is done, and the process is not shutting down.

export type ReadyAnswer = { status: 200 | 503; body: Record<string, unknown> };
export type ReadyFacts = {
  isDraining: boolean;
  warming: string[];
  /** null: the database did not answer. */
  applied: string[] | null;
  expected: string[];
};

const state = processSingleton("gateway.readiness", () => ({
  isDraining: false,
  warming: new Set<string>(),
  expected: null as string[] | null,
  /** Once every expected migration was seen applied it stays so: later checks only ask for `SELECT 1`. */
  isMigrated: false,
}));

/** The verdict, from facts gathered elsewhere; draining wins over everything so the balancer drains first. */
export function readinessVerdict(facts: ReadyFacts): ReadyAnswer {
  if (facts.isDraining) return { status: 503, body: { status: "draining" } };
  if (facts.applied === null) {
    return { status: 503, body: { status: "unavailable", reason: "database unreachable" } };
  }
  const applied = new Set(facts.applied);
  const missing = facts.expected.filter((name) => !applied.has(name));
  if (missing.length > 0) {
    return {
      status: 503,
      body: { status: "unavailable", reason: "migrations pending", pending: missing },
    };
  }
  if (facts.warming.length > 0) {
    return { status: 503, body: { status: "warming", waitingFor: facts.warming } };
  }
  return { status: 200, body: { status: "ready" } };
}

/** Marks a start-up warm-up as under way: /readyz answers 503 until the returned function is called. */
export function warming(name: string): () => void {
  state.warming.add(name);
  return () => void state.warming.delete(name);
}

/** Shutdown has begun: /readyz answers 503 from now on, while requests are still served. */
export function beginDraining(): void {
  state.isDraining = true;
}

export function isDraining(): boolean {
  return state.isDraining;
}

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), "../../prisma");

/** The migration folders shipped with this build for a database kind, in order. Read once per process. */
export function expectedMigrations(kind: "sqlite" | "postgres" = dbKind): string[] {
  if (state.expected) return state.expected;
  const dir =
    kind === "sqlite" ? join(MIGRATIONS_DIR, "migrations") : join(MIGRATIONS_DIR, "postgres/migrations");
  state.expected = existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, "migration.sql")))
        .map((e) => e.name)
        .sort()
    : [];
  return state.expected;
}

/** The migrations the ledger says were applied (prisma/migrate.ts writes it); null when the database is down. */
async function appliedMigrations(): Promise<string[] | null> {
  try {
    const rows = await db.$queryRawUnsafe<{ migration_name: string }[]>(
      `SELECT migration_name FROM "_prisma_migrations" WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL`,
    );
    return rows.map((r) => r.migration_name);
  } catch {
    // No ledger at all reads as nothing applied; an unreachable database as null.
    return (await databaseAnswers()) ? [] : null;
  }
}

async function databaseAnswers(): Promise<boolean> {
  try {
    await db.$queryRawUnsafe("SELECT 1");
    return true;
  } catch {
    return false;
  }
}

export async function readiness(): Promise<ReadyAnswer> {
  // Draining answers without a query: the balancer must see it even with the pool exhausted.
  if (state.isDraining) return readinessVerdict({ isDraining: true, warming: [], applied: [], expected: [] });
  const expected = expectedMigrations();
  let applied: string[] | null;
  if (state.isMigrated) applied = (await databaseAnswers()) ? expected : null;
  else applied = await appliedMigrations();
  const answer = readinessVerdict({ isDraining: false, warming: [...state.warming], applied, expected });
  if (answer.body.status !== "unavailable") state.isMigrated = true;
  return answer;
}

/** For tests: check the migration ledger again on the next call. */
export function forgetMigrationCheck(): void {
  state.isMigrated = false;
}
