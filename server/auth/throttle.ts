import "server-only";
import { createHash } from "node:crypto";
import { db } from "../db";

// Two counters, neither of them per account: one per (address, email) and one per address. Guessing from
// one place slows down quickly, but nobody elsewhere can lock a user out of their own account.
const WINDOW_MS = 15 * 60_000;
const PAIR_FREE_FAILURES = 5;
const ADDRESS_FREE_FAILURES = 50;
const MAX_BLOCK_MS = 15 * 60_000;

function keyOf(kind: "pair" | "address", ip: string, email = ""): string {
  return `${kind}:${createHash("sha256").update(`${ip}\n${email}`).digest("hex").slice(0, 32)}`;
}

export type ThrottleState = { isBlocked: boolean; retryAfterSec: number };

export async function checkThrottle(ip: string, email: string, now = new Date()): Promise<ThrottleState> {
  const rows = await db.authThrottle.findMany({
    where: { key: { in: [keyOf("pair", ip, email), keyOf("address", ip)] } },
  });
  const until = Math.max(0, ...rows.map((r) => r.blockedUntil?.getTime() ?? 0));
  const waitMs = until - now.getTime();
  return waitMs > 0
    ? { isBlocked: true, retryAfterSec: Math.ceil(waitMs / 1000) }
    : { isBlocked: false, retryAfterSec: 0 };
}

async function bump(key: string, freeFailures: number, now: Date) {
  const row = await db.authThrottle.findUnique({ where: { key } });
  const isFresh = !row || now.getTime() - row.windowStart.getTime() > WINDOW_MS;
  const failures = isFresh ? 1 : row.failures + 1;
  // Past the free attempts, each failure doubles the wait: 1 s, 2 s, 4 s … up to 15 min.
  const over = failures - freeFailures;
  const blockedUntil =
    over > 0 ? new Date(now.getTime() + Math.min(MAX_BLOCK_MS, 1000 * 2 ** (over - 1))) : null;
  await db.authThrottle.upsert({
    where: { key },
    create: { key, failures, windowStart: now, blockedUntil },
    update: { failures, windowStart: isFresh ? now : undefined, blockedUntil },
  });
}

export async function recordFailure(ip: string, email: string, now = new Date()): Promise<void> {
  await bump(keyOf("pair", ip, email), PAIR_FREE_FAILURES, now);
  await bump(keyOf("address", ip), ADDRESS_FREE_FAILURES, now);
}

export async function recordSuccess(ip: string, email: string): Promise<void> {
  await db.authThrottle.deleteMany({ where: { key: keyOf("pair", ip, email) } });
}
