import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import {
  compareVersions,
  eligibility,
  estimateWaveMinutes,
  INSTALL_SECONDS,
  isDottedVersion,
  planWaves,
  type PlanRelease,
  type PlanSatellite,
  type PlanTarget,
  type WavePlanOptions,
} from "./plan";

const now = new Date("2026-12-01T12:00:00Z");
const secondsAgo = (sec: number) => new Date(now.getTime() - sec * 1000);

describe("compareVersions", () => {
  it("compares each dotted part as a number", () => {
    expect(compareVersions("1.10.0", "1.9.2")).toBe(1);
    expect(compareVersions("1.9.2", "1.10.0")).toBe(-1);
    expect(compareVersions("2026.12.0", "2026.9.3")).toBe(1);
    expect(compareVersions("1.2.3", "1.2.3")).toBe(0);
  });

  it("counts missing parts as zero and ignores a leading v", () => {
    expect(compareVersions("1.10", "1.10.0")).toBe(0);
    expect(compareVersions("1.10", "1.10.1")).toBe(-1);
    expect(compareVersions("v2.0.0", "2")).toBe(0);
    expect(compareVersions(" 1.4.0 ", "1.4")).toBe(0);
  });

  it("sorts a pre-release before its release, and pre-releases numerically", () => {
    expect(compareVersions("1.5.0-rc.1", "1.5.0")).toBe(-1);
    expect(compareVersions("1.5.0", "1.5.0-rc.1")).toBe(1);
    expect(compareVersions("1.5.0-rc.2", "1.5.0-rc.10")).toBe(-1);
    expect(compareVersions("1.5.0-rc.2", "1.5.0-rc.2")).toBe(0);
    expect(compareVersions("1.5.1-rc.1", "1.5.0")).toBe(1);
  });

  it("refuses what is not a dotted version, naming it", () => {
    expect(() => compareVersions("latest", "1.0.0")).toThrow('"latest" is not a dotted version');
    expect(() => compareVersions("1.0.0", "1..2")).toThrow('"1..2" is not a dotted version');
    expect(isDottedVersion("1.2.3")).toBe(true);
    expect(isDottedVersion("2026.12.0-rc.1")).toBe(true);
    expect(isDottedVersion("1.x")).toBe(false);
    expect(isDottedVersion("")).toBe(false);
  });
});

const release: PlanRelease = {
  version: "2026.12.0",
  certifiedRegionIds: ["eu-gdpr", "us-fedramp"],
  minAgentVersion: "1.10.0",
  artifactSizeMb: 1200,
};

function satellite(overrides: Partial<PlanSatellite> = {}): PlanSatellite {
  return {
    id: "sat_1",
    slug: "fra-edge-1",
    name: "Frankfurt edge 1",
    regionId: "eu-gdpr",
    kind: "edge",
    labels: {},
    lifecycle: "active",
    agentVersion: "1.10.2",
    stackVersion: "2026.9.3",
    lastSeenAt: secondsAgo(5),
    heartbeatIntervalSec: 10,
    uplinkMbps: 1000,
    downlinkMbps: 1000,
    ...overrides,
  };
}

const reasonFor = (overrides: Partial<PlanSatellite>, rel: PlanRelease = release) => {
  const result = eligibility(satellite(overrides), rel, now);
  return result.eligible ? null : result.reason;
};

