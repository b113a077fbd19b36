// How long a page admin may pin a component's status (docs/status-model.md, "Pins"). Pure: the form offers
// these, the server computes the expiry with its own `now`.

export const PIN_DURATIONS = ["30m", "1h", "4h", "24h", "until"] as const;
export type PinDuration = (typeof PIN_DURATIONS)[number];

export const PIN_DURATION_LABEL: Record<PinDuration, string> = {
  "30m": "30 minutes",
  "1h": "1 hour",
  "4h": "4 hours",
  "24h": "24 hours",
  until: "Until a date",
};

const MINUTE_MS = 60_000;
const DURATION_MS: Record<Exclude<PinDuration, "until">, number> = {
  "30m": 30 * MINUTE_MS,
  "1h": 60 * MINUTE_MS,
  "4h": 4 * 60 * MINUTE_MS,
  "24h": 24 * 60 * MINUTE_MS,
};

/** A pin never outlives a week: a forgotten one must not hide an outage for long. */
export const MAX_PIN_DAYS = 7;
export const MAX_PIN_MS = MAX_PIN_DAYS * 24 * 60 * MINUTE_MS;

/** When a pin set at `now` ends: after its duration, or at the date given for "until". */
export function pinExpiry(duration: PinDuration, until: Date | undefined, now: Date): Date | null {
  if (duration !== "until") return new Date(now.getTime() + DURATION_MS[duration]);
  return until ?? null;
}
