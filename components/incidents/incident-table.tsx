import Link from "next/link";
import { DataTable, type Column, type EmptyState } from "@/components/tables/data-table";
import { Time } from "@/components/ui/time";
import { formatDuration } from "@/lib/format";
import type { IncidentSummary } from "@/server/incidents/read";
import { ImpactPill, IncidentStatusPill, VisibilityPill } from "./pills";

type Variant = "open" | "proposed" | "resolved" | "dismissed";

function preview(i: IncidentSummary): string {
  const names = i.satellitePreview.map((s) => s.slug).join(", ");
  const more = i.satelliteCount - i.satellitePreview.length;
  return more > 0 ? `${names} and ${more} more` : names || "no satellites";
}

const LAST_HEADER: Record<Variant, string> = {
  open: "Last change",
  proposed: "Last change",
  resolved: "Lasted",
  dismissed: "Dismissed",
};

/** One table for every incident list; the variant picks the time columns that matter for it. */
export function IncidentTable({
  items,
  variant,
  now,
  actions,
  empty,
  footer,
}: {
  items: IncidentSummary[];
  variant: Variant;
  now: Date;
  actions?: (incident: IncidentSummary) => React.ReactNode;
  empty?: EmptyState;
  footer?: React.ReactNode;
}) {
  const columns: Column<IncidentSummary>[] = [
    {
      id: "incident",
      header: "Incident",
      cell: (i) => (
        <>
          <Link className="cell-main" href={`/incidents/${i.id}`}>
            {i.title}
          </Link>
          <div className="cell-sub mono">{preview(i)}</div>
        </>
      ),
    },
    {
      id: "status",
      header: "Status",
      cell: (i) => (
        <div className="row">
          <IncidentStatusPill value={i.status} />
          <VisibilityPill isProposed={i.isProposed} isPublished={i.isPublished} isDismissed={i.isDismissed} />
        </div>
      ),
    },
    { id: "impact", header: "Impact", cell: (i) => <ImpactPill value={i.impact} /> },
    { id: "satellites", header: "Satellites", isNumeric: true, cell: (i) => i.satelliteCount },
    {
      id: "started",
      header: "Started",
      cellClassName: "nowrap",
      cell: (i) => <Time at={i.startedAt} now={now} />,
    },
    {
      id: "last",
      header: LAST_HEADER[variant],
      cellClassName: "nowrap",
      cell: (i) =>
        variant === "resolved" && i.resolvedAt ? (
          formatDuration(i.startedAt, i.resolvedAt)
        ) : variant === "dismissed" && i.dismissedAt ? (
          <Time at={i.dismissedAt} now={now} />
        ) : (
          <Time at={i.updatedAt} now={now} />
        ),
    },
  ];
  if (actions)
    columns.push({ id: "actions", header: <span className="sr-only">Actions</span>, cell: actions });
  return (
    <DataTable
      columns={columns}
      rows={items}
      rowKey={(i) => i.id}
      rowLabel={(i) => i.title}
      empty={empty}
      footer={footer}
    />
  );
}
