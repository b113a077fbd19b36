import { describe, expect, it } from "vitest";
import { formatDateTime, formatDay, formatTime } from "./format";

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
  });
});
