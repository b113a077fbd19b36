import { describe, expect, it } from "vitest";
import {
  combineComponents,
  dailyUptime,
  formatUptimePct,
  gapIntervalsFromRollups,
  offlineIntervals,
  overallUptime,
  type ConnectivityTransition,
  type DailyUptime,
  type Interval,
} from "./uptime";

const now = new Date("2026-11-28T12:00:00Z");
const t = (iso: string) => new Date(`${iso}Z`);
const iv = (start: string, end: string): Interval => ({ start: t(start), end: t(end) });
const ev = (at: string, from: ConnectivityTransition["from"], to: ConnectivityTransition["to"]) => ({
  at: t(at),
  from,
  to,
});
const longAgo = t("2025-01-01T00:00:00");

function day(entries: DailyUptime[], date: string): DailyUptime {
  const entry = entries.find((e) => e.date === date);
  if (!entry) throw new Error(`no entry for ${date}`);
  return entry;
}

const uptime = (offline: Interval[], maintenance: Interval[] = [], createdAt = longAgo) =>
  dailyUptime({ now, createdAt, offline, maintenance });

describe("dailyUptime", () => {
  it("returns 90 UTC days, oldest first, today last and counted up to now", () => {
    const days = uptime([]);
    expect(days).toHaveLength(90);
    expect(days[0].date).toBe("2026-08-31");
    expect(days[89].date).toBe("2026-11-28");
    expect(days[0]).toEqual({
      date: "2026-08-31",
      uptimePct: 100,
      downMinutes: 0,
      maintenanceMinutes: 0,
      observedMinutes: 1440,
    });
    expect(days[89].observedMinutes).toBe(720);
    expect(dailyUptime({ days: 7, now, createdAt: longAgo, offline: [], maintenance: [] })).toHaveLength(7);
  });

  it("splits an offline interval spanning midnight across both days", () => {
    const days = uptime([iv("2026-11-20T23:30:00", "2026-11-21T00:45:00")]);
    expect(day(days, "2026-11-20").downMinutes).toBe(30);
    expect(day(days, "2026-11-21").downMinutes).toBe(45);
    expect(day(days, "2026-11-20").uptimePct).toBeCloseTo((100 * 1410) / 1440, 10);
    expect(day(days, "2026-11-21").uptimePct).toBeCloseTo((100 * 1395) / 1440, 10);
    expect(day(days, "2026-11-19").downMinutes).toBe(0);
    expect(day(days, "2026-11-22").downMinutes).toBe(0);
  });

  it("leaves maintenance out: offline time inside a window is not downtime", () => {
    const days = uptime(
      [iv("2026-11-25T10:00:00", "2026-11-25T12:00:00")],
      [iv("2026-11-25T11:00:00", "2026-11-25T13:00:00")],
    );
    const d = day(days, "2026-11-25");
    expect(d.maintenanceMinutes).toBe(120);
    expect(d.observedMinutes).toBe(1320);
    expect(d.downMinutes).toBe(60);
    expect(d.uptimePct).toBeCloseTo((100 * 1260) / 1320, 10);
  });

  it("a day entirely in maintenance has no data, and overlapping windows count once", () => {
    const days = uptime(
      [iv("2026-11-24T02:00:00", "2026-11-24T03:00:00")],
      [iv("2026-11-24T00:00:00", "2026-11-24T20:00:00"), iv("2026-11-24T12:00:00", "2026-11-25T00:00:00")],
    );
    expect(day(days, "2026-11-24")).toEqual({
      date: "2026-11-24",
      uptimePct: null,
      downMinutes: 0,
      maintenanceMinutes: 1440,
      observedMinutes: 0,
    });
  });

  it("counts today only up to now", () => {
    const days = uptime([iv("2026-11-28T11:00:00", "2026-11-28T12:00:00")]);
    const today = day(days, "2026-11-28");
    expect(today.observedMinutes).toBe(720);
    expect(today.downMinutes).toBe(60);
    expect(today.uptimePct).toBeCloseTo((100 * 660) / 720, 10);
    // Downtime or maintenance recorded past now is not counted.
    const future = uptime(
      [iv("2026-11-28T13:00:00", "2026-11-28T14:00:00")],
      [iv("2026-11-28T15:00:00", "2026-11-28T16:00:00")],
    );
    expect(day(future, "2026-11-28")).toMatchObject({
      downMinutes: 0,
      maintenanceMinutes: 0,
      uptimePct: 100,
    });
  });

  it("a satellite added mid-window: earlier days have no data, its first day is partial", () => {
    const createdAt = t("2026-11-26T18:00:00");
    const days = uptime(
      [iv("2026-11-26T12:00:00", "2026-11-26T19:00:00")],
      [iv("2026-11-26T00:00:00", "2026-11-26T18:30:00")],
      createdAt,
    );
    expect(days.filter((d) => d.uptimePct === null)).toHaveLength(87);
    expect(day(days, "2026-11-25")).toEqual({
      date: "2026-11-25",
      uptimePct: null,
      downMinutes: 0,
      maintenanceMinutes: 0,
      observedMinutes: 0,
    });
    const first = day(days, "2026-11-26");
    // 6 h from 18:00 to midnight, 30 min of them in maintenance, then offline 18:30–19:00.
    expect(first).toMatchObject({ observedMinutes: 330, maintenanceMinutes: 30, downMinutes: 30 });
    expect(first.uptimePct).toBeCloseTo((100 * 300) / 330, 10);
    expect(day(days, "2026-11-27").uptimePct).toBe(100);
  });

  it("a satellite added after now has no data at all", () => {
    expect(uptime([], [], t("2026-11-28T12:00:01")).every((d) => d.uptimePct === null)).toBe(true);
  });

  it("treats exact midnights as boundaries: [start, end) touches only its own days", () => {
    const days = uptime([iv("2026-11-27T00:00:00", "2026-11-28T00:00:00")], [], t("2026-11-26T00:00:00"));
    expect(day(days, "2026-11-25").uptimePct).toBeNull();
    expect(day(days, "2026-11-26")).toMatchObject({ observedMinutes: 1440, downMinutes: 0, uptimePct: 100 });
    expect(day(days, "2026-11-27")).toMatchObject({ observedMinutes: 1440, downMinutes: 1440, uptimePct: 0 });
    expect(day(days, "2026-11-28").downMinutes).toBe(0);
  });

  it("merges overlapping and unordered offline intervals before counting", () => {
    const days = uptime([
      iv("2026-11-22T10:30:00", "2026-11-22T11:30:00"),
      iv("2026-11-22T10:00:00", "2026-11-22T11:00:00"),
      iv("2026-11-22T10:00:00", "2026-11-22T11:00:00"),
      iv("2026-11-22T12:00:00", "2026-11-22T12:00:00"),
    ]);
    expect(day(days, "2026-11-22").downMinutes).toBe(90);
  });

  it("uses the calendar days of a time zone, 23 or 25 hours long across DST", () => {
    const autumn = dailyUptime({
      days: 3,
      now: t("2026-10-26T12:00:00"),
      timeZone: "Europe/Berlin",
      createdAt: longAgo,
      offline: [iv("2026-10-24T21:30:00", "2026-10-24T22:30:00")],
      maintenance: [],
    });
    expect(autumn.map((d) => d.date)).toEqual(["2026-10-24", "2026-10-25", "2026-10-26"]);
    // Berlin midnight of the 25th is 22:00 UTC on the 24th (CEST, UTC+2).
    expect(autumn[0]).toMatchObject({ observedMinutes: 1440, downMinutes: 30 });
    expect(autumn[1]).toMatchObject({ observedMinutes: 1500, downMinutes: 30 });
    // 26th began at 23:00 UTC on the 25th (CET, UTC+1): 13 h until now.
    expect(autumn[2].observedMinutes).toBe(780);

    const spring = dailyUptime({
      days: 2,
      now: t("2026-03-30T00:00:00"),
      timeZone: "Europe/Berlin",
      createdAt: longAgo,
      offline: [],
      maintenance: [],
    });
    expect(spring.map((d) => [d.date, d.observedMinutes])).toEqual([
      ["2026-03-29", 1380],
      ["2026-03-30", 120],
    ]);
  });
});

