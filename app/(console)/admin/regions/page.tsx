import type { Metadata } from "next";
import Link from "next/link";
import { DataTable, type Column } from "@/components/tables/data-table";
import { denyPage } from "@/components/ui/forbidden";
import { PageHead } from "@/components/ui/page-head";
import { RegionTag } from "@/components/ui/region-tag";
import { formatCount } from "@/lib/format";
import { firstParam, type SearchParams } from "@/lib/search-params";
import { refusal } from "@/server/auth/refusal";
import { getCtx } from "@/server/auth/session";
import { listRegionsForAdmin, type RegionAdminView } from "@/server/compliance/admin";
import { residencyText } from "./region-views";

export const metadata: Metadata = { title: "Admin · Regions" };

const COUNTRIES_INLINE = 6;

const COLUMNS: Column<RegionAdminView>[] = [
  {
    id: "region",
    header: "Region",
    cell: (r) => (
      <>
        <Link className="cell-main" href={`/admin/regions/${r.id}`}>
          <RegionTag id={r.id} name={r.name} color={r.color} isNamed />
        </Link>
        <div className="cell-sub mono">{r.id}</div>
      </>
    ),
  },
  {
    id: "jurisdiction",
    header: "Jurisdiction",
    cell: (r) => r.jurisdiction,
  },
  {
    id: "frameworks",
    header: "Frameworks",
    cell: (r) =>
      r.frameworks.map((f) => (
        <span key={f} className="label-chip">
          {f}
        </span>
      )),
  },
  {
    id: "countries",
    header: "Countries",
    cell: (r) =>
      r.countries.length === 0 ? (
        <span className="muted">{r.id === "global" ? "every country no other region lists" : "none"}</span>
      ) : (
        <span className="mono" title={r.countries.join(", ")}>
          {r.countries.slice(0, COUNTRIES_INLINE).join(" ")}
          {r.countries.length > COUNTRIES_INLINE && ` +${r.countries.length - COUNTRIES_INLINE}`}
        </span>
      ),
  },
  { id: "residency", header: "Data may go", cell: (r) => residencyText(r) },
  {
    id: "satellites",
    header: "Satellites",
    isNumeric: true,
    cell: (r) =>
      r.satelliteCount > 0 ? (
        <Link href={`/satellites?region=${encodeURIComponent(r.id)}`}>{r.satelliteCount}</Link>
      ) : (
        <span className="muted">0</span>
      ),
  },
  {
    id: "status",
    header: "Status",
    cell: (r) =>
      r.retiredAt ? <span className="pill plain">retired</span> : <span className="pill ok">live</span>,
  },
];

export default async function RegionsAdminPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const ctx = await getCtx();
  const denied = denyPage(refusal(ctx, "regions.manage"));
  if (denied) return denied;
  const params = await searchParams;
  const regions = await listRegionsForAdmin(ctx);
  const live = regions.filter((r) => !r.retiredAt).length;
  return (
    <div className="page">
      <PageHead
        title="Regions"
        description={`Compliance regions: where a satellite's data and releases may go. ${formatCount(live, "live region")}${regions.length > live ? `, ${regions.length - live} retired` : ""}.`}
        actions={
          <Link className="btn primary" href="/admin/regions/new">
            New region
          </Link>
        }
      />
      {firstParam(params.deleted) && (
        <div role="status" className="alert ok">
          The region was deleted.
        </div>
      )}
      <section className="card">
        <DataTable
          columns={COLUMNS}
          rows={regions}
          rowKey={(r) => r.id}
          rowLabel={(r) => r.id}
          label="Compliance regions"
          empty={{ title: "No regions yet", body: "Create the first one; every satellite needs a region." }}
        />
      </section>
    </div>
  );
}
