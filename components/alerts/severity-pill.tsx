import type { Severity } from "@/server/notify/notice";

const TONE: Record<Severity, string> = { critical: "bad", warning: "warn", info: "info" };

export function SeverityPill({ severity, isResolved = false }: { severity: Severity; isResolved?: boolean }) {
  if (isResolved) return <span className="pill ok">resolved</span>;
  return <span className={`pill ${TONE[severity]}`}>{severity}</span>;
}
