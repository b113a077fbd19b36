import { describe, expect, it } from "vitest";
import { escapeLabel, renderFamilies } from "./exposition";
import { commandSeries, renderFleet, rolloutSeries, type FleetRow } from "./fleet-series";
import { parseExposition, type Sample } from "./parse-exposition";

const now = new Date("2030-01-01T12:00:00Z");
const secondsAgo = (s: number) => new Date(now.getTime() - s * 1000);

const row = (over: Partial<FleetRow>): FleetRow => ({
  slug: "fra-01",
  regionId: "eu-gdpr",
  provider: "own",
  kind: "edge",
  lifecycle: "active",
  stackVersion: "2.4.1",
  lastSeenAt: secondsAgo(5),
  heartbeatIntervalSec: 10,
  lastRxMbps: 250,
  lastTxMbps: 100,
  uplinkMbps: 1000,
  downlinkMbps: 500,
  ...over,
});

describe("the fleet's series", () => {
  const text = Buffer.concat(
    renderFleet(
      [
        row({}),
        row({ slug: "fra-02", lastSeenAt: secondsAgo(45) }),
        row({ slug: "nyc-01", regionId: "us", lastSeenAt: secondsAgo(3600), stackVersion: null }),
        row({ slug: 'new"01', lastSeenAt: null, lastRxMbps: null, lastTxMbps: null }),
      ],
      ["eu-gdpr", "us", "jp-appi"],
      now,
    ),
  ).toString("utf8");
  const { samples, families, declaredTwice } = parseExposition(text);
  const of = (name: string) => samples.filter((s) => s.name === name);
  const series = {
    info: of("orrery_satellite_info"),
    connectivity: of("orrery_satellite_connectivity"),
    lastHeartbeat: of("orrery_satellite_last_heartbeat_timestamp_seconds"),
    linkUtilisation: of("orrery_satellite_link_utilisation_ratio"),
    satellites: of("orrery_satellites"),
  };
  const value = (values: Sample[], labels: object) =>
    values.find((v) => Object.entries(labels).every(([k, x]) => v.labels[k] === x))?.value;

  it("declares each family once, as a gauge", () => {
    expect(declaredTwice).toEqual([]);
    expect([...families.values()]).toEqual(["gauge", "gauge", "gauge", "gauge", "gauge"]);
  });

  it("describes each satellite once, with its labels", () => {
    expect(series.info).toHaveLength(4);
    expect(series.info[0]).toEqual({
      name: "orrery_satellite_info",
      labels: {
        satellite: "fra-01",
        region: "eu-gdpr",
        provider: "own",
        kind: "edge",
        version: "2.4.1",
        lifecycle: "active",
      },
      value: 1,
    });
    expect(value(series.info, { satellite: "nyc-01" })).toBe(1);
    expect(series.info[2].labels.version).toBe("");
  });

  it("sets exactly one connectivity state per satellite, from its last heartbeat", () => {
    expect(series.connectivity).toHaveLength(16);
    const states = (slug: string) =>
      series.connectivity
        .filter((v) => v.labels.satellite === slug && v.value === 1)
        .map((v) => v.labels.state);
    expect(states("fra-01")).toEqual(["connected"]);
    expect(states("fra-02")).toEqual(["stale"]);
    expect(states("nyc-01")).toEqual(["offline"]);
    expect(states('new"01')).toEqual(["never_seen"]);
  });

  it("gives the last heartbeat in Unix seconds, and none for a satellite never seen", () => {
    expect(value(series.lastHeartbeat, { satellite: "fra-01" })).toBe(now.getTime() / 1000 - 5);
    expect(value(series.lastHeartbeat, { satellite: 'new"01' })).toBeUndefined();
  });

  it("gives link utilisation per direction only while a satellite reports", () => {
    expect(value(series.linkUtilisation, { satellite: "fra-01", direction: "rx" })).toBe(0.5);
    expect(value(series.linkUtilisation, { satellite: "fra-01", direction: "tx" })).toBe(0.1);
    expect(value(series.linkUtilisation, { satellite: "fra-02", direction: "rx" })).toBe(0.5);
    expect(series.linkUtilisation.filter((v) => v.labels.satellite === "nyc-01")).toEqual([]);
    expect(series.linkUtilisation.filter((v) => v.labels.satellite === 'new"01')).toEqual([]);
  });

  it("counts satellites per region and connectivity, zeros included", () => {
    expect(series.satellites).toHaveLength(12);
    expect(value(series.satellites, { region: "eu-gdpr", connectivity: "connected" })).toBe(1);
    expect(value(series.satellites, { region: "eu-gdpr", connectivity: "stale" })).toBe(1);
    expect(value(series.satellites, { region: "eu-gdpr", connectivity: "never_seen" })).toBe(1);
    expect(value(series.satellites, { region: "us", connectivity: "offline" })).toBe(1);
    expect(value(series.satellites, { region: "jp-appi", connectivity: "offline" })).toBe(0);
  });
});

describe("rollouts and commands", () => {
  it("lists every target state of each active rollout and flags a pause the engine made", () => {
    const { satellites, autoPaused } = rolloutSeries(
      [
        { id: "ro1", status: "paused", pausedReason: "Failure threshold reached: 3 of 10 failed" },
        { id: "ro2", status: "paused", pausedReason: "Paused by Ada: lunch" },
        { id: "ro3", status: "running", pausedReason: null },
      ],
      [
        { rolloutId: "ro1", state: "failed", count: 3 },
        { rolloutId: "ro1", state: "succeeded", count: 7 },
      ],
    );
    expect(satellites).toHaveLength(21);
    expect(satellites.find((s) => s.labels.rollout === "ro1" && s.labels.state === "failed")?.value).toBe(3);
    expect(satellites.find((s) => s.labels.rollout === "ro3" && s.labels.state === "pending")?.value).toBe(0);
    expect(autoPaused.map((a) => [a.labels.rollout, a.value])).toEqual([
      ["ro1", 1],
      ["ro2", 0],
      ["ro3", 0],
    ]);
  });

  it("counts final commands by type and result, every known pair from zero", () => {
    const values = commandSeries(
      [
        { type: "stack.upgrade", state: "succeeded", count: 5 },
        { type: "stack.upgrade", state: "expired", count: 1 },
        { type: "legacy.thing", state: "failed", count: 2 },
        { type: "stack.upgrade", state: "queued", count: 9 },
      ],
      ["stack.upgrade", "service.restart"],
    );
    const of = (type: string, result: string) =>
      values.find((v) => v.labels.type === type && v.labels.result === result)?.value;
    expect(values).toHaveLength(9);
    expect(of("stack.upgrade", "succeeded")).toBe(5);
    expect(of("stack.upgrade", "expired")).toBe(1);
    expect(of("service.restart", "cancelled")).toBe(0);
    expect(of("legacy.thing", "failed")).toBe(2);
    expect(of("stack.upgrade", "queued")).toBeUndefined();
  });
});

describe("the text format", () => {
  it("escapes label values and writes HELP and TYPE once per family", () => {
    expect(escapeLabel('a"b\\c\nd')).toBe('a\\"b\\\\c\\nd');
    const text = renderFamilies([
      { name: "x_total", help: "Things.", type: "counter", values: [{ labels: { k: 'v"1' }, value: 2 }] },
      { name: "y", help: "One.", type: "gauge", values: [{ labels: {}, value: 1.5 }] },
    ]);
    expect(text).toBe(
      '# HELP x_total Things.\n# TYPE x_total counter\nx_total{k="v\\"1"} 2\n# HELP y One.\n# TYPE y gauge\ny 1.5\n',
    );
  });
});
