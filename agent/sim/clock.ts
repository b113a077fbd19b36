// Time as an injected dependency: the simulator runs on the system clock, tests on a manual one.

/** Calling the returned function cancels the timer. */
export type CancelTimer = () => void;

export type Clock = {
  now(): number;
  setTimer(fn: () => void, ms: number): CancelTimer;
};

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer: (fn, ms) => {
    const timer = setTimeout(fn, ms);
    return () => clearTimeout(timer);
  },
};

export function sleep(clock: Clock, ms: number): Promise<void> {
  return new Promise((resolve) => clock.setTimer(resolve, Math.max(0, ms)));
}
