import { releaseAllowedIn } from "../residency";
import { FACT_KINDS, isRuleKind, parseParams, type Outcome, type RuleKind } from "./kinds";
import { inScope, type ScopedSatellite } from "./scope";

// One pure decision: a satellite against one policy version, with the time passed in. The reconciler, the
// enforcement check and the tests all ask this function.

/** Facts older than this say nothing about the host now: the answer becomes unknown. */
export const FACTS_STALE_AFTER_MS = 26 * 3_600_000;

export type PolicyRule = { kind: string; params: unknown; scope: unknown };

export type PolicySatellite = ScopedSatellite & {
  agentVersion: string | null;
  stackVersion: string | null;
  lastSeenAt: Date | null;
  /** The release the satellite runs (its stackVersion), if published: the regions it is certified for. */
  release: { certifiedRegionIds: readonly string[] } | null;
};

export type PolicyFacts = {
  agentVersion?: string | null;
  diskEncrypted: boolean | null;
  timeSynced: boolean | null;
  clockOffsetMs: number | null;
  fipsEnabled: boolean | null;
  pendingSecurityUpdates: number | null;
  lastBackupAt: Date | null;
  reportedAt: Date;
};

export type Evaluation =
  | { outcome: "compliant" }
  | { outcome: "violation"; reason: string }
  | { outcome: "unknown"; reason: string };

const ok: Evaluation = { outcome: "compliant" };
const bad = (reason: string): Evaluation => ({ outcome: "violation", reason });
const unknown = (reason: string): Evaluation => ({ outcome: "unknown", reason });

/** Dotted versions compared part by part as numbers (1.10.0 > 1.9.2); null when either is not dotted. */
export function compareDotted(a: string, b: string): number | null {
  const parse = (v: string) => (/^\d+(\.\d+)*$/.test(v.trim()) ? v.trim().split(".").map(Number) : null);
  const left = parse(a);
  const right = parse(b);
  if (!left || !right) return null;
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const diff = (left[i] ?? 0) - (right[i] ?? 0);
    if (diff !== 0) return diff < 0 ? -1 : 1;
  }
  return 0;
}

// Reasons never measure against `now` ("17 min ago"): a reason that changed every pass would be a write
// every pass. Results are stored as changes only.

/**
 * The result of one policy for one satellite at `now`, or null when the satellite is not in the policy's
 * scope (a decommissioned satellite is in none). Facts-based kinds answer unknown without facts or with
 * facts older than 26 h: an old agent that reports nothing is never compliant.
 */
export function evaluate(
  policy: PolicyRule,
  satellite: PolicySatellite,
  facts: PolicyFacts | null,
  now: Date,
): Evaluation | null {
  if (!inScope(policy.scope, satellite)) return null;
  if (!isRuleKind(policy.kind)) return unknown(`unknown rule kind "${policy.kind}"`);
  const p = paramsOf(policy.kind, policy.params);
  if (!p) return unknown("the policy's parameters are invalid");
  if (FACT_KINDS.has(policy.kind)) {
    if (!facts) return unknown("the agent has reported no host facts");
    const age = now.getTime() - facts.reportedAt.getTime();
    if (age > FACTS_STALE_AFTER_MS) return unknown("host facts are older than 26 h");
  }
  switch (policy.kind) {
    case "release-residency": {
      const version = satellite.stackVersion;
      if (!version) return unknown("runs no known release");
      if (!satellite.release) return unknown(`runs ${version}, which is not a published release`);
      return releaseAllowedIn(satellite.release, satellite.regionId)
        ? ok
        : bad(`runs ${version}, which is not certified for ${satellite.regionId}`);
    }
    case "min-agent-version": {
      const min = p.version as string;
      const version = satellite.agentVersion ?? facts?.agentVersion ?? null;
      if (!version) return unknown("the agent version is unknown");
      const order = compareDotted(version, min);
      if (order === null) return unknown(`the agent version "${version}" is unreadable`);
      return order >= 0 ? ok : bad(`agent ${version} is older than ${min}`);
    }
    case "patch-currency": {
      const max = p.maxPending as number;
      const pending = facts!.pendingSecurityUpdates;
      if (pending === null) return unknown("the package manager did not report pending updates");
      return pending <= max ? ok : bad(`${pending} security updates pending (at most ${max})`);
    }
    case "disk-encryption":
      if (facts!.diskEncrypted === null) return unknown("disk encryption was not reported");
      return facts!.diskEncrypted ? ok : bad("disk encryption is off");
    case "clock-offset": {
      const max = p.maxOffsetMs as number;
      if (facts!.timeSynced === false) return bad("time is not synchronised");
      const offset = facts!.clockOffsetMs;
      if (offset === null) return unknown("the clock offset was not reported");
      return Math.abs(offset) < max
        ? ok
        : bad(`clock offset ${Math.round(Math.abs(offset))} ms (below ${max} ms required)`);
    }
    case "fips":
      if (facts!.fipsEnabled === null) return unknown("FIPS mode was not reported");
      return facts!.fipsEnabled ? ok : bad("FIPS mode is off");
    case "reporting": {
      const within = (p.withinMinutes as number) * 60_000;
      if (!satellite.lastSeenAt) return unknown("has never reported");
      const age = now.getTime() - satellite.lastSeenAt.getTime();
      return age <= within ? ok : bad(`no heartbeat for more than ${p.withinMinutes as number} min`);
    }
    case "backup": {
      const within = (p.withinHours as number) * 3_600_000;
      const last = facts!.lastBackupAt;
      if (!last) return unknown("no backup time was reported");
      const age = now.getTime() - last.getTime();
      return age <= within ? ok : bad(`no backup for more than ${p.withinHours as number} h`);
    }
    case "required-labels": {
      const missing = (p.labels as string[]).filter((k) => !satellite.labels[k]?.trim());
      return missing.length === 0
        ? ok
        : bad(`missing label${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`);
    }
  }
}

// A full pass asks the same policy's parameters 10,000 times: parse each params object once.
const parsedParams = new WeakMap<object, Record<string, unknown> | null>();
function paramsOf(kind: RuleKind, params: unknown): Record<string, unknown> | null {
  const key = params && typeof params === "object" ? params : null;
  if (key && parsedParams.has(key)) return parsedParams.get(key)!;
  const parsed = parseParams(kind, params);
  const value = parsed.success ? (parsed.data as Record<string, unknown>) : null;
  if (key) parsedParams.set(key, value);
  return value;
}

/** Whether two results read the same, so an unchanged one writes nothing. */
export function sameResult(a: { outcome: Outcome; reason: string }, b: Evaluation): boolean {
  return a.outcome === b.outcome && a.reason === ("reason" in b ? b.reason : "");
}
