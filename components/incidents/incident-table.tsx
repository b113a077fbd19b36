import Link from "next/link";
import { formatAgo } from "@/lib/connectivity";
import type { IncidentSummary } from "@/server/incidents/read";
import { formatDuration, formatUtc } from "./format";
import { ImpactPill, IncidentStatusPill, VisibilityPill } from "./pills";

type Variant = "open" | "proposed" | "resolved" | "dismissed";

function preview(i: IncidentSummary): string {
  const names = i.satellitePreview.map((s) => s.slug).join(", ");
  const more = i.satelliteCount - i.satellitePreview.length;
  return more > 0 ? `${names} and ${more} more` : names || "no satellites";
}

/** One table for every incident list; the variant picks the time columns that matter for it. */
export function IncidentTable({
  items,
  variant,
  now,
  actions,
}: {
  items: IncidentSummary[];
  variant: Variant;
  now: Date;
  actions?: (incident: IncidentSummary) => React.ReactNode;
}) {
  const isClosed = variant === "resolved" || variant === "dismissed";
  return (
    <div className="table-wrap">
      <table className="data">
        <thead>
          <tr>
            <th scope="col">Incident</th>
            <th scope="col">Status</th>
            <th scope="col">Impact</th>
            <th scope="col">Satellites</th>
            <th scope="col">Started (UTC)</th>
            <th scope="col">
              {variant === "resolved" ? "Lasted" : variant === "dismissed" ? "Dismissed" : "Last change"}
            </th>
            {actions && (
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr key={i.id} aria-label={i.title}>
              <td>
                <Link className="cell-main" href={`/incidents/${i.id}`}>
                  {i.title}
                </Link>
                <div className="cell-sub mono">{preview(i)}</div>
              </td>
              <td>
                <div className="row">
                  <IncidentStatusPill value={i.status} />
                  <VisibilityPill
                    isProposed={i.isProposed}
                    isPublished={i.isPublished}
                    isDismissed={i.isDismissed}
                  />
                </div>
              </td>
              <td>
                <ImpactPill value={i.impact} />
              </td>
              <td className="num">{i.satelliteCount}</td>
              <td className="nowrap">
                {formatUtc(i.startedAt)}
                {!isClosed && <div className="cell-sub">{formatAgo(new Date(i.startedAt), now)}</div>}
              </td>
              <td className="nowrap">
                {variant === "resolved" && i.resolvedAt
                  ? formatDuration(i.startedAt, i.resolvedAt)
                  : variant === "dismissed" && i.dismissedAt
                    ? formatUtc(i.dismissedAt)
                    : formatAgo(new Date(i.updatedAt), now)}
              </td>
              {actions && <td>{actions(i)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
