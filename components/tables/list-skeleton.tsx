import { DataTableSkeleton } from "./data-table";

/** A list page while its rows load: the heading's place, then the table's frame with its real headers. */
export function ListSkeleton({ label, columns }: { label: string; columns: string[] }) {
  return (
    <div className="page" aria-busy="true" aria-live="polite">
      <span className="sr-only">Loading {label}…</span>
      <div className="skeleton" style={{ width: 220, height: 26 }} />
      <div className="skeleton" style={{ width: 360, height: 14 }} />
      <section className="card">
        <DataTableSkeleton columns={columns} />
      </section>
    </div>
  );
}
