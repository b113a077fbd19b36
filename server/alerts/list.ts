import "server-only";
import { authorize, type Ctx } from "../auth/context";
import { db } from "../db";
import type { Severity } from "../notify/notice";
import { silencedBy } from "./decide";
import { KIND_INFO, type AlertKind } from "./kinds";
import { readDetails } from "./notices";

export type AlertView = {
  id: string;
  rule: { id: string; name: string; kind: AlertKind; kindLabel: string };
  severity: Severity;
  summary: string;
  /** The thing it is about, as the console names it: a satellite, a region, a rollout, a command. */
  scope: string;
  /** The satellite's slug when the alert is about one, to prefill a silence. */
  satelliteSlug: string | null;
  path: string;
  state: "firing" | "resolved";
  firedAt: string;
  lastNotifiedAt: string | null;
  resolvedAt: string | null;
  notifications: number;
  silence: { reason: string; expiresAt: string } | null;
};

export type AlertList = {
  firing: AlertView[];
  resolved: AlertView[];
  counts: { firing: number; silenced: number; rules: number };
};

const SEVERITY_ORDER: Record<Severity, number> = { critical: 0, warning: 1, info: 2 };

function scopeOf(groupKey: string, facts: Record<string, string>): string {
  if (facts.Satellite) return facts.Region ? `${facts.Satellite} · ${facts.Region}` : facts.Satellite;
  if (facts.Rollout) return `rollout ${facts.Rollout}`;
  if (facts.Region) return `region ${facts.Region}`;
  return groupKey;
}

/** Firing alerts, worst and newest first, and the last day's resolved ones; the view the console polls. */
export async function listAlerts(ctx: Ctx, now = new Date()): Promise<AlertList> {
  authorize(ctx, "alerts.read");
  const dayAgo = new Date(now.getTime() - 86_400_000);
  const [firing, resolved, silences, firingCount, rules] = await Promise.all([
    db.alert.findMany({
      where: { state: "firing" },
      orderBy: { firedAt: "desc" },
      take: 500,
      include: { rule: { select: { id: true, name: true, kind: true } } },
    }),
    db.alert.findMany({
      where: { state: "resolved", resolvedAt: { gt: dayAgo } },
      orderBy: { resolvedAt: "desc" },
      take: 50,
      include: { rule: { select: { id: true, name: true, kind: true } } },
    }),
    db.silence.findMany({ where: { cancelledAt: null, expiresAt: { gt: now } } }),
    db.alert.count({ where: { state: "firing" } }),
    db.alertRule.count(),
  ]);
  const view = (a: (typeof firing)[number]): AlertView => {
    const d = readDetails(a.details);
    const kind = a.rule.kind as AlertKind;
    const silence =
      a.state === "firing"
        ? silencedBy(silences, { ruleId: a.ruleId, regionId: d.regionId, satelliteId: d.satelliteId }, now)
        : null;
    return {
      id: a.id,
      rule: { id: a.rule.id, name: a.rule.name, kind, kindLabel: KIND_INFO[kind].label },
      severity: d.severity,
      summary: a.summary,
      scope: scopeOf(a.groupKey, d.facts),
      satelliteSlug: d.satelliteId ? (d.facts.Satellite ?? null) : null,
      path: d.path,
      state: a.state,
      firedAt: a.firedAt.toISOString(),
      lastNotifiedAt: a.lastNotifiedAt?.toISOString() ?? null,
      resolvedAt: a.resolvedAt?.toISOString() ?? null,
      notifications: d.notifications,
      silence: silence ? { reason: silence.reason, expiresAt: silence.expiresAt.toISOString() } : null,
    };
  };
  const firingViews = firing
    .map(view)
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  return {
    firing: firingViews,
    resolved: resolved.map(view),
    counts: { firing: firingCount, silenced: firingViews.filter((a) => a.silence).length, rules },
  };
}
