import { describe, expect, it } from "vitest";
import { reasonAfterSlug, skippedWaveNotes } from "./preview-notes";

const wave = (index: number, label: string, size: number) => ({ index, label, size, estimateMinutes: 17 });

describe("reasonAfterSlug", () => {
  it("drops the slug a reason starts with", () => {
    expect(reasonAfterSlug("eg-ale-colo-01", "eg-ale-colo-01 is already on 2026.11.1")).toBe(
      "already on 2026.11.1",
    );
    expect(
      reasonAfterSlug("gh-acc-edge-01", "gh-acc-edge-01's agent 1.2.0 is older than 1.3.0, the minimum"),
    ).toBe("agent 1.2.0 is older than 1.3.0, the minimum");
    expect(reasonAfterSlug("ke-nai-edge-01", "ke-nai-edge-01 has never sent a heartbeat")).toBe(
      "has never sent a heartbeat",
    );
  });

  it("keeps a reason about something else whole", () => {
    expect(reasonAfterSlug("nl-ams-dc-01", "eu-gdpr is not certified for 2026.12.0")).toBe(
      "eu-gdpr is not certified for 2026.12.0",
    );
    expect(reasonAfterSlug("nl-ams-dc-0", "nl-ams-dc-01 is cordoned")).toBe("nl-ams-dc-01 is cordoned");
  });
});

describe("skippedWaveNotes", () => {
  it("explains a percentage that rounds down to no satellite", () => {
    const planned = [wave(0, "canary", 1), wave(1, "50 %", 1), wave(2, "100 %", 2)];
    expect(skippedWaveNotes(["10", "50", "100"], planned, 4)).toEqual([
      "The 10 % wave is merged into the next: 10 % of 4 satellites rounds down to 0.",
    ]);
  });

  it("explains a percentage the canary already covers", () => {
    const planned = [wave(0, "canary", 2), wave(1, "50 %", 3), wave(2, "100 %", 5)];
    expect(skippedWaveNotes(["20", "50", "100"], planned, 10)).toEqual([
      "The 20 % wave is merged into the next: 20 % of 10 satellites is 2, which the waves before it already reach.",
    ]);
  });

  it("says once when the canary takes every target", () => {
    expect(skippedWaveNotes(["100"], [wave(0, "canary", 1)], 1)).toEqual([
      "The canary reaches the only target, so no wave follows it.",
    ]);
  });

  it("says nothing when every wave is planned, region by region, or with no target", () => {
    const planned = [wave(0, "canary", 1), wave(1, "10 %", 1), wave(2, "50 %", 3), wave(3, "100 %", 5)];
    expect(skippedWaveNotes(["10", "50", "100"], planned, 10)).toEqual([]);
    expect(skippedWaveNotes([], [wave(0, "canary", 1), wave(1, "eu-gdpr", 4)], 5)).toEqual([]);
    expect(skippedWaveNotes(["10", "50", "100"], [], 0)).toEqual([]);
  });
});
