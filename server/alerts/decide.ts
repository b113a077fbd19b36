import type { Condition } from "./evaluate";

// From what holds now and the alerts already open, what to change: open, notify again, resolve. Pure.

export type OpenAlert = {
  id: string;
  ruleId: string;
  groupKey: string;
  summary: string;
  lastNotifiedAt: Date | null;
  regionId: string | null;
  satelliteId: string | null;
  isEvent: boolean;
};

export type SilenceRow = {
  id: string;
  ruleId: string | null;
  regionId: string | null;
  satelliteId: string | null;
  expiresAt: Date;
  cancelledAt: Date | null;
};

export type RuleState = { id: string; repeatMinutes: number; conditions: Condition[] };

export type AlertPlan = {
  open: { ruleId: string; condition: Condition; notify: boolean }[];
  repeat: { alert: OpenAlert; condition: Condition }[];
  /** Still firing and not due: only lastSeenAt (and a changed summary) is written. */
  hold: { alert: OpenAlert; condition: Condition }[];
  /** `notify`: send "resolved" to the channels, because they heard of the alert and it was no event. */
  resolve: { alert: OpenAlert; notify: boolean }[];
};

export function isSilenceActive(s: SilenceRow, now: Date): boolean {
  return !s.cancelledAt && s.expiresAt.getTime() > now.getTime();
}

/** A silence holds an alert back when each thing it names (rule, region, satellite) matches; none: all. */
export function silencedBy<S extends SilenceRow>(
  silences: readonly S[],
  alert: { ruleId: string; regionId: string | null; satelliteId: string | null },
  now: Date,
): S | null {
  return (
    silences.find(
      (s) =>
        isSilenceActive(s, now) &&
        (!s.ruleId || s.ruleId === alert.ruleId) &&
        (!s.regionId || s.regionId === alert.regionId) &&
        (!s.satelliteId || s.satelliteId === alert.satelliteId),
    ) ?? null
  );
}

/**
 * `rules` are the enabled rules just evaluated; an open alert of any other rule (turned off) resolves.
 * A silenced alert still opens and stays open (the console shows it), but nothing is sent for it until
 * the silence ends; its repeat is then due at once if it was never sent.
 */
export function planAlerts(
  rules: readonly RuleState[],
  open: readonly OpenAlert[],
  silences: readonly SilenceRow[],
  now: Date,
): AlertPlan {
  const plan: AlertPlan = { open: [], repeat: [], hold: [], resolve: [] };
  const openByKey = new Map(open.map((a) => [`${a.ruleId}|${a.groupKey}`, a]));
  const seen = new Set<string>();
  for (const rule of rules) {
    for (const condition of rule.conditions) {
      const key = `${rule.id}|${condition.groupKey}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const alert = openByKey.get(key);
      const silenced = !!silencedBy(silences, { ruleId: rule.id, ...condition }, now);
      if (!alert) {
        plan.open.push({ ruleId: rule.id, condition, notify: !silenced });
        continue;
      }
      // An event is told once; a condition again every repeatMinutes while it holds.
      const due =
        !alert.lastNotifiedAt ||
        (!alert.isEvent && now.getTime() - alert.lastNotifiedAt.getTime() >= rule.repeatMinutes * 60_000);
      if (due && !silenced) plan.repeat.push({ alert, condition });
      else plan.hold.push({ alert, condition });
    }
  }
  for (const alert of open) {
    if (seen.has(`${alert.ruleId}|${alert.groupKey}`)) continue;
    plan.resolve.push({ alert, notify: !!alert.lastNotifiedAt && !alert.isEvent });
  }
  return plan;
}
