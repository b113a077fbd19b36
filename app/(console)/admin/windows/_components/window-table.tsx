import Link from "next/link";
import { DataTable, type Column } from "@/components/tables/data-table";
import type { WindowView } from "@/server/windows/view";

const columns: Column<WindowView>[] = [
  {
    id: "name",
    header: "Window",
    cell: (w) => (
      <>
        <div className="cell-main">{w.name}</div>
        <div className="cell-sub">{w.summary}</div>
      </>
    ),
  },
  {
    id: "kind",
    header: "Kind",
    cell: (w) => (
      <>
        <span className={`pill ${w.kind === "freeze" ? "warn" : "info"}`}>
          {w.kind === "freeze" ? "freeze" : "allow"}
        </span>
        {!w.enabled && <div className="cell-sub">disabled</div>}
      </>
    ),
  },
  { id: "scope", header: "Applies to", cell: (w) => w.scopeText },
  {
    id: "next",
    header: "Next",
    cell: (w) => (w.enabled ? w.next : <span className="muted">disabled: holds nothing</span>),
  },
  {
    id: "actions",
    header: <span className="sr-only">Actions</span>,
    isNumeric: true,
    cell: (w) => (
      <Link className="btn small" href={`/admin/windows/${w.id}`} aria-label={`Edit ${w.name}`}>
        Edit
      </Link>
    ),
  },
];

export function WindowTable({ windows }: { windows: WindowView[] }) {
  return (
    <DataTable
      columns={columns}
      rows={windows}
      rowKey={(w) => w.id}
      rowLabel={(w) => w.name}
      empty={{
        title: "No deployment windows",
        body: "Every satellite may be changed at any time. Create an allow window or a freeze below.",
      }}
    />
  );
}
