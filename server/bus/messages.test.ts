import { describe, expect, it } from "vitest";
import { decode, encode, MAX_PAYLOAD_BYTES, type BusMessage } from "./messages";

describe("bus message codec", () => {
  it("round-trips every message type with its origin", () => {
    const messages: BusMessage[] = [
      { type: "status.changed" },
      { type: "status.config", pageId: "p1" },
      { type: "status.config" },
      { type: "fleet.changed", satelliteIds: ["a", "b"] },
      { type: "agent.revoked", satelliteId: "s1" },
      { type: "agent.revoked", credentialId: "c1" },
    ];
    for (const message of messages) {
      const payload = encode(message, "host/1/abc");
      expect(JSON.parse(payload)).toMatchObject({ v: 1, origin: "host/1/abc", type: message.type });
      expect(decode(payload)).toEqual({ origin: "host/1/abc", message });
    }
  });

  it("drops the ids of a message too long for a NOTIFY, keeping its type", () => {
    const satelliteIds = Array.from({ length: 2_000 }, (_, i) => `satellite-${i}`);
    const payload = encode({ type: "fleet.changed", satelliteIds }, "o");
    expect(Buffer.byteLength(payload)).toBeLessThan(MAX_PAYLOAD_BYTES);
    expect(decode(payload)).toEqual({ origin: "o", message: { type: "fleet.changed" } });
  });

  it("ignores what is not a message this version knows", () => {
    expect(decode("not json")).toBeNull();
    expect(decode(JSON.stringify({ v: 2, origin: "o", type: "status.changed" }))).toBeNull();
    expect(decode(JSON.stringify({ v: 1, origin: "o", type: "something.new" }))).toBeNull();
    expect(decode(JSON.stringify({ v: 1, type: "status.changed" }))).toBeNull();
    expect(
      decode(JSON.stringify({ v: 1, origin: "o", type: "fleet.changed", satelliteIds: [1] })),
    ).toBeNull();
  });

  it("drops fields a message does not have", () => {
    const payload = JSON.stringify({ v: 1, origin: "o", type: "status.changed", extra: "x" });
    expect(decode(payload)?.message).toEqual({ type: "status.changed" });
  });
});
