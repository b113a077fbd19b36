import { describe, expect, it } from "vitest";
import { parseWindowRule } from "./rule";
import { zoneOfLocation } from "./satellite-zone";
import { isKnownZone, wallToUtc } from "./zone";

describe("zoneOfLocation", () => {
  it.each([
    ["DE", 13.4, 52.5, "Europe/Berlin"],
    ["IN", 72.9, 19.1, "Asia/Kolkata"],
    ["US", -74, 40.7, "America/New_York"],
    ["US", -87.6, 41.9, "America/Chicago"],
    ["US", -105, 39.7, "America/Denver"],
    ["US", -112, 33.4, "America/Phoenix"],
    ["US", -122.4, 37.8, "America/Los_Angeles"],
    ["US", -157.9, 21.3, "Pacific/Honolulu"],
    ["US", -149.9, 61.2, "America/Anchorage"],
    ["CA", -79.4, 43.7, "America/Toronto"],
    ["CA", -123.1, 49.3, "America/Vancouver"],
    ["AU", 115.9, -31.9, "Australia/Perth"],
    ["AU", 130.8, -12.5, "Australia/Darwin"],
    ["AU", 138.6, -34.9, "Australia/Adelaide"],
    ["AU", 153, -27.5, "Australia/Brisbane"],
    ["AU", 151.2, -33.9, "Australia/Sydney"],
    ["BR", -46.6, -23.5, "America/Sao_Paulo"],
    ["RU", 37.6, 55.8, "Europe/Moscow"],
    ["RU", 131.9, 43.1, "Asia/Vladivostok"],
    ["MX", -99.1, 19.4, "America/Mexico_City"],
    ["ID", 106.8, -6.2, "Asia/Jakarta"],
    ["ZZ", 0, 0, "UTC"],
  ])("%s at %f, %f is %s", (country, lon, lat, zone) => {
    expect(zoneOfLocation({ country, lon, lat })).toBe(zone);
  });
});

describe("wallToUtc", () => {
  const wall = (s: string) => Date.parse(`${s}Z`);
  it("converts ordinary wall times", () => {
    expect(new Date(wallToUtc("Europe/Berlin", wall("2026-01-10T12:00:00"))).toISOString()).toBe(
      "2026-01-10T11:00:00.000Z",
    );
    expect(new Date(wallToUtc("Australia/Sydney", wall("2026-01-10T12:00:00"))).toISOString()).toBe(
      "2026-01-10T01:00:00.000Z",
    );
  });
  it("moves a skipped wall time forward and takes a repeated one the first time", () => {
    expect(new Date(wallToUtc("America/New_York", wall("2026-03-08T02:30:00"))).toISOString()).toBe(
      "2026-03-08T07:30:00.000Z",
    );
    expect(new Date(wallToUtc("America/New_York", wall("2026-11-01T01:30:00"))).toISOString()).toBe(
      "2026-11-01T05:30:00.000Z",
    );
  });
  it("knows real zones only", () => {
    expect(isKnownZone("Europe/Berlin")).toBe(true);
    expect(isKnownZone("Mars/Olympus")).toBe(false);
  });
});

describe("parseWindowRule", () => {
  it("accepts a wall-time DTSTART and a rule", () => {
    expect("rule" in parseWindowRule("DTSTART:20260105T220000\nRRULE:FREQ=WEEKLY;BYDAY=MO")).toBe(true);
  });
  it.each([
    ["RRULE:FREQ=DAILY", /needs a DTSTART/],
    ["DTSTART;TZID=Europe/Berlin:20260105T220000\nRRULE:FREQ=DAILY", /without TZID/],
    ["DTSTART:20260105T220000Z\nRRULE:FREQ=DAILY", /without TZID or Z/],
    ["DTSTART:20260105T220000\nRRULE:FREQ=SOMETIMES", /not a valid RRULE/],
    ["DTSTART:20260105T220000\nRRULE:FREQ=MINUTELY", /at most hourly/],
  ])("refuses %j", (text, message) => {
    const parsed = parseWindowRule(text);
    expect("error" in parsed && parsed.error).toMatch(message);
  });
});
