import { DataTable, type Column } from "@/components/tables/data-table";
import { Time } from "@/components/ui/time";
import { PUBLIC_STATUS_LABEL } from "@/lib/status/public-status";
import type { StatusPinView } from "@/server/status/pins";
import { clearPinAction, pinComponentAction } from "../../actions";
import { ClearPinButton, PinForm } from "./pin-form";

/** The page's pins: a form to set one, and those in force or ended this week, with who set them. */
export function PinsSection({
  statusPageId,
  pins,
  regions,
  now,
}: {
  statusPageId: string;
  pins: StatusPinView[];
  regions: { id: string; name: string }[];
  now: string;
}) {
  const name = new Map(regions.map((r) => [r.id, r.name]));
  const columns: Column<StatusPinView>[] = [
    { id: "region", header: "Region", card: "title", cell: (p) => name.get(p.component) ?? p.component },
    { id: "status", header: "Pinned to", cell: (p) => PUBLIC_STATUS_LABEL[p.status] },
    { id: "reason", header: "Reason", cell: (p) => p.reason },
    { id: "by", header: "Set by", cell: (p) => p.createdBy ?? "—" },
    { id: "set", header: "Set", cell: (p) => <Time at={p.createdAt} now={now} /> },
    {
      id: "until",
      header: "Until",
      cell: (p) =>
        p.isActive ? (
          <Time at={p.expiresAt} now={now} />
        ) : (
          <span className="muted">
            ended <Time at={p.clearedAt ?? p.expiresAt} now={now} />
          </span>
        ),
    },
    {
      id: "actions",
      header: "",
      cardLabel: "Actions",
      cell: (p) =>
        p.isActive ? (
          <ClearPinButton
            action={clearPinAction}
            id={p.id}
            label={`Clear the pin of ${name.get(p.component) ?? p.component}`}
          />
        ) : null,
    },
  ];
  return (
    <section className="card" id="pins">
      <div className="card-head">
        <h2>Pinned statuses</h2>
      </div>
      <div className="card-body grid" style={{ gap: 16 }}>
        <p className="muted small">
          A pin sets a region&apos;s public status by hand, above what its satellites and incidents say, until
          it expires or is cleared. Use it when the page would be wrong: a false alarm, or an outage the
          satellites cannot see.
        </p>
        {regions.length > 0 ? (
          <PinForm action={pinComponentAction} statusPageId={statusPageId} regions={regions} />
        ) : (
          <p className="muted">No region is on this page yet.</p>
        )}
        <DataTable
          label="Pins"
          columns={columns}
          rows={pins}
          rowKey={(p) => p.id}
          empty={{
            title: "No pins this week",
            body: "Regions show what their satellites and incidents say.",
          }}
        />
      </div>
    </section>
  );
}
