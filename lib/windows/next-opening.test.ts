import { describe, expect, it } from "vitest";
import { nextOpening, type WindowSatellite, type WindowSpec } from "./next-opening";

const berlin: WindowSatellite = {
  id: "s-ber",
  regionId: "eu-gdpr",
  labels: { role: "edge" },
  country: "DE",
  lon: 13.4,
  lat: 52.5,
};
const newYork: WindowSatellite = {
  id: "s-nyc",
  regionId: "us",
  labels: {},
  country: "US",
  lon: -74,
  lat: 40.7,
};
const sydney: WindowSatellite = {
  id: "s-syd",
  regionId: "apac",
  labels: {},
  country: "AU",
  lon: 151.2,
  lat: -33.9,
};
const losAngeles: WindowSatellite = {
  id: "s-lax",
  regionId: "us",
  labels: {},
  country: "US",
  lon: -118.2,
  lat: 34,
};

let n = 0;
function win(over: Partial<WindowSpec> & Pick<WindowSpec, "rrule">): WindowSpec {
  n += 1;
  return {
    id: `w${n}`,
    name: `window ${n}`,
    kind: "allow",
    durationMin: 240,
    timeZone: null,
    scope: { all: true },
    enabled: true,
    ...over,
  };
}
const nightly = (over: Partial<WindowSpec> = {}) =>
  win({ name: "Nightly", rrule: "DTSTART:20260101T220000\nRRULE:FREQ=DAILY", ...over });
const at = (iso: string) => new Date(iso);
const iso = (d: Date | undefined) => d?.toISOString();

describe("nextOpening without windows", () => {
  it("is open when no window applies", () => {
    expect(nextOpening([], berlin, at("2026-06-01T12:00:00Z"))).toEqual({
      open: true,
      reason: "no deployment window applies",
    });
  });

  it("ignores disabled windows", () => {
    const r = nextOpening([nightly({ enabled: false })], berlin, at("2026-06-01T12:00:00Z"));
    expect(r.open).toBe(true);
  });
});

describe("allow windows", () => {
  it("is closed outside and names the next opening in the satellite's own zone (CEST, +2)", () => {
    const r = nextOpening([nightly()], berlin, at("2026-06-01T12:00:00Z"));
    expect(r.open).toBe(false);
    expect(r.reason).toBe('outside allow window "Nightly"');
    expect(iso(r.opensAt)).toBe("2026-06-01T20:00:00.000Z");
    expect(iso(r.closesAt)).toBe("2026-06-02T00:00:00.000Z");
  });

  it("is open across midnight until the window ends", () => {
    const r = nextOpening([nightly()], berlin, at("2026-06-01T22:30:00Z")); // 00:30 local, the next day
    expect(r).toMatchObject({ open: true, reason: 'inside allow window "Nightly"' });
    expect(iso(r.closesAt)).toBe("2026-06-02T00:00:00.000Z"); // 02:00 local
  });

  it("treats the end of a window as outside it", () => {
    const r = nextOpening([nightly()], berlin, at("2026-06-02T00:00:00Z"));
    expect(r.open).toBe(false);
    expect(iso(r.opensAt)).toBe("2026-06-02T20:00:00.000Z");
  });

  it("follows each satellite's own zone when the window names none", () => {
    const now = at("2026-06-01T12:00:00Z");
    expect(iso(nextOpening([nightly()], newYork, now).opensAt)).toBe("2026-06-02T02:00:00.000Z");
    expect(iso(nextOpening([nightly()], losAngeles, now).opensAt)).toBe("2026-06-02T05:00:00.000Z");
  });

  it("uses the named zone for every satellite when there is one", () => {
    const w = nightly({ timeZone: "Asia/Kolkata" });
    const now = at("2026-06-01T12:00:00Z");
    expect(iso(nextOpening([w], newYork, now).opensAt)).toBe("2026-06-01T16:30:00.000Z");
    expect(iso(nextOpening([w], berlin, now).opensAt)).toBe("2026-06-01T16:30:00.000Z");
  });

  it("joins overlapping allow windows", () => {
    const late = win({ name: "Late", rrule: "DTSTART:20260101T010000\nRRULE:FREQ=DAILY", durationMin: 180 });
    const r = nextOpening([nightly(), late], berlin, at("2026-06-01T22:30:00Z"));
    expect(iso(r.closesAt)).toBe("2026-06-02T02:00:00.000Z"); // 04:00 local, the end of "Late"
  });
});

