import { createHmac, timingSafeEqual } from "node:crypto";

// Signed webhooks: HMAC-SHA256 over "<unix seconds>.<body>", sent as `X-Orrery-Signature: t=…,v1=…`.
// The timestamp inside the signed text lets a receiver refuse a replay older than its window.

export const SIGNATURE_HEADER = "X-Orrery-Signature";
export const DELIVERY_HEADER = "X-Orrery-Delivery";
export const EVENT_HEADER = "X-Orrery-Event";
/** How old a signature a receiver should still accept, in seconds (docs/alerts.md). */
export const REPLAY_WINDOW_SEC = 300;

function mac(secret: string, t: number, body: string): string {
  return createHmac("sha256", secret).update(`${t}.${body}`).digest("hex");
}

export function signatureHeader(secret: string, body: string, now: Date): string {
  const t = Math.floor(now.getTime() / 1000);
  return `t=${t},v1=${mac(secret, t, body)}`;
}

/** The receiver's side, as docs/alerts.md shows it: true only for a fresh signature over this exact body. */
export function verifySignature(
  header: string | null | undefined,
  body: string,
  secret: string,
  now: Date,
  windowSec = REPLAY_WINDOW_SEC,
): boolean {
  if (!header) return false;
  const parts = new Map(
    header.split(",").map((p) => {
      const i = p.indexOf("=");
      return [p.slice(0, i).trim(), p.slice(i + 1).trim()] as const;
    }),
  );
  const t = Number(parts.get("t"));
  const given = parts.get("v1") ?? "";
  if (!Number.isInteger(t) || !/^[0-9a-f]{64}$/.test(given)) return false;
  if (Math.abs(now.getTime() / 1000 - t) > windowSec) return false;
  return timingSafeEqual(Buffer.from(mac(secret, t, body), "hex"), Buffer.from(given, "hex"));
}
