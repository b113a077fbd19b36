import { formatDateTime } from "@/lib/format";

// What an alert message carries: written into the outbox when it is decided, turned into each channel's
// own shape when it is sent. Also the generic webhook's documented body (docs/alerts.md).

export const SEVERITIES = ["critical", "warning", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];

export const NOTICE_TYPES = ["alert.firing", "alert.resolved", "channel.test"] as const;
export type NoticeType = (typeof NOTICE_TYPES)[number];

export type AlertNotice = {
  type: NoticeType;
  alert: {
    id: string;
    state: "firing" | "resolved";
    severity: Severity;
    summary: string;
    rule: { id: string; name: string; kind: string };
    /** What the alert is about: "satellite:<id>", "region:<id>", "rollout:<id>", "command:<id>". */
    group: string;
    /** A few facts as label → value, shown as fields by every channel. */
    facts: Record<string, string>;
    firedAt: string;
    resolvedAt: string | null;
    /** The alert in the console. */
    url: string;
    /** How many times this alert has been sent while firing (1 the first time). */
    notification: number;
  };
};

export function isNotice(value: unknown): value is AlertNotice {
  const v = value as AlertNotice | null;
  return (
    !!v && typeof v === "object" && typeof v.type === "string" && !!v.alert && typeof v.alert.id === "string"
  );
}

/** "[FIRING] …" / "[RESOLVED] …" / "[TEST] …": the first words of every channel's message. */
export function headline(n: AlertNotice): string {
  const tag = n.type === "channel.test" ? "TEST" : n.alert.state === "resolved" ? "RESOLVED" : "FIRING";
  return `[${tag}] ${n.alert.summary}`;
}

/** The stable key PagerDuty groups a trigger and its resolve by. */
export function dedupKey(n: AlertNotice): string {
  return `orrery-${n.alert.id}`;
}

export const COLOURS: Record<Severity | "resolved", string> = {
  critical: "#d92d20",
  warning: "#f79009",
  info: "#2e90fa",
  resolved: "#12b76a",
};

export function colourOf(n: AlertNotice): string {
  return n.alert.state === "resolved" ? COLOURS.resolved : COLOURS[n.alert.severity];
}

/** Facts plus the times, in the order every channel lists them. */
export function factList(n: AlertNotice): [string, string][] {
  const out: [string, string][] = [["Rule", n.alert.rule.name], ...Object.entries(n.alert.facts)];
  out.push(["Since", formatDateTime(n.alert.firedAt)]);
  if (n.alert.resolvedAt) out.push(["Resolved", formatDateTime(n.alert.resolvedAt)]);
  return out;
}
