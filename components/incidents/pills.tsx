import type { IncidentImpact, IncidentStatus } from "@/server/incidents/schemas";
import type { MaintenanceView } from "@/server/incidents/maintenance-read";

const STATUS_TONE: Record<IncidentStatus, string> = {
  investigating: "bad",
  identified: "warn",
  monitoring: "info",
  resolved: "ok",
};
const IMPACT_TONE: Record<IncidentImpact, string> = {
  none: "",
  minor: "warn",
  major: "bad",
  critical: "bad",
};
const MAINTENANCE_TONE: Record<MaintenanceView["state"], string> = {
  upcoming: "info",
  active: "accent",
  over: "",
  cancelled: "",
};

export function IncidentStatusPill({ value }: { value: IncidentStatus }) {
  return <span className={`pill ${STATUS_TONE[value]}`}>{value}</span>;
}

export function ImpactPill({ value }: { value: IncidentImpact | null }) {
  if (!value) return <span className="muted">—</span>;
  return (
    <span className={`pill plain ${IMPACT_TONE[value]}`}>
      {value === "none" ? "no impact" : `${value} impact`}
    </span>
  );
}

export function MaintenanceStatePill({ value }: { value: MaintenanceView["state"] }) {
  return (
    <span className={`pill ${MAINTENANCE_TONE[value]}`}>{value === "active" ? "in progress" : value}</span>
  );
}

/** Where an incident stands for the public: a draft, internal, or on the status pages. */
export function VisibilityPill({
  isProposed,
  isPublished,
  isDismissed,
}: {
  isProposed: boolean;
  isPublished: boolean;
  isDismissed: boolean;
}) {
  if (isDismissed) return <span className="pill plain">dismissed</span>;
  if (isProposed) return <span className="pill plain accent">proposed</span>;
  return isPublished ? (
    <span className="pill plain ok">published</span>
  ) : (
    <span className="pill plain">internal</span>
  );
}