describe("eligibility", () => {
  it("admits an active, connected, certified satellite on an older stack", () => {
    expect(eligibility(satellite(), release, now)).toEqual({ eligible: true });
    expect(reasonFor({ stackVersion: null })).toBeNull();
    expect(reasonFor({ agentVersion: "1.10.0" })).toBeNull();
    expect(reasonFor({ lifecycle: "maintenance" })).toBeNull();
    // Stale is a late beat, not a lost satellite: its command will still arrive.
    expect(reasonFor({ lastSeenAt: secondsAgo(60) })).toBeNull();
  });

  it("enforces residency: an uncertified region is excluded", () => {
    expect(reasonFor({ regionId: "cn-pipl" })).toBe("cn-pipl is not certified for 2026.12.0");
    expect(reasonFor({ regionId: "eu-gdpr" }, { ...release, certifiedRegionIds: ["us-fedramp"] })).toBe(
      "eu-gdpr is not certified for 2026.12.0",
    );
  });

  it("excludes decommissioned and cordoned satellites", () => {
    expect(reasonFor({ lifecycle: "decommissioned" })).toBe("fra-edge-1 is decommissioned");
    expect(reasonFor({ lifecycle: "cordoned" })).toBe("fra-edge-1 is cordoned");
  });

  it("excludes a satellite already on the release or on a newer one", () => {
    expect(reasonFor({ stackVersion: "2026.12.0" })).toBe("fra-edge-1 is already on 2026.12.0");
    expect(reasonFor({ stackVersion: "2026.12" })).toBe("fra-edge-1 is already on 2026.12.0");
    expect(reasonFor({ stackVersion: "2027.1.0" })).toBe(
      "fra-edge-1 is on 2027.1.0, newer than 2026.12.0; a rollout never downgrades",
    );
    expect(reasonFor({ stackVersion: "nightly" }, { ...release, version: "nightly" })).toBe(
      "fra-edge-1 is already on nightly",
    );
    expect(reasonFor({ stackVersion: "custom-build" })).toBeNull();
  });

  it("requires the minimum agent version, compared numerically", () => {
    expect(reasonFor({ agentVersion: "1.9.2" })).toBe(
      "fra-edge-1's agent 1.9.2 is older than 1.10.0, the minimum for 2026.12.0",
    );
    expect(reasonFor({ agentVersion: null })).toBe(
      "fra-edge-1's agent version is unknown; 2026.12.0 needs agent 1.10.0 or newer",
    );
    expect(reasonFor({ agentVersion: "dev" })).toBe(
      'fra-edge-1\'s agent version "dev" is unreadable; 2026.12.0 needs agent 1.10.0 or newer',
    );
    expect(reasonFor({}, { ...release, minAgentVersion: "one" })).toBe(
      '2026.12.0 has an invalid minimum agent version "one"',
    );
  });

  it("excludes offline and never-seen satellites, using the shared connectivity thresholds", () => {
    expect(reasonFor({ lastSeenAt: null })).toBe("fra-edge-1 has never sent a heartbeat");
    expect(reasonFor({ lastSeenAt: secondsAgo(240) })).toBe("fra-edge-1 is offline (last seen 4 min ago)");
    expect(reasonFor({ lastSeenAt: secondsAgo(300), heartbeatIntervalSec: 60 })).toBeNull();
  });

  it("names the hard rule first when several apply", () => {
    expect(reasonFor({ lifecycle: "decommissioned", regionId: "cn-pipl" })).toBe(
      "fra-edge-1 is decommissioned",
    );
    expect(reasonFor({ regionId: "cn-pipl", lifecycle: "cordoned", lastSeenAt: null })).toBe(
      "cn-pipl is not certified for 2026.12.0",
    );
    expect(reasonFor({ lifecycle: "cordoned", agentVersion: "1.0.0" })).toBe("fra-edge-1 is cordoned");
    expect(reasonFor({ agentVersion: "1.0.0", lastSeenAt: null })).toMatch(/older than 1\.10\.0/);
  });
});

function fleet(counts: Record<string, number>): PlanTarget[] {
  return Object.entries(counts).flatMap(([regionId, count]) =>
    Array.from({ length: count }, (_, i) => ({
      id: `${regionId}-${String(i).padStart(2, "0")}`,
      regionId,
      uplinkMbps: 1000,
      downlinkMbps: 1000,
    })),
  );
}

const shape = (waves: { label: string; satelliteIds: string[] }[]) =>
  waves.map((w) => `${w.label}:${w.satelliteIds.length}`);

