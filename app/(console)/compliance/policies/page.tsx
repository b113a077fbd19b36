import type { Metadata } from "next";
import Link from "next/link";
import { DataTable, type Column } from "@/components/tables/data-table";
import { denyPage } from "@/components/ui/forbidden";
import { PageHead } from "@/components/ui/page-head";
import { RULE_LABELS, isRuleKind } from "@/lib/policies/kinds";
import { firstParam, type SearchParams } from "@/lib/search-params";
import { mayDo } from "@/server/auth/context";
import { refusal } from "@/server/auth/refusal";
import { getCtx } from "@/server/auth/session";
import { listPolicies, type PolicySummary } from "@/server/policies/read";

export const metadata: Metadata = { title: "Policies" };

const columns: Column<PolicySummary>[] = [
  {
    id: "name",
    header: "Policy",
    card: "title",
    cell: (p) => (
      <>
        <Link href={`/compliance/policies/${encodeURIComponent(p.id)}`}>{p.name}</Link>
        <div className="cell-sub">{isRuleKind(p.kind) ? RULE_LABELS[p.kind] : p.kind}</div>
      </>
    ),
  },
  {
    id: "mode",
    header: "Mode",
    card: "lead",
    cell: (p) => (
      <>
        <span className={`pill plain ${p.mode === "enforce" ? "warn" : ""}`}>{p.mode}</span>
        {p.archivedAt && <span className="pill plain"> archived</span>}
      </>
    ),
  },
  { id: "severity", header: "Severity", cell: (p) => p.severity },
  { id: "version", header: "Version", isNumeric: true, cell: (p) => `v${p.version}` },
  {
    id: "posture",
    header: "Compliant",
    cell: (p) =>
      p.counts.total === 0 ? (
        <span className="muted">no results</span>
      ) : (
        <>
          {p.counts.percent} %
          <div className="cell-sub">
            {p.counts.violation} violating · {p.counts.unknown} unknown · {p.counts.waived} waived
          </div>
        </>
      ),
  },
  {
    id: "frameworks",
    header: "Evidences",
    cell: (p) => (p.frameworks.length ? p.frameworks.join(", ") : <span className="muted">—</span>),
  },
];

export default async function PoliciesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const ctx = await getCtx();
  const denied = denyPage(refusal(ctx, "compliance.read"));
  if (denied) return denied;
  const showArchived = firstParam(params.archived) === "1";
  const policies = await listPolicies(ctx, { includeArchived: showArchived });
  const mayManage = mayDo(ctx, "policies.manage");
  return (
    <div className="page">
      <PageHead
        crumbs={[{ href: "/compliance", label: "Compliance" }]}
        title="Policies"
        description="What every satellite is checked against. A change writes a new version; earlier versions stay readable."
        actions={
          <>
            <Link
              className="btn"
              href={showArchived ? "/compliance/policies" : "/compliance/policies?archived=1"}
            >
              {showArchived ? "Hide archived" : "Show archived"}
            </Link>
            {mayManage && (
              <Link className="btn primary" href="/compliance/policies/new">
                New policy
              </Link>
            )}
          </>
        }
      />
      <section className="card">
        <DataTable
          columns={columns}
          rows={policies}
          rowKey={(p) => p.id}
          empty={{
            title: "No policies",
            body: mayManage ? "Create one to start checking the fleet." : "An admin has not created any yet.",
          }}
        />
      </section>
    </div>
  );
}
