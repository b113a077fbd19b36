import "server-only";
import { db, Prisma, transaction } from "../db";
import { planAlerts, type AlertPlan, type OpenAlert } from "./decide";
import { evaluateRule, type RuleForEvaluation } from "./evaluate";
import type { AlertKind } from "./kinds";
import { buildNotice, detailsOf, enqueueNotice, readDetails, type NoticeRule } from "./notices";
import { loadSnapshot } from "./snapshot";

/** Alerts opened per pass at most; a mass outage opens the rest over the next passes. */
const MAX_OPEN_PER_PASS = 200;

export type AlertsReport = { opened: number; repeated: number; resolved: number };

type LoadedRule = RuleForEvaluation & NoticeRule & { repeatMinutes: number; channelIds: string[] };

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

async function rulesWhere(where: Prisma.AlertRuleWhereInput): Promise<LoadedRule[]> {
  const rows = await db.alertRule.findMany({ where, include: { channels: { select: { channelId: true } } } });
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind as AlertKind,
    params: r.params,
    regionIds: stringList(r.regionIds),
    labelSelector: r.labelSelector,
    createdAt: r.createdAt,
    repeatMinutes: r.repeatMinutes,
    channelIds: r.channels.map((c) => c.channelId),
  }));
}

/**
 * One pass over every enabled rule: evaluate against one snapshot of the fleet, then open, repeat and
 * resolve alerts, each change in a transaction with the outbox messages it decides.
 */
export async function evaluateAlerts(now: Date): Promise<AlertsReport> {
  const [rules, firing] = await Promise.all([
    rulesWhere({ enabled: true }),
    db.alert.findMany({ where: { state: "firing" } }),
  ]);
  if (rules.length === 0 && firing.length === 0) return { opened: 0, repeated: 0, resolved: 0 };
  const [silences, snapshot] = await Promise.all([
    db.silence.findMany({ where: { cancelledAt: null, expiresAt: { gt: now } } }),
    loadSnapshot(rules, now),
  ]);
  const open: (OpenAlert & { firedAt: Date })[] = firing.map((a) => {
    const d = readDetails(a.details);
    return { ...a, regionId: d.regionId, satelliteId: d.satelliteId, isEvent: d.isEvent };
  });
  const states = rules.map((r) => ({
    id: r.id,
    repeatMinutes: r.repeatMinutes,
    conditions: evaluateRule(r, snapshot, now),
  }));
  const plan = planAlerts(states, open, silences, now);
  const ruleById = new Map(rules.map((r) => [r.id, r]));
  // Alerts of a rule turned off still resolve through the channels that rule names.
  const missing = [...new Set(plan.resolve.map((r) => r.alert.ruleId).filter((id) => !ruleById.has(id)))];
  if (missing.length) for (const r of await rulesWhere({ id: { in: missing } })) ruleById.set(r.id, r);
  return write(plan, ruleById, firing, now);
}

async function write(
  plan: AlertPlan,
  rules: Map<string, LoadedRule>,
  firing: { id: string; firedAt: Date; details: unknown }[],
  now: Date,
): Promise<AlertsReport> {
  const report: AlertsReport = { opened: 0, repeated: 0, resolved: 0 };
  const row = new Map(firing.map((a) => [a.id, a]));
  for (const { ruleId, condition, notify } of plan.open.slice(0, MAX_OPEN_PER_PASS)) {
    const rule = rules.get(ruleId)!;
    const details = detailsOf(condition, notify ? 1 : 0);
    try {
      await transaction(async (tx) => {
        const alert = await tx.alert.create({
          data: {
            ruleId,
            groupKey: condition.groupKey,
            openKey: `${ruleId}|${condition.groupKey}`,
            summary: condition.summary,
            details,
            firedAt: now,
            lastSeenAt: now,
            lastNotifiedAt: notify ? now : null,
          },
        });
        if (notify)
          await enqueueNotice(
            tx,
            buildNotice("alert.firing", alert, rule, details),
            rule.channelIds,
            "1",
            now,
          );
      });
      report.opened++;
    } catch (error) {
      // Another worker opened it first: one open alert per rule and group.
      if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
    }
  }
  for (const { alert, condition } of plan.repeat) {
    const rule = rules.get(alert.ruleId)!;
    const details = detailsOf(condition, readDetails(row.get(alert.id)?.details).notifications + 1);
    const sent = await transaction(async (tx) => {
      const moved = await tx.alert.updateMany({
        where: { id: alert.id, state: "firing", lastNotifiedAt: alert.lastNotifiedAt },
        data: { lastNotifiedAt: now, lastSeenAt: now, summary: condition.summary, details },
      });
      if (moved.count === 0) return false;
      const firedAt = row.get(alert.id)?.firedAt ?? now;
      const notice = buildNotice(
        "alert.firing",
        { ...alert, summary: condition.summary, firedAt, resolvedAt: null },
        rule,
        details,
      );
      await enqueueNotice(tx, notice, rule.channelIds, String(details.notifications), now);
      return true;
    });
    if (sent) report.repeated++;
  }
  for (const { alert, notify } of plan.resolve) {
    const rule = rules.get(alert.ruleId);
    const done = await transaction(async (tx) => {
      const moved = await tx.alert.updateMany({
        where: { id: alert.id, state: "firing" },
        data: { state: "resolved", openKey: null, resolvedAt: now },
      });
      if (moved.count === 0) return false;
      if (notify && rule) {
        const details = readDetails(row.get(alert.id)?.details);
        const firedAt = row.get(alert.id)?.firedAt ?? now;
        const notice = buildNotice("alert.resolved", { ...alert, firedAt, resolvedAt: now }, rule, details);
        await enqueueNotice(tx, notice, rule.channelIds, "resolved", now);
      }
      return true;
    });
    if (done) report.resolved++;
  }
  await holdStillFiring(plan, row, now);
  return report;
}

/** Alerts still firing and not due: their last-seen time, and a summary that changed (a region's share). */
async function holdStillFiring(plan: AlertPlan, row: Map<string, { details: unknown }>, now: Date) {
  const ids = plan.hold.map((h) => h.alert.id);
  for (let i = 0; i < ids.length; i += 500) {
    await db.alert.updateMany({
      where: { id: { in: ids.slice(i, i + 500) }, state: "firing" },
      data: { lastSeenAt: now },
    });
  }
  for (const { alert, condition } of plan.hold) {
    if (alert.summary === condition.summary) continue;
    const details = detailsOf(condition, readDetails(row.get(alert.id)?.details).notifications);
    await db.alert.updateMany({
      where: { id: alert.id, state: "firing" },
      data: { summary: condition.summary, details },
    });
  }
}
