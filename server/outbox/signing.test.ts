import { describe, expect, it } from "vitest";
import { signatureHeader, verifySignature } from "./signing";

const now = new Date("2026-12-01T12:00:00Z");
const body = JSON.stringify({ type: "alert.firing", alert: { id: "a1" } });

describe("webhook signatures", () => {
  it("carries the unix time and an HMAC-SHA256 of time and body", () => {
    const header = signatureHeader("s3cret", body, now);
    expect(header).toMatch(/^t=1796126400,v1=[0-9a-f]{64}$/);
    expect(verifySignature(header, body, "s3cret", now)).toBe(true);
  });

  it("fails for another body, another secret or a tampered time", () => {
    const header = signatureHeader("s3cret", body, now);
    expect(verifySignature(header, body + " ", "s3cret", now)).toBe(false);
    expect(verifySignature(header, body, "other", now)).toBe(false);
    expect(verifySignature(header.replace("t=1796126400", "t=1796126401"), body, "s3cret", now)).toBe(false);
    expect(verifySignature("nonsense", body, "s3cret", now)).toBe(false);
    expect(verifySignature(null, body, "s3cret", now)).toBe(false);
  });

  it("refuses a signature older than the replay window", () => {
    const header = signatureHeader("s3cret", body, now);
    const later = new Date(now.getTime() + 301_000);
    expect(verifySignature(header, body, "s3cret", later)).toBe(false);
    expect(verifySignature(header, body, "s3cret", new Date(now.getTime() + 299_000))).toBe(true);
  });
});