describe("offlineIntervals", () => {
  const windowStart = t("2026-11-01T00:00:00");

  it("turns transitions into [offline, back) intervals", () => {
    const events = [
      ev("2026-11-10T10:00:00", "connected", "stale"),
      ev("2026-11-10T10:02:00", "stale", "offline"),
      ev("2026-11-10T10:30:00", "offline", "connected"),
      ev("2026-11-11T08:00:00", "connected", "offline"),
      ev("2026-11-11T09:00:00", "offline", "stale"),
    ];
    expect(offlineIntervals(events, windowStart, now, "connected")).toEqual([
      iv("2026-11-10T10:02:00", "2026-11-10T10:30:00"),
      iv("2026-11-11T08:00:00", "2026-11-11T09:00:00"),
    ]);
  });

  it("an interval still open ends at now", () => {
    const events = [ev("2026-11-28T11:30:00", "connected", "offline")];
    const offline = offlineIntervals(events, windowStart, now, "connected");
    expect(offline).toEqual([iv("2026-11-28T11:30:00", "2026-11-28T12:00:00")]);
    expect(day(uptime(offline), "2026-11-28").downMinutes).toBe(30);
    expect(offlineIntervals([], windowStart, now, "offline")).toEqual([{ start: windowStart, end: now }]);
  });

  it("starts offline at the window start when the satellite already was", () => {
    const events = [ev("2026-11-02T06:00:00", "offline", "connected")];
    expect(offlineIntervals(events, windowStart, now, "offline")).toEqual([
      { start: windowStart, end: t("2026-11-02T06:00:00") },
    ]);
    // Or when an event before the window says so.
    const earlier = [ev("2026-10-30T00:00:00", "connected", "offline"), ...events];
    expect(offlineIntervals(earlier, windowStart, now, "connected")).toEqual([
      { start: windowStart, end: t("2026-11-02T06:00:00") },
    ]);
  });

  it("accepts events out of order and duplicated", () => {
    const events = [
      ev("2026-11-10T10:30:00", "offline", "connected"),
      ev("2026-11-10T10:02:00", "stale", "offline"),
      ev("2026-11-10T10:02:00", "stale", "offline"),
      ev("2026-11-10T10:10:00", "stale", "offline"),
      ev("2026-11-10T10:30:00", "offline", "connected"),
      ev("2026-11-10T10:00:00", "connected", "stale"),
    ];
    expect(offlineIntervals(events, windowStart, now, "connected")).toEqual([
      iv("2026-11-10T10:02:00", "2026-11-10T10:30:00"),
    ]);
  });

  it("is exact at the boundaries and ignores events past now", () => {
    const events = [
      ev("2026-11-01T00:00:00", "offline", "connected"),
      ev("2026-11-05T00:00:00", "connected", "offline"),
      ev("2026-11-05T00:00:00", "offline", "connected"),
      ev("2026-11-28T12:00:00", "connected", "offline"),
      ev("2026-11-28T13:00:00", "offline", "connected"),
    ];
    // Zero-length intervals vanish; the one opening exactly at now is empty too.
    expect(offlineIntervals(events, windowStart, now, "offline")).toEqual([]);
  });

  it("never_seen and stale are not downtime", () => {
    const events = [
      ev("2026-11-03T00:00:00", "never_seen", "connected"),
      ev("2026-11-04T00:00:00", "connected", "stale"),
      ev("2026-11-04T01:00:00", "stale", "connected"),
    ];
    expect(offlineIntervals(events, windowStart, now, "never_seen")).toEqual([]);
  });
});

