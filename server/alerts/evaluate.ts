import { formatDateTime } from "@/lib/format";
import type { Severity } from "../notify/notice";
import { compareVersions, isDottedVersion } from "../rollouts/plan";
import { EVENT_WINDOW_MIN, KIND_INFO, KIND_PARAMS, type AlertKind } from "./kinds";
import type { FleetSnapshot, SatelliteFact } from "./snapshot-types";

// Whether each rule's condition holds, and for what: one condition per group (satellite, region, rollout,
// command). Pure over a snapshot and a fixed `now`; server/alerts/step.ts turns the answer into alerts.

export type RuleForEvaluation = {
  id: string;
  kind: AlertKind;
  params: unknown;
  regionIds: string[];
  /** "|pair|pair|", encoded like Satellite.labelText; every pair must be present. */
  labelSelector: string;
  createdAt: Date;
};

export type Condition = {
  groupKey: string;
  summary: string;
  severity: Severity;
  facts: Record<string, string>;
  regionId: string | null;
  satelliteId: string | null;
  /** A link into the console for the thing the alert is about. */
  path: string;
  /** An event (a failed command): it closes by itself after a while, without a "resolved" message. */
  isEvent?: boolean;
};

/** The satellites a rule watches: its regions (none named: all) and every pair of its label selector. */
export function inScope(rule: RuleForEvaluation, s: { regionId: string; labelText: string }): boolean {
  if (rule.regionIds.length > 0 && !rule.regionIds.includes(s.regionId)) return false;
  const pairs = rule.labelSelector.split("|").filter(Boolean);
  return pairs.every((p) => s.labelText.includes(`|${p}|`));
}

export function isOffline(s: SatelliteFact, now: Date): boolean {
  return s.offlineAfter !== null && s.offlineAfter.getTime() <= now.getTime();
}

/** A pause the engine made at a failure gate; people's pauses read "Paused by <name>: …" (rollouts/control.ts). */
export function isAutoPause(reason: string | null): boolean {
  return !!reason && !reason.startsWith("Paused by ");
}

export function evaluateRule(rule: RuleForEvaluation, fleet: FleetSnapshot, now: Date): Condition[] {
  const parsed = KIND_PARAMS[rule.kind].safeParse(rule.params ?? {});
  if (!parsed.success) return [];
  const params = parsed.data as Record<string, unknown>;
  const severity = KIND_INFO[rule.kind].severity;
  const sat = (s: { id: string; slug: string; regionId: string }) => ({
    regionId: s.regionId,
    satelliteId: s.id,
    path: `/satellites/${s.slug}`,
  });
  switch (rule.kind) {
    case "satellite_offline": {
      const cutoff = now.getTime() - (params.minutes as number) * 60_000;
      return fleet.impacted
        .filter((s) => s.offlineAfter && s.offlineAfter.getTime() <= cutoff && inScope(rule, s))
        .map((s) => ({
          groupKey: `satellite:${s.id}`,
          summary: `${s.slug} is offline`,
          severity,
          facts: { Satellite: s.slug, Region: s.regionId, "Offline since": formatDateTime(s.offlineAfter!) },
          ...sat(s),
        }));
    }
    case "region_impacted":
      return regionConditions(rule, fleet, now, params.percent as number, severity);
    case "rollout_paused": {
      const since = Math.max(now.getTime() - EVENT_WINDOW_MIN * 60_000, rule.createdAt.getTime());
      return fleet.rollouts
        .filter((r) => r.targets.some((t) => inScope(rule, t)))
        .flatMap((r): Condition[] => {
          const base = { groupKey: `rollout:${r.id}`, severity, regionId: null, satelliteId: null };
          const path = `/rollouts/${r.id}`;
          if (r.status === "paused" && isAutoPause(r.pausedReason)) {
            const summary = `Rollout "${r.name}" paused itself`;
            return [{ ...base, summary, path, facts: { Rollout: r.name, Reason: r.pausedReason ?? "" } }];
          }
          const finished = r.finishedAt?.getTime() ?? 0;
          if (r.status === "completed_with_exceptions" && finished > since) {
            const summary = `Rollout "${r.name}" finished leaving satellites behind`;
            return [{ ...base, summary, path, facts: { Rollout: r.name }, isEvent: true }];
          }
          return [];
        });
    }
    case "command_failed": {
      const since = Math.max(now.getTime() - EVENT_WINDOW_MIN * 60_000, rule.createdAt.getTime());
      return fleet.commands
        .filter((c) => c.finishedAt.getTime() > since && inScope(rule, c.satellite))
        .map((c) => ({
          groupKey: `command:${c.id}`,
          summary: `${c.type} failed on ${c.satellite.slug}`,
          severity,
          facts: { Satellite: c.satellite.slug, Command: c.type, Result: c.message ?? "no message" },
          ...sat(c.satellite),
          isEvent: true,
        }));
    }
    case "agent_outdated": {
      const version = params.version as string;
      return fleet.agents
        .filter((s) => isOlder(s.agentVersion, version) && inScope(rule, s))
        .map((s) => ({
          groupKey: `satellite:${s.id}`,
          summary: `${s.slug} runs agent ${s.agentVersion}, older than ${version}`,
          severity,
          facts: {
            Satellite: s.slug,
            Region: s.regionId,
            Agent: s.agentVersion ?? "",
            Wanted: `≥ ${version}`,
          },
          ...sat(s),
        }));
    }
    case "compliance_violation":
      return [];
  }
}

export function isOlder(version: string | null, than: string): boolean {
  return !!version && isDottedVersion(version) && isDottedVersion(than) && compareVersions(version, than) < 0;
}

function regionConditions(
  rule: RuleForEvaluation,
  fleet: FleetSnapshot,
  now: Date,
  percent: number,
  severity: Severity,
): Condition[] {
  const totals = new Map<string, number>();
  for (const p of fleet.population) {
    if (inScope(rule, p)) totals.set(p.regionId, (totals.get(p.regionId) ?? 0) + p.count);
  }
  const hit = new Map<string, { offline: number; critical: number }>();
  for (const s of fleet.impacted) {
    if (!inScope(rule, s)) continue;
    const h = hit.get(s.regionId) ?? { offline: 0, critical: 0 };
    if (isOffline(s, now)) h.offline++;
    else if (s.reportedHealth === "critical") h.critical++;
    hit.set(s.regionId, h);
  }
  const out: Condition[] = [];
  for (const [regionId, h] of [...hit].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const total = totals.get(regionId) ?? 0;
    const count = h.offline + h.critical;
    if (total === 0 || (count / total) * 100 < percent) continue;
    const share = Math.round((count / total) * 100);
    out.push({
      groupKey: `region:${regionId}`,
      summary: `${regionId}: ${share} % of satellites offline or critical`,
      severity,
      facts: {
        Region: regionId,
        Impacted: `${count} of ${total} (${h.offline} offline, ${h.critical} critical)`,
        Threshold: `${percent} %`,
      },
      regionId,
      satelliteId: null,
      path: `/satellites?region=${encodeURIComponent(regionId)}`,
    });
  }
  return out;
}
