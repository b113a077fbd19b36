import type { Connectivity, Health } from "@/lib/connectivity";
import type { Lifecycle } from "@/lib/fleet";

const CONNECTIVITY_TONE: Record<Connectivity, string> = {
  connected: "ok",
  stale: "warn",
  offline: "bad",
  never_seen: "",
};
const HEALTH_TONE: Record<Health, string> = { healthy: "ok", degraded: "warn", critical: "bad", unknown: "" };
const LIFECYCLE_TONE: Record<Lifecycle, string> = {
  pending: "info",
  active: "ok",
  cordoned: "warn",
  maintenance: "accent",
  decommissioned: "",
};

export function ConnectivityPill({ value, title }: { value: Connectivity; title?: string }) {
  return (
    <span className={`pill ${CONNECTIVITY_TONE[value]}`} title={title}>
      {value === "never_seen" ? "never seen" : value}
    </span>
  );
}

export function HealthPill({ value }: { value: Health }) {
  return <span className={`pill ${HEALTH_TONE[value]}`}>{value}</span>;
}

export function LifecyclePill({ value, className }: { value: Lifecycle; className?: string }) {
  const classes = ["pill plain", LIFECYCLE_TONE[value], className].filter(Boolean).join(" ");
  return <span className={classes}>{value}</span>;
}

export function RegionTag({ id, color }: { id: string; color?: string }) {
  return (
    <span className="nowrap">
      <span className="swatch" style={{ background: color ?? "var(--border-strong)" }} />
      {id}
    </span>
  );
}
