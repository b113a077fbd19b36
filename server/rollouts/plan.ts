// Planning a rollout, before anything runs: which satellites may take the release, in which waves, and
// how long a wave should take. Pure: the create-rollout action and the console's preview both call it.
import { z } from "zod";
import { connectivityOf, formatAgo } from "../../lib/connectivity";
import type { Lifecycle, SatelliteKind } from "../../lib/fleet";
import { releaseAllowedIn } from "../../lib/residency";
import { validationError } from "../errors";

export type PlanSatellite = {
  id: string;
  slug: string;
  name: string;
  regionId: string;
  kind: SatelliteKind;
  labels: Record<string, string>;
  lifecycle: Lifecycle;
  agentVersion: string | null;
  stackVersion: string | null;
  lastSeenAt: Date | null;
  heartbeatIntervalSec: number;
  uplinkMbps: number;
  downlinkMbps: number;
};

export type PlanRelease = {
  version: string;
  certifiedRegionIds: readonly string[];
  minAgentVersion: string;
  artifactSizeMb: number;
};

export type Eligibility = { eligible: true } | { eligible: false; reason: string };

type ParsedVersion = { parts: number[]; preRelease: string | null };
const VERSION = /^v?(\d+(?:\.\d+)*)(?:-([0-9A-Za-z.-]+))?$/;

function parseVersion(version: string): ParsedVersion | null {
  const match = VERSION.exec(version.trim());
  if (!match) return null;
  return { parts: match[1].split(".").map(Number), preRelease: match[2] ?? null };
}

/** "1.10.0", "2026.12.0", "v1.4", "1.5.0-rc.1": dotted numbers with an optional pre-release suffix. */
export function isDottedVersion(version: string): boolean {
  return parseVersion(version) !== null;
}

/**
 * Compares dotted versions part by part as numbers (1.10.0 > 1.9.2), missing parts counting as 0
 * (1.10 = 1.10.0); a pre-release sorts before its release (1.5.0-rc.1 < 1.5.0). Throws on anything else.
 */
export function compareVersions(a: string, b: string): -1 | 0 | 1 {
  const left = parseVersion(a);
  const right = parseVersion(b);
  if (!left || !right) throw new RangeError(`"${left ? b : a}" is not a dotted version`);
  for (let i = 0; i < Math.max(left.parts.length, right.parts.length); i++) {
    const diff = (left.parts[i] ?? 0) - (right.parts[i] ?? 0);
    if (diff !== 0) return diff < 0 ? -1 : 1;
  }
  if (left.preRelease === right.preRelease) return 0;
  if (left.preRelease === null) return 1;
  if (right.preRelease === null) return -1;
  const order = left.preRelease.localeCompare(right.preRelease, "en", { numeric: true });
  return order < 0 ? -1 : order > 0 ? 1 : 0;
}

/**
 * Whether a satellite may take the release, and if not, the first rule it breaks. Hard rules (lifecycle,
 * residency) come before the ones an operator can fix (cordon, agent, connectivity). A rollout never
 * downgrades: a satellite on a newer stack is excluded too.
 */
export function eligibility(satellite: PlanSatellite, release: PlanRelease, now: Date): Eligibility {
  const no = (reason: string): Eligibility => ({ eligible: false, reason });
  const { slug, stackVersion, agentVersion } = satellite;
  if (satellite.lifecycle === "decommissioned") return no(`${slug} is decommissioned`);
  if (!releaseAllowedIn(release, satellite.regionId)) {
    return no(`${satellite.regionId} is not certified for ${release.version}`);
  }
  if (stackVersion !== null) {
    const isComparable = isDottedVersion(stackVersion) && isDottedVersion(release.version);
    const order = isComparable ? compareVersions(stackVersion, release.version) : null;
    if (order === 0 || stackVersion.trim() === release.version.trim()) {
      return no(`${slug} is already on ${release.version}`);
    }
    if (order === 1)
      return no(`${slug} is on ${stackVersion}, newer than ${release.version}; a rollout never downgrades`);
  }
  if (satellite.lifecycle === "cordoned") return no(`${slug} is cordoned`);
  const needs = `${release.version} needs agent ${release.minAgentVersion} or newer`;
  if (!isDottedVersion(release.minAgentVersion)) {
    return no(`${release.version} has an invalid minimum agent version "${release.minAgentVersion}"`);
  }
  if (agentVersion === null) return no(`${slug}'s agent version is unknown; ${needs}`);
  if (!isDottedVersion(agentVersion))
    return no(`${slug}'s agent version "${agentVersion}" is unreadable; ${needs}`);
  if (compareVersions(agentVersion, release.minAgentVersion) < 0) {
    return no(
      `${slug}'s agent ${agentVersion} is older than ${release.minAgentVersion}, the minimum for ${release.version}`,
    );
  }
  const connectivity = connectivityOf(satellite.lastSeenAt, satellite.heartbeatIntervalSec, now);
  if (connectivity === "never_seen") return no(`${slug} has never sent a heartbeat`);
  if (connectivity === "offline" && satellite.lastSeenAt) {
    return no(`${slug} is offline (last seen ${formatAgo(satellite.lastSeenAt, now)})`);
  }
  return { eligible: true };
}

const percent = z
  .number({ error: "must be a number" })
  .min(1, "must be at least 1 %")
  .max(100, "must be at most 100 %");

