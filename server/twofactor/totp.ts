// RFC 6238 codes through otpauth: 6 digits, 30 s steps, SHA-1 (what every authenticator app reads). Pure.
import { Secret, TOTP } from "otpauth";

const PERIOD_S = 30;
/** One step either side of now: a phone clock a little off, or a code typed as it turned over. */
const SKEW_STEPS = 1;

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totpOf(secretBase32: string, label = "Orrery"): TOTP {
  return new TOTP({
    issuer: "Orrery",
    label,
    algorithm: "SHA1",
    digits: 6,
    period: PERIOD_S,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** The otpauth:// URI an authenticator app reads (from the QR code or pasted). */
export function totpUri(secretBase32: string, email: string): string {
  return totpOf(secretBase32, email).toString();
}

export const stepAt = (nowMs: number) => Math.floor(nowMs / 1000 / PERIOD_S);

/** The code of a moment, for tests and for nothing else. */
export function totpCodeAt(secretBase32: string, nowMs: number): string {
  return totpOf(secretBase32).generate({ timestamp: nowMs });
}

export type TotpCheck = { isValid: true; step: number } | { isValid: false; reason: "wrong" | "replayed" };

/**
 * Checks a code within ±1 step, and refuses one whose step is not later than the last accepted: a code used
 * once (or an older one) never works again, even inside its window.
 */
export function checkTotp(
  secretBase32: string,
  code: string,
  lastStep: number | null,
  nowMs: number,
): TotpCheck {
  const token = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(token)) return { isValid: false, reason: "wrong" };
  const delta = totpOf(secretBase32).validate({ token, timestamp: nowMs, window: SKEW_STEPS });
  if (delta === null) return { isValid: false, reason: "wrong" };
  const step = stepAt(nowMs) + delta;
  if (lastStep !== null && step <= lastStep) return { isValid: false, reason: "replayed" };
  return { isValid: true, step };
}