describe("gapIntervalsFromRollups", () => {
  const row = (hour: string, samples = 360) => ({ bucketStart: t(hour), samples });

  it("counts whole hours after first seen and before the watermark without samples, merged", () => {
    const hourly = [
      row("2026-11-27T09:00:00"),
      row("2026-11-27T10:00:00"),
      // 11:00 missing, 12:00 has a row with no samples
      row("2026-11-27T12:00:00", 0),
      row("2026-11-27T13:00:00"),
      // 14:00 missing; 15:00 is not rolled up yet
    ];
    const gaps = gapIntervalsFromRollups(hourly, {
      from: t("2026-11-27T08:20:00"),
      until: t("2026-11-27T15:10:00"),
    });
    // 08:00 began before first seen and is not judged; 15:00 ends after the watermark.
    expect(gaps).toEqual([
      iv("2026-11-27T11:00:00", "2026-11-27T13:00:00"),
      iv("2026-11-27T14:00:00", "2026-11-27T15:00:00"),
    ]);
  });

  it("judges nothing when the range holds no whole hour", () => {
    expect(
      gapIntervalsFromRollups([], { from: t("2026-11-27T08:20:00"), until: t("2026-11-27T09:10:00") }),
    ).toEqual([]);
  });

  it("is counted once where it overlaps a recorded offline interval", () => {
    const gaps = gapIntervalsFromRollups([row("2026-11-27T10:00:00")], {
      from: t("2026-11-27T10:00:00"),
      until: t("2026-11-27T12:00:00"),
    });
    expect(gaps).toEqual([iv("2026-11-27T11:00:00", "2026-11-27T12:00:00")]);
    const offline = [iv("2026-11-27T10:50:00", "2026-11-27T11:20:00"), ...gaps];
    expect(day(uptime(offline), "2026-11-27").downMinutes).toBe(70);
  });
});

