import "server-only";
import { createHash } from "node:crypto";
import { db, Prisma } from "../db";

/** How long a key's first answer is replayed; after that the key may be used again. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
const IN_FLIGHT = 0;

export type Replay =
  | { kind: "fresh"; recordId: string }
  | { kind: "replay"; status: number; body: string }
  | { kind: "mismatch" }
  | { kind: "in-flight" };

export function bodyHash(method: string, path: string, body: string): string {
  return createHash("sha256").update(`${method} ${path}\n${body}`).digest("hex");
}

/**
 * Claims `key` for this caller before the work runs, so two concurrent repeats cannot both act: the first
 * inserts a placeholder, the second finds it and is told to retry. A finished record is replayed when the
 * same request comes again, and refused when the key comes with another request.
 */
export async function claimKey(
  scope: string,
  key: string,
  method: string,
  path: string,
  hash: string,
  now = new Date(),
): Promise<Replay> {
  const existing = await db.idempotencyRecord.findUnique({ where: { scope_key: { scope, key } } });
  if (existing && now.getTime() - existing.createdAt.getTime() > IDEMPOTENCY_TTL_MS) {
    await db.idempotencyRecord.deleteMany({ where: { id: existing.id } });
  } else if (existing) {
    if (existing.bodyHash !== hash) return { kind: "mismatch" };
    if (existing.status === IN_FLIGHT) return { kind: "in-flight" };
    return { kind: "replay", status: existing.status, body: existing.body };
  }
  try {
    const row = await db.idempotencyRecord.create({
      data: { scope, key, method, path, bodyHash: hash, status: IN_FLIGHT, body: "", createdAt: now },
    });
    return { kind: "fresh", recordId: row.id };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return claimKey(scope, key, method, path, hash, now);
    }
    throw error;
  }
}

/** Keeps the first answer. A failure on our side frees the key instead, so the caller may retry it. */
export async function settleKey(recordId: string, status: number, body: string): Promise<void> {
  if (status >= 500) {
    await db.idempotencyRecord.deleteMany({ where: { id: recordId } });
    return;
  }
  await db.idempotencyRecord.update({ where: { id: recordId }, data: { status, body } });
}

/** Retention: drops answers older than the replay window. */
export async function pruneIdempotencyRecords(now = new Date()): Promise<number> {
  const { count } = await db.idempotencyRecord.deleteMany({
    where: { createdAt: { lt: new Date(now.getTime() - IDEMPOTENCY_TTL_MS) } },
  });
  return count;
}
