import "server-only";
import { createHash } from "node:crypto";
import { transaction, type Tx } from "../db";
import { addressBucket } from "../http/client-address";

// Two counters, neither of them per account: one per (address, email) and one per address (an IPv6 client
// by its /64). Guessing from one place slows down quickly, but nobody elsewhere can lock a user out.
const WINDOW_MS = 15 * 60_000;
const PAIR_FREE_FAILURES = 5;
const ADDRESS_FREE_FAILURES = 50;
const MAX_BLOCK_MS = 15 * 60_000;

function keyOf(kind: "pair" | "address", bucket: string, email = ""): string {
  return `${kind}:${createHash("sha256").update(`${bucket}\n${email}`).digest("hex").slice(0, 32)}`;
}

/** What counting an attempt changed on the address counter, so a success can give it back. */
type Hold = { previousBlock: Date | null; block: Date | null };
export type Reservation = { pairKey: string; addressKey: string; addressHold: Hold };
export type ThrottleDecision =
  { isBlocked: true; retryAfterSec: number } | { isBlocked: false; reservation: Reservation };

class Refused extends Error {
  constructor(readonly waitMs: number) {
    super("sign-in attempt refused by the throttle");
  }
}

/**
 * Counts the attempt as a failure before the password is checked, in the same transaction that reads the
 * wait, so parallel attempts queue on the row instead of all passing an empty check.
 */
async function count(tx: Tx, key: string, freeFailures: number, now: Date): Promise<Hold> {
  const windowStart = new Date(now.getTime() - WINDOW_MS);
  await tx.authThrottle.deleteMany({
    where: {
      key,
      windowStart: { lt: windowStart },
      OR: [{ blockedUntil: null }, { blockedUntil: { lte: now } }],
    },
  });
  const row = await tx.authThrottle.upsert({
    where: { key },
    create: { key, failures: 1, windowStart: now },
    update: { failures: { increment: 1 } },
  });
  const waitMs = (row.blockedUntil?.getTime() ?? 0) - now.getTime();
  if (waitMs > 0) throw new Refused(waitMs);
  // Past the free attempts, each one doubles the wait before the next: 1 s, 2 s, 4 s … up to 15 min.
  const over = row.failures - freeFailures;
  if (over <= 0) return { previousBlock: row.blockedUntil, block: null };
  const block = new Date(now.getTime() + Math.min(MAX_BLOCK_MS, 1000 * 2 ** (over - 1)));
  await tx.authThrottle.update({ where: { key }, data: { blockedUntil: block } });
  return { previousBlock: row.blockedUntil, block };
}

/** Refuses the attempt while a wait runs (counting nothing); otherwise counts it as a failure up front. */
export async function reserveAttempt(ip: string, email: string, now = new Date()): Promise<ThrottleDecision> {
  const bucket = addressBucket(ip);
  const pairKey = keyOf("pair", bucket, email);
  const addressKey = keyOf("address", bucket);
  try {
    const addressHold = await transaction(async (tx) => {
      await count(tx, pairKey, PAIR_FREE_FAILURES, now);
      return count(tx, addressKey, ADDRESS_FREE_FAILURES, now);
    });
    return { isBlocked: false, reservation: { pairKey, addressKey, addressHold } };
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
    return { isBlocked: true, retryAfterSec: Math.ceil(error.waitMs / 1000) };
  }
}

/** A successful sign-in was no failure: the pair starts afresh and the address gets its attempt back. */
export async function releaseAttempt(
  tx: Tx,
  { pairKey, addressKey, addressHold }: Reservation,
): Promise<void> {
  await tx.authThrottle.deleteMany({ where: { key: pairKey } });
  await tx.authThrottle.updateMany({
    where: { key: addressKey, failures: { gt: 0 } },
    data: { failures: { decrement: 1 } },
  });
  if (addressHold.block) {
    await tx.authThrottle.updateMany({
      where: { key: addressKey, blockedUntil: addressHold.block },
      data: { blockedUntil: addressHold.previousBlock },
    });
  }
}
