import "server-only";
import { createHash } from "node:crypto";
import { db } from "../db";

/**
 * A limit that every replica shares: `perWindow` calls per key in each fixed window, counted in the
 * database (`RateLimitWindow`), so three replicas behind a load balancer allow what one would. For the
 * public subscribe form, where the limits protect other people's inboxes; the API's and the agents' limits
 * stay in memory (server/gateway/rate-limit.ts), where a database write per call would cost more than the
 * limit is worth. A fixed window lets a caller spend two windows' worth across a window's edge, at most.
 */
export class SharedRateLimiter {
  private lastPrune = 0;

  constructor(
    /** Keeps two limiters' keys apart in the one table. */
    private readonly name: string,
    private readonly perWindow: number,
    private readonly windowSec = 60,
  ) {}

  /** 0 when the call may go ahead (and is counted), otherwise the seconds until the window ends. */
  async take(key: string, now = new Date()): Promise<number> {
    const ms = this.windowSec * 1000;
    const windowStart = new Date(Math.floor(now.getTime() / ms) * ms);
    // Keys may hold an email address: only its digest is stored.
    const id = `${this.name}:${createHash("sha256").update(key).digest("base64url").slice(0, 32)}`;
    const row = await db.rateLimitWindow.upsert({
      where: { key_windowStart: { key: id, windowStart } },
      create: { key: id, windowStart, count: 1 },
      update: { count: { increment: 1 } },
      select: { count: true },
    });
    if (row.count === 1) await this.prune(now);
    if (row.count <= this.perWindow) return 0;
    return Math.max(1, Math.ceil((windowStart.getTime() + ms - now.getTime()) / 1000));
  }

  /** Past windows count for nothing; each process clears them at most once a minute. */
  private async prune(now: Date) {
    if (now.getTime() - this.lastPrune < 60_000) return;
    this.lastPrune = now.getTime();
    await db.rateLimitWindow.deleteMany({
      where: {
        key: { startsWith: `${this.name}:` },
        windowStart: { lt: new Date(now.getTime() - 2 * this.windowSec * 1000) },
      },
    });
  }
}
