import { describe, expect, it } from "vitest";
import { timeFormats, timeTicks } from "./time-axis";

const ms = (iso: string) => new Date(iso).getTime();

describe("telemetry time axes", () => {
  it("puts ticks on round UTC times within the range", () => {
    const ticks = timeTicks(ms("2026-11-28T19:23:40Z"), ms("2026-11-28T20:23:40Z"), "1h");
    expect(ticks.map((t) => new Date(t).toISOString().slice(11, 16))).toEqual([
      "19:30",
      "19:40",
      "19:50",
      "20:00",
      "20:10",
      "20:20",
    ]);
    const day = timeTicks(ms("2026-11-27T20:25:00Z"), ms("2026-11-28T20:23:40Z"), "24h");
    expect(day[0]).toBe(ms("2026-11-27T21:00:00Z"));
    expect(day).toContain(ms("2026-11-28T00:00:00Z"));
    expect(day.at(-1)).toBe(ms("2026-11-28T18:00:00Z"));
  });

  it("keeps the same day ticks as the range moves", () => {
    const a = timeTicks(ms("2026-10-29T21:00:00Z"), ms("2026-11-28T21:00:00Z"), "30d");
    const b = timeTicks(ms("2026-10-30T02:00:00Z"), ms("2026-11-29T02:00:00Z"), "30d");
    expect(a.length).toBeGreaterThanOrEqual(5);
    expect(b.filter((t) => t <= ms("2026-11-28T21:00:00Z"))).toEqual(
      a.filter((t) => t >= ms("2026-10-30T02:00:00Z")),
    );
    expect(a.every((t) => t % 86_400_000 === 0)).toBe(true);
  });

  it("labels ticks and buckets on the 24-hour UTC clock", () => {
    const hour = timeFormats("1h");
    expect(hour.tick(ms("2026-11-28T19:30:00Z"))).toBe("19:30");
    expect(hour.bucket(ms("2026-11-28T19:42:20Z"), 20)).toBe("19:42:20 – 19:42:40 UTC");

    const day = timeFormats("24h");
    expect(day.tick(ms("2026-11-28T21:00:00Z"))).toBe("21:00");
    expect(day.tick(ms("2026-11-29T00:00:00Z"))).toBe("29 Nov");
    expect(day.bucket(ms("2026-11-28T23:55:00Z"), 300)).toBe("28 Nov, 23:55 – 00:00 UTC");

    const month = timeFormats("30d");
    expect(month.tick(ms("2026-11-25T00:00:00Z"))).toBe("25 Nov");
    expect(month.bucket(ms("2026-11-25T13:00:00Z"), 3600)).toBe("25 Nov, 13:00 – 14:00 UTC");
  });
});