/** Built once: the create-rollout action parses every submission with it. */
export const WavePlanOptions = z.object({
  /** Cumulative percentages of all targets reached after each wave, the canary included. */
  waves: z
    .array(percent, { error: "must be a list of percentages" })
    .min(1, "needs at least one wave")
    .max(20, "at most 20 waves")
    .default([10, 50, 100])
    .superRefine((waves, ctx) => {
      if (waves.length === 0) return;
      waves.forEach((pct, i) => {
        if (i > 0 && pct <= waves[i - 1]) {
          ctx.addIssue({
            code: "custom",
            path: [i],
            message: `must be above waves[${i - 1}] (${waves[i - 1]} %)`,
          });
        }
      });
      const last = waves.length - 1;
      if (waves[last] !== 100)
        ctx.addIssue({ code: "custom", path: [last], message: "the last wave must reach 100 %" });
    }),
  canarySize: z
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(100, "must be at most 100")
    .default(1),
  /** One wave per compliance region after the canary; `waves` is not used then. */
  regionByRegion: z.boolean({ error: "must be true or false" }).default(false),
});
export type WavePlanOptions = z.input<typeof WavePlanOptions>;

export type PlanTarget = { id: string; regionId: string; uplinkMbps: number; downlinkMbps: number };
export type PlannedWave = { index: number; label: string; satelliteIds: string[] };

/**
 * Splits eligible satellites into waves: the canary (wave 0), then cumulative percentages, or one wave per
 * region. Deterministic for the same targets, never an empty wave; no targets, no waves. Throws a
 * VALIDATION AppError naming the bad field (`waves[1]`).
 */
export function planWaves(targets: readonly PlanTarget[], options: WavePlanOptions = {}): PlannedWave[] {
  const parsed = WavePlanOptions.safeParse(options);
  if (!parsed.success) throw validationError(parsed.error);
  const { waves, canarySize, regionByRegion } = parsed.data;
  const regions = groupByRegion(targets);
  if (regions.length === 0) return [];

  const groups: { label: string; satelliteIds: string[] }[] = [];
  if (regionByRegion) {
    // Largest region first, so the canary comes from where most of the fleet sits.
    regions.sort((a, b) => b.ids.length - a.ids.length || compareText(a.regionId, b.regionId));
    const canary = regions.flatMap((r) => r.ids).slice(0, canarySize);
    groups.push({ label: "canary", satelliteIds: canary });
    const inCanary = new Set(canary);
    for (const region of regions) {
      groups.push({ label: region.regionId, satelliteIds: region.ids.filter((id) => !inCanary.has(id)) });
    }
  } else {
    const ordered = interleave(regions.map((r) => r.ids));
    groups.push({ label: "canary", satelliteIds: ordered.slice(0, canarySize) });
    let reached = Math.min(canarySize, ordered.length);
    for (const pct of waves) {
      // "Up to" the percentage: floor, so 10 % of 15 satellites is 1, not 2.
      const until = pct === 100 ? ordered.length : Math.floor((ordered.length * pct) / 100 + 1e-9);
      if (until <= reached) continue;
      groups.push({ label: `${pct} %`, satelliteIds: ordered.slice(reached, until) });
      reached = until;
    }
  }
  return groups
    .filter((g) => g.satelliteIds.length > 0)
    .map((g, index) => ({ index, label: g.label, satelliteIds: g.satelliteIds }));
}

function groupByRegion(targets: readonly PlanTarget[]): { regionId: string; ids: string[] }[] {
  const seen = new Set<string>();
  const byRegion = new Map<string, string[]>();
  for (const t of targets) {
    if (seen.has(t.id)) continue;
    seen.add(t.id);
    const ids = byRegion.get(t.regionId);
    if (ids) ids.push(t.id);
    else byRegion.set(t.regionId, [t.id]);
  }
  return [...byRegion.entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(([regionId, ids]) => ({ regionId, ids: ids.sort(compareText) }));
}

/**
 * One satellite from each region in turn, so every percentage wave samples every region instead of the
 * first 10 % landing in one jurisdiction; region-at-a-time is what `regionByRegion` is for.
 */
function interleave(lists: string[][]): string[] {
  const out: string[] = [];
  const longest = Math.max(...lists.map((l) => l.length));
  for (let i = 0; i < longest; i++) {
    for (const list of lists) if (i < list.length) out.push(list[i]);
  }
  return out;
}

/** Code-unit order, the same on every machine and locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Unpacking and restarting the stack after the download, per satellite. */
export const INSTALL_SECONDS = 90;

/**
 * Minutes one wave should take: each satellite downloads the artifact (MB × 8 ÷ downlink Mbps seconds) and
 * installs; maxConcurrency go at a time and the slowest of each batch holds the next; then the bake.
 * Rounded up. An empty wave takes no time (the engine completes it without a bake).
 */
export function estimateWaveMinutes(
  satellites: readonly { downlinkMbps: number }[],
  artifactSizeMb: number,
  maxConcurrency: number,
  bakeMinutes: number,
): number {
  if (!Number.isInteger(maxConcurrency) || maxConcurrency < 1) {
    throw new RangeError("maxConcurrency must be a whole number of at least 1");
  }
  if (satellites.length === 0) return 0;
  let seconds = 0;
  for (let start = 0; start < satellites.length; start += maxConcurrency) {
    const batch = satellites.slice(start, start + maxConcurrency);
    seconds += Math.max(
      ...batch.map((s) => {
        if (!(s.downlinkMbps > 0)) throw new RangeError("downlinkMbps must be above 0");
        return (artifactSizeMb * 8) / s.downlinkMbps + INSTALL_SECONDS;
      }),
    );
  }
  // Rounded to the millisecond first, so float noise never adds a whole minute.
  return Math.ceil(Math.round(seconds * 1000) / 60_000 + bakeMinutes);
}