describe("daylight saving time", () => {
  it("Europe/Berlin in March: 22:00 local moves from 21:00 to 20:00 UTC", () => {
    expect(iso(nextOpening([nightly()], berlin, at("2026-03-28T12:00:00Z")).opensAt)).toBe(
      "2026-03-28T21:00:00.000Z",
    );
    expect(iso(nextOpening([nightly()], berlin, at("2026-03-29T12:00:00Z")).opensAt)).toBe(
      "2026-03-29T20:00:00.000Z",
    );
  });

  it("Europe/Berlin in October: 22:00 local moves from 20:00 to 21:00 UTC", () => {
    expect(iso(nextOpening([nightly()], berlin, at("2026-10-24T12:00:00Z")).opensAt)).toBe(
      "2026-10-24T20:00:00.000Z",
    );
    expect(iso(nextOpening([nightly()], berlin, at("2026-10-25T12:00:00Z")).opensAt)).toBe(
      "2026-10-25T21:00:00.000Z",
    );
  });

  it("a window starting in the skipped hour starts when the clocks have gone forward", () => {
    const w = win({ rrule: "DTSTART:20260101T023000\nRRULE:FREQ=DAILY", durationMin: 60 });
    const r = nextOpening([w], berlin, at("2026-03-29T00:00:00Z"));
    expect(iso(r.opensAt)).toBe("2026-03-29T01:30:00.000Z"); // 03:30 CEST
  });

  it("a window starting in the repeated hour starts the first time round, and lasts real minutes", () => {
    const w = win({ rrule: "DTSTART:20260101T023000\nRRULE:FREQ=DAILY", durationMin: 60 });
    const r = nextOpening([w], berlin, at("2026-10-24T23:00:00Z"));
    expect(iso(r.opensAt)).toBe("2026-10-25T00:30:00.000Z"); // 02:30 CEST
    expect(iso(r.closesAt)).toBe("2026-10-25T01:30:00.000Z"); // 02:30 CET
  });

  it("America/New_York in March", () => {
    expect(iso(nextOpening([nightly()], newYork, at("2026-03-07T12:00:00Z")).opensAt)).toBe(
      "2026-03-08T03:00:00.000Z",
    );
    expect(iso(nextOpening([nightly()], newYork, at("2026-03-08T12:00:00Z")).opensAt)).toBe(
      "2026-03-09T02:00:00.000Z",
    );
  });

  it("Australia/Sydney in April: clocks go back, 22:00 local moves from 11:00 to 12:00 UTC", () => {
    expect(iso(nextOpening([nightly()], sydney, at("2026-04-04T00:00:00Z")).opensAt)).toBe(
      "2026-04-04T11:00:00.000Z",
    );
    expect(iso(nextOpening([nightly()], sydney, at("2026-04-05T00:00:00Z")).opensAt)).toBe(
      "2026-04-05T12:00:00.000Z",
    );
  });

  it("Australia/Sydney in October: clocks go forward, 22:00 local moves from 12:00 to 11:00 UTC", () => {
    expect(iso(nextOpening([nightly()], sydney, at("2026-10-03T00:00:00Z")).opensAt)).toBe(
      "2026-10-03T12:00:00.000Z",
    );
    expect(iso(nextOpening([nightly()], sydney, at("2026-10-04T00:00:00Z")).opensAt)).toBe(
      "2026-10-04T11:00:00.000Z",
    );
  });
});

describe("freezes", () => {
  const yearEnd = win({
    name: "Year-end freeze",
    kind: "freeze",
    rrule: "DTSTART:20261220T000000\nRRULE:FREQ=YEARLY",
    durationMin: 14 * 24 * 60,
  });

  it("closes inside a freeze and opens when it ends", () => {
    const r = nextOpening([yearEnd], berlin, at("2026-12-25T12:00:00Z"));
    expect(r).toMatchObject({
      open: false,
      reason: 'frozen by "Year-end freeze"',
      frozenBy: "Year-end freeze",
    });
    expect(iso(r.opensAt)).toBe("2027-01-02T23:00:00.000Z"); // 3 Jan 00:00 CET
    expect(iso(r.closesAt)).toBe("2027-12-19T23:00:00.000Z"); // next year's freeze
  });

  it("is open before a freeze and closes when it starts", () => {
    const r = nextOpening([yearEnd], berlin, at("2026-12-01T12:00:00Z"));
    expect(r.open).toBe(true);
    expect(iso(r.closesAt)).toBe("2026-12-19T23:00:00.000Z");
  });

  it("wins over an allow window it overlaps, which opens again once the freeze ends inside it", () => {
    const r = nextOpening([nightly(), yearEnd], berlin, at("2026-12-22T22:00:00Z"));
    expect(r).toMatchObject({ open: false, frozenBy: "Year-end freeze" });
    expect(iso(r.opensAt)).toBe("2027-01-02T23:00:00.000Z"); // the freeze ends inside Nightly (22:00–02:00)
    expect(iso(r.closesAt)).toBe("2027-01-03T01:00:00.000Z");
  });

  it("cuts an allow window short when a freeze starts inside it", () => {
    const freeze = win({
      kind: "freeze",
      name: "Change freeze",
      rrule: "DTSTART:20260601T000000\nRRULE:FREQ=DAILY;COUNT=1",
      durationMin: 120,
    });
    const r = nextOpening([nightly(), freeze], berlin, at("2026-05-31T20:30:00Z"));
    expect(r.open).toBe(true);
    expect(iso(r.closesAt)).toBe("2026-05-31T22:00:00.000Z"); // midnight CEST
  });
});

describe("scope", () => {
  const now = at("2026-06-01T12:00:00Z");
  it("applies a region's window only to that region", () => {
    const w = nightly({ scope: { regions: ["eu-gdpr"] } });
    expect(nextOpening([w], berlin, now).open).toBe(false);
    expect(nextOpening([w], newYork, now).open).toBe(true);
  });

  it("intersects regions and labels, and adds hand-picked satellites", () => {
    const w = nightly({ scope: { regions: ["eu-gdpr"], labels: ["role=core"], satelliteIds: ["s-nyc"] } });
    expect(nextOpening([w], berlin, now).open).toBe(true); // role=edge
    expect(nextOpening([w], newYork, now).open).toBe(false);
    expect(nextOpening([nightly({ scope: { labels: ["role=edge"] } })], berlin, now).open).toBe(false);
  });

  it("an empty scope covers nobody", () => {
    expect(nextOpening([nightly({ scope: {} })], berlin, now).open).toBe(true);
  });
});

describe("broken rules", () => {
  it("a window whose rule never recurs within the horizon never opens", () => {
    const w = win({ rrule: "DTSTART:20200101T000000\nRRULE:FREQ=DAILY;COUNT=1" });
    const r = nextOpening([w], berlin, at("2026-06-01T12:00:00Z"));
    expect(r.open).toBe(false);
    expect(r.opensAt).toBeUndefined();
    expect(r.reason).toMatch(/no opening within a year/);
  });
});
