/** A token bucket per key: `perMinute` calls, refilled continuously. In memory, per process. */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly perMinute: number) {}

  /** 0 when the call may go ahead, otherwise the seconds to wait. */
  take(key: string, now = Date.now()): number {
    const refillPerMs = this.perMinute / 60_000;
    const bucket = this.buckets.get(key) ?? { tokens: this.perMinute, at: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.at) * refillPerMs);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (this.buckets.size > 100_000) this.prune(now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerMs / 1000));
  }

  /** Full buckets carry no state worth keeping; dropping them bounds the memory one address-rotating caller can use. */
  private prune(now: number) {
    for (const [key, b] of this.buckets) if (now - b.at > 60_000) this.buckets.delete(key);
    if (this.buckets.size > 100_000) this.buckets.clear();
  }
}
