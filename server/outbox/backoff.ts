// When a failed delivery is tried again: exponential from 30 s, capped at an hour, with jitter so that a
// receiver coming back is not hit by every waiting message at once. Pure, with the time passed in.

export const FIRST_RETRY_MS = 30_000;
export const MAX_RETRY_MS = 3_600_000;
/** A message still undelivered this long after it was written is given up. */
export const GIVE_UP_AFTER_MS = 24 * 3_600_000;
export const MAX_ATTEMPTS = 40;

export type RetryDecision = { retryAt: Date } | { giveUp: true };

/**
 * `attempts` counts the attempt that just failed (1 after the first). The delay doubles each time; the
 * jitter draws it from between half and all of that (`random` in [0, 1)).
 */
export function nextAttempt(
  attempts: number,
  createdAt: Date,
  now: Date,
  random: () => number = Math.random,
): RetryDecision {
  if (attempts >= MAX_ATTEMPTS) return { giveUp: true };
  const base = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
  const delay = Math.round(base / 2 + (base / 2) * random());
  const retryAt = new Date(now.getTime() + delay);
  if (retryAt.getTime() - createdAt.getTime() > GIVE_UP_AFTER_MS) return { giveUp: true };
  return { retryAt };
}