describe("planWaves", () => {
  it("plans canary → 10 % → 50 % → 100 % (cumulative) by default", () => {
    const waves = planWaves(fleet({ "eu-gdpr": 20, "us-fedramp": 12, "uk-gdpr": 8 }));
    expect(shape(waves)).toEqual(["canary:1", "10 %:3", "50 %:16", "100 %:20"]);
    expect(waves.map((w) => w.index)).toEqual([0, 1, 2, 3]);
    const all = waves.flatMap((w) => w.satelliteIds);
    expect(new Set(all).size).toBe(40);
  });

  it("samples every region in each wave, one satellite from each in turn", () => {
    const waves = planWaves(fleet({ "eu-gdpr": 20, "us-fedramp": 12, "uk-gdpr": 8 }));
    expect(waves[0].satelliteIds).toEqual(["eu-gdpr-00"]);
    expect(waves[1].satelliteIds).toEqual(["uk-gdpr-00", "us-fedramp-00", "eu-gdpr-01"]);
  });

  it("is deterministic whatever order the targets arrive in", () => {
    const targets = fleet({ "eu-gdpr": 7, "ch-fadp": 5, "br-lgpd": 9 });
    const shuffled = [...targets.slice(7), ...targets.slice(0, 7)].reverse();
    expect(planWaves(shuffled)).toEqual(planWaves(targets));
    expect(planWaves(shuffled, { regionByRegion: true })).toEqual(
      planWaves(targets, { regionByRegion: true }),
    );
  });

  it("never makes an empty wave for tiny fleets", () => {
    expect(planWaves([])).toEqual([]);
    expect(shape(planWaves(fleet({ "eu-gdpr": 1 })))).toEqual(["canary:1"]);
    expect(shape(planWaves(fleet({ "eu-gdpr": 2 })))).toEqual(["canary:1", "100 %:1"]);
    expect(shape(planWaves(fleet({ "eu-gdpr": 3 })))).toEqual(["canary:1", "100 %:2"]);
    expect(shape(planWaves(fleet({ "eu-gdpr": 5 })))).toEqual(["canary:1", "50 %:1", "100 %:3"]);
    // 10 % of 15 is 1.5: "up to 10 %" means 1, which the canary already is.
    expect(shape(planWaves(fleet({ "eu-gdpr": 15 })))).toEqual(["canary:1", "50 %:6", "100 %:8"]);
  });

  it("honours custom waves and canary sizes", () => {
    expect(shape(planWaves(fleet({ "eu-gdpr": 100 }), { waves: [5, 25, 100], canarySize: 2 }))).toEqual([
      "canary:2",
      "5 %:3",
      "25 %:20",
      "100 %:75",
    ]);
    expect(shape(planWaves(fleet({ "eu-gdpr": 3 }), { canarySize: 5 }))).toEqual(["canary:3"]);
    expect(shape(planWaves(fleet({ "eu-gdpr": 10 }), { waves: [100] }))).toEqual(["canary:1", "100 %:9"]);
  });

  it("goes region by region after the canary, largest region first", () => {
    const waves = planWaves(fleet({ "uk-gdpr": 4, "eu-gdpr": 6, "us-fedramp": 6, "ch-fadp": 1 }), {
      regionByRegion: true,
    });
    expect(shape(waves)).toEqual(["canary:1", "eu-gdpr:5", "us-fedramp:6", "uk-gdpr:4", "ch-fadp:1"]);
    expect(waves[0].satelliteIds).toEqual(["eu-gdpr-00"]);
    expect(waves[1].satelliteIds).not.toContain("eu-gdpr-00");
  });

  it("skips a region whose only satellite became the canary", () => {
    const waves = planWaves(fleet({ "sg-pdpa": 1, "jp-appi": 1 }), { regionByRegion: true });
    expect(shape(waves)).toEqual(["canary:1", "sg-pdpa:1"]);
    expect(waves[0].satelliteIds).toEqual(["jp-appi-00"]);
  });

  it("plans a satellite once even if it is listed twice", () => {
    const targets = fleet({ "eu-gdpr": 4 });
    const waves = planWaves([...targets, targets[2]]);
    expect(waves.flatMap((w) => w.satelliteIds).sort()).toEqual(targets.map((t) => t.id));
  });

  const fieldsOf = (options: WavePlanOptions): Record<string, string> | undefined => {
    try {
      planWaves(fleet({ "eu-gdpr": 10 }), options);
    } catch (error) {
      if (error instanceof AppError) {
        expect(error.code).toBe("VALIDATION");
        return error.fields;
      }
      throw error;
    }
    return undefined;
  };

  it("rejects invalid options, naming the field", () => {
    expect(fieldsOf({ waves: [10, 5, 100] })).toEqual({ "waves[1]": "must be above waves[0] (10 %)" });
    expect(fieldsOf({ waves: [10, 10, 100] })).toEqual({ "waves[1]": "must be above waves[0] (10 %)" });
    expect(fieldsOf({ waves: [10, 50] })).toEqual({ "waves[1]": "the last wave must reach 100 %" });
    expect(fieldsOf({ waves: [0, 100] })).toEqual({ "waves[0]": "must be at least 1 %" });
    expect(fieldsOf({ waves: [50, 120] })).toEqual({ "waves[1]": "must be at most 100 %" });
    expect(fieldsOf({ waves: [] })).toEqual({ waves: "needs at least one wave" });
    expect(fieldsOf({ canarySize: 0 })).toEqual({ canarySize: "must be at least 1" });
    expect(fieldsOf({ canarySize: 1.5 })).toEqual({ canarySize: "must be a whole number" });
    expect(() => planWaves([], { waves: [10, 5, 100] })).toThrow("waves[1]: must be above waves[0] (10 %)");
    expect(fieldsOf({ waves: [10, 50, 100], canarySize: 2, regionByRegion: false })).toBeUndefined();
  });
});

