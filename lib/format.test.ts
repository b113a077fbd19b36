import { describe, expect, it } from "vitest";
import {
  formatAgo,
  formatSeconds,
  formatCoordinates,
  formatCount,
  formatDateTime,
  formatDay,
  formatDuration,
  formatMbps,
  formatMbpsShort,
  formatMegabytes,
  formatNumber,
  formatRange,
  formatRelative,
  formatTime,
  formatUtcInput,
} from "./format";

describe("date formatting", () => {
  const at = "2026-11-28T19:42:25.000Z";

  it("writes a moment as day, month, year and a 24-hour UTC time", () => {
    expect(formatDateTime(at)).toBe("28 Nov 2026, 19:42 UTC");
    expect(formatDateTime(new Date(at))).toBe("28 Nov 2026, 19:42 UTC");
    expect(formatDateTime(Date.parse(at))).toBe("28 Nov 2026, 19:42 UTC");
  });

  it("reads offsets as the same instant in UTC", () => {
    expect(formatDateTime("2026-11-29T01:12:00+05:30")).toBe("28 Nov 2026, 19:42 UTC");
    expect(formatDay("2026-03-01T00:30:00+01:00")).toBe("28 Feb");
  });

  it("keeps the 24-hour clock past noon and pads midnight", () => {
    expect(formatTime(at)).toBe("19:42");
    expect(formatTime("2026-01-05T00:07:09Z")).toBe("00:07");
    expect(formatTime("2026-01-05T00:07:09Z", { seconds: true })).toBe("00:07:09");
  });

  it("writes the day without a leading zero", () => {
    expect(formatDay(at)).toBe("28 Nov");
    expect(formatDay("2026-01-05T23:59:59Z")).toBe("5 Jan");
  });

  it("shows a dash for a missing or unreadable moment", () => {
    expect(formatDateTime(null)).toBe("—");
    expect(formatDateTime(undefined)).toBe("—");
    expect(formatDateTime("not a date")).toBe("—");
    expect(formatTime("")).toBe("—");
    expect(formatDay(Number.NaN)).toBe("—");
    expect(formatUtcInput("nope")).toBe("");
    expect(formatRelative("nope", 0)).toBe("—");
  });

  it("adds seconds on request, and writes an input's UTC value", () => {
    expect(formatDateTime(at, { seconds: true })).toBe("28 Nov 2026, 19:42:25 UTC");
    expect(formatUtcInput("2026-11-29T01:12:30+05:30")).toBe("2026-11-28T19:42");
  });
});

describe("relative time and durations", () => {
  const now = "2026-11-28T12:00:00Z";

  it("says how long ago, coarser as it grows", () => {
    expect(formatAgo("2026-11-28T11:59:15Z", now)).toBe("45 s ago");
    expect(formatAgo("2026-11-28T11:56:00Z", now)).toBe("4 min ago");
    expect(formatAgo("2026-11-28T09:00:00Z", now)).toBe("3 h ago");
    expect(formatAgo("2026-11-25T12:00:00Z", now)).toBe("3 d ago");
  });

  it("never puts a past-only moment in the future", () => {
    expect(formatAgo("2026-11-28T12:05:00Z", now)).toBe("0 s ago");
  });

  it("writes future moments as 'in …'", () => {
    expect(formatRelative("2026-11-28T12:04:00Z", now)).toBe("in 4 min");
    expect(formatRelative("2026-11-28T11:56:00Z", now)).toBe("4 min ago");
    expect(formatRelative(now, now)).toBe("0 s ago");
  });

  it("writes a duration in minutes, hours and days", () => {
    expect(formatDuration("2026-11-28T12:00:00Z", "2026-11-28T12:42:00Z")).toBe("42 min");
    expect(formatDuration("2026-11-28T12:00:00Z", "2026-11-28T15:20:00Z")).toBe("3 h 20 min");
    expect(formatDuration("2026-11-28T12:00:00Z", "2026-11-28T14:00:00Z")).toBe("2 h");
    expect(formatDuration("2026-11-25T09:00:00Z", "2026-11-28T12:00:00Z")).toBe("3 d 3 h");
    expect(formatDuration("2026-11-28T12:00:00Z", "2026-11-28T11:00:00Z")).toBe("0 min");
  });
});

describe("number formatting", () => {
  it("groups thousands in one fixed locale and rounds to the digits asked for", () => {
    expect(formatNumber(1234567)).toBe("1,234,567");
    expect(formatNumber(1234.56, 1)).toBe("1,234.6");
    expect(formatNumber(2.04, 1)).toBe("2");
    expect(formatNumber(Number.NaN)).toBe("—");
  });

  it("counts with the right noun", () => {
    expect(formatCount(1, "satellite")).toBe("1 satellite");
    expect(formatCount(2450, "satellite")).toBe("2,450 satellites");
    expect(formatCount(0, "event")).toBe("0 events");
  });

  it("writes which rows a page shows", () => {
    expect(formatRange(1, 50, 2450)).toBe("1–50 of 2,450");
    expect(formatRange(49, 50, 2450)).toBe("2,401–2,450 of 2,450");
    expect(formatRange(3, 50, 120)).toBe("101–120 of 120");
    expect(formatRange(1, 50, 0)).toBe("0–0 of 0");
  });

  it("writes link rates and sizes", () => {
    expect(formatMbps(850.4)).toBe("850 Mbps");
    expect(formatMbps(2500)).toBe("2.5 Gbps");
    expect(formatMbps(1_200_000)).toBe("1.2 Tbps");
    expect(formatMbpsShort(850)).toBe("850M");
    expect(formatMbpsShort(2500)).toBe("2.5G");
    expect(formatMbpsShort(12_000)).toBe("12G");
    expect(formatMegabytes(2450)).toBe("2,450 MB");
    expect(formatMegabytes(0.5)).toBe("0.5 MB");
  });

  it("writes coordinates to four decimals", () => {
    expect(formatCoordinates(35.68951, 139.6917)).toBe("35.6895, 139.6917");
    expect(formatCoordinates(-33.9, 18.42)).toBe("-33.9000, 18.4200");
  });
});

describe("formatSeconds", () => {
  it("reads seconds under a minute and a half, minutes and hours after", () => {
    expect(formatSeconds(30)).toBe("30 s");
    expect(formatSeconds(40)).toBe("40 s");
    expect(formatSeconds(180)).toBe("3 min");
    expect(formatSeconds(2 * 3600)).toBe("2 h");
  });
});
