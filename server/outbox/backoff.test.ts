import { describe, expect, it } from "vitest";
import { FIRST_RETRY_MS, MAX_ATTEMPTS, MAX_RETRY_MS, nextAttempt } from "./backoff";

const created = new Date("2026-12-01T00:00:00Z");
const at = (ms: number) => new Date(created.getTime() + ms);
const delayOf = (attempts: number, random: number, now = created) => {
  const d = nextAttempt(attempts, created, now, () => random);
  if (!("retryAt" in d)) throw new Error("gave up");
  return d.retryAt.getTime() - now.getTime();
};

describe("nextAttempt", () => {
  it("waits between half and all of 30 s after the first failure", () => {
    expect(delayOf(1, 0)).toBe(FIRST_RETRY_MS / 2);
    expect(delayOf(1, 0.999999)).toBeCloseTo(FIRST_RETRY_MS, -1);
  });

  it("doubles the delay with each failure", () => {
    expect(delayOf(2, 0)).toBe(FIRST_RETRY_MS);
    expect(delayOf(3, 0)).toBe(2 * FIRST_RETRY_MS);
    expect(delayOf(4, 0.5)).toBe(0.75 * 8 * FIRST_RETRY_MS);
  });

  it("never waits more than an hour", () => {
    expect(delayOf(12, 0.999999)).toBeLessThanOrEqual(MAX_RETRY_MS);
    expect(delayOf(30, 0)).toBe(MAX_RETRY_MS / 2);
  });

  it("gives up once the next try would fall more than 24 h after the message was written", () => {
    expect(nextAttempt(10, created, at(23.5 * 3_600_000), () => 0.999)).toEqual({ giveUp: true });
    expect(nextAttempt(10, created, at(20 * 3_600_000), () => 0)).toHaveProperty("retryAt");
  });

  it("gives up after the last attempt", () => {
    expect(nextAttempt(MAX_ATTEMPTS, created, created, () => 0)).toEqual({ giveUp: true });
  });
});