describe("estimateWaveMinutes", () => {
  it("adds download, install and bake, rounded up", () => {
    // 1000 MB × 8 ÷ 100 Mbps = 80 s, + 90 s install = 170 s ≈ 2.83 min, + 10 min bake.
    expect(estimateWaveMinutes([{ downlinkMbps: 100 }], 1000, 5, 10)).toBe(13);
    expect(INSTALL_SECONDS).toBe(90);
  });

  it("runs maxConcurrency at a time, the slowest of each batch governing", () => {
    const sats = [{ downlinkMbps: 100 }, { downlinkMbps: 1000 }, { downlinkMbps: 50 }];
    // Batch 1: max(170, 98) = 170 s; batch 2: 160 + 90 = 250 s; 420 s = 7 min exactly.
    expect(estimateWaveMinutes(sats, 1000, 2, 0)).toBe(7);
    // All at once: the 50 Mbps link governs: 250 s → 5 min.
    expect(estimateWaveMinutes(sats, 1000, 10, 0)).toBe(5);
    // One at a time: 170 + 98 + 250 = 518 s → 9 min.
    expect(estimateWaveMinutes(sats, 1000, 1, 0)).toBe(9);
  });

  it("takes no time for an empty wave and refuses impossible inputs", () => {
    expect(estimateWaveMinutes([], 1000, 5, 30)).toBe(0);
    expect(() => estimateWaveMinutes([{ downlinkMbps: 100 }], 1000, 0, 0)).toThrow("maxConcurrency");
    expect(() => estimateWaveMinutes([{ downlinkMbps: 100 }], 1000, 1.5, 0)).toThrow("maxConcurrency");
    expect(() => estimateWaveMinutes([{ downlinkMbps: 0 }], 1000, 1, 0)).toThrow("downlinkMbps");
  });
});