describe("overallUptime and combineComponents", () => {
  const entry = (date: string, observedMinutes: number, downMinutes: number): DailyUptime => ({
    date,
    observedMinutes,
    downMinutes,
    maintenanceMinutes: 0,
    uptimePct: observedMinutes > 0 ? (100 * (observedMinutes - downMinutes)) / observedMinutes : null,
  });

  it("weights days by observed minutes", () => {
    expect(overallUptime([entry("2026-11-27", 1440, 144), entry("2026-11-28", 360, 0)])).toBeCloseTo(92, 10);
    expect(overallUptime([entry("2026-11-27", 0, 0)])).toBeNull();
    expect(overallUptime([])).toBeNull();
  });

  it("combines components per date, weighted by observed minutes", () => {
    const a = [entry("2026-11-27", 1440, 0), entry("2026-11-28", 720, 72)];
    const b = [entry("2026-11-27", 0, 0), entry("2026-11-28", 240, 240)];
    const c = [entry("2026-11-28", 0, 0)];
    expect(combineComponents([b, a, c])).toEqual([
      { date: "2026-11-27", uptimePct: 100, downMinutes: 0, maintenanceMinutes: 0, observedMinutes: 1440 },
      {
        date: "2026-11-28",
        uptimePct: (100 * (960 - 312)) / 960,
        downMinutes: 312,
        maintenanceMinutes: 0,
        observedMinutes: 960,
      },
    ]);
    expect(combineComponents([])).toEqual([]);
    expect(combineComponents([[entry("2026-11-27", 0, 0)]])[0].uptimePct).toBeNull();
  });

  it("combines real components end to end", () => {
    const up = uptime([]);
    const down = uptime([iv("2026-11-27T00:00:00", "2026-11-28T00:00:00")]);
    const region = combineComponents([up, down]);
    expect(region).toHaveLength(90);
    expect(day(region, "2026-11-27").uptimePct).toBe(50);
    expect(day(region, "2026-11-28").uptimePct).toBe(100);
  });
});

describe("formatUptimePct", () => {
  it("truncates to two decimals so downtime never reads 100 %", () => {
    expect(formatUptimePct(100)).toBe("100.00 %");
    expect(formatUptimePct(99.9999)).toBe("99.99 %");
    expect(formatUptimePct(99.99)).toBe("99.99 %");
    expect(formatUptimePct((100 * 1395) / 1440)).toBe("96.87 %");
    expect(formatUptimePct(0)).toBe("0.00 %");
    expect(formatUptimePct(null)).toBe("No data");
  });
});
