// The host facts of one virtual satellite, drawn once from its slug so the demo is the same on every run and
// the seed and the simulator agree: most sites pass every check, a few fail each one, a few say nothing.
import type { FactsRequest } from "../protocol";
import { type Rng, chance, pick, rngFor, round1, uniform } from "./prng";

/** Shares of the fleet failing each check (roughly: each is an independent draw from the slug). */
export const FACTS_MIX = {
  /** Old agents that never send facts: their satellites stay "unknown". */
  silent: 0.04,
  unencrypted: 0.08,
  encryptionUnknown: 0.02,
  clockOff: 0.05,
  /** FIPS off where it is expected (the US federal region); elsewhere FIPS is on only at a few sites. */
  fipsOffRegulated: 0.06,
  fipsOnElsewhere: 0.1,
  patchesBehind: 0.12,
  patchesUnknown: 0.03,
  staleBackup: 0.06,
  noBackupHook: 0.1,
} as const;

// Countries of the us-fedramp compliance region, where FIPS 140 mode is the rule.
const FIPS_COUNTRIES = new Set(["US", "PR", "GU", "VI", "AS", "MP", "UM"]);

const OSES = [
  { osName: "Ubuntu", osVersion: "24.04", kernel: "6.8.0-49-generic" },
  { osName: "Ubuntu", osVersion: "22.04", kernel: "5.15.0-126-generic" },
  { osName: "Debian GNU/Linux", osVersion: "12", kernel: "6.1.0-27-amd64" },
  { osName: "Rocky Linux", osVersion: "9.4", kernel: "5.14.0-427.42.1.el9_4.x86_64" },
] as const;
const RHEL = { osName: "Red Hat Enterprise Linux", osVersion: "9.4", kernel: "5.14.0-427.42.1.el9_4.x86_64" };

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export type FactsSite = { slug: string; country?: string | null; agentVersion: string };

/** The facts this site reports at `nowMs`, or null for a silent (old) agent. */
export function simulatedFacts(site: FactsSite, nowMs: number): FactsRequest | null {
  const rng: Rng = rngFor(site.slug, "facts");
  if (chance(rng, FACTS_MIX.silent)) return null;
  const isFipsRegion = !!site.country && FIPS_COUNTRIES.has(site.country);
  const os = isFipsRegion && chance(rng, 0.7) ? RHEL : pick(rng, OSES);

  const encryption = rng();
  const diskEncrypted =
    encryption < FACTS_MIX.unencrypted
      ? false
      : encryption < FACTS_MIX.unencrypted + FACTS_MIX.encryptionUnknown
        ? null
        : true;

  const isClockOff = chance(rng, FACTS_MIX.clockOff);
  const offset = isClockOff ? uniform(rng, 600, 4_000) : uniform(rng, 0.05, 25);
  const clockOffsetMs = round1(offset * (chance(rng, 0.5) ? 1 : -1));
  const timeSynced = isClockOff ? chance(rng, 0.3) : true;

  const fipsEnabled = isFipsRegion
    ? !chance(rng, FACTS_MIX.fipsOffRegulated)
    : chance(rng, FACTS_MIX.fipsOnElsewhere);

  const patches = rng();
  const pendingSecurityUpdates =
    patches < FACTS_MIX.patchesUnknown
      ? null
      : patches < FACTS_MIX.patchesUnknown + FACTS_MIX.patchesBehind
        ? Math.round(uniform(rng, 4, 40))
        : patches < 0.45
          ? Math.round(uniform(rng, 1, 3))
          : 0;

  // Backups run daily at a fixed minute of the day; a stale site's last good one was days ago.
  const backupPhaseMs = Math.floor(rng() * DAY_MS);
  const backup = rng();
  const staleDays = Math.round(uniform(rng, 3, 14));
  let lastBackupAt: string | null = null;
  if (backup >= FACTS_MIX.noBackupHook) {
    const lastDaily = Math.floor((nowMs - backupPhaseMs) / DAY_MS) * DAY_MS + backupPhaseMs;
    const isStale = backup < FACTS_MIX.noBackupHook + FACTS_MIX.staleBackup;
    lastBackupAt = new Date(isStale ? lastDaily - staleDays * DAY_MS : lastDaily).toISOString();
  }
  return {
    agentVersion: site.agentVersion,
    ...os,
    diskEncrypted,
    timeSynced,
    clockOffsetMs,
    fipsEnabled,
    pendingSecurityUpdates,
    lastBackupAt,
  };
}
