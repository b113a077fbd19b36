import type { Metadata } from "next";
import Link from "next/link";
import { ConfirmButton } from "@/components/alerts/buttons";
import { DataTable, type Column } from "@/components/tables/data-table";
import { denyPage } from "@/components/ui/forbidden";
import { PageHead } from "@/components/ui/page-head";
import { listRules, type RuleView } from "@/server/alerts/rules";
import { mayDo } from "@/server/auth/context";
import { refusal } from "@/server/auth/refusal";
import { getCtx } from "@/server/auth/session";
import { deleteRuleAction } from "../actions";

export const metadata: Metadata = { title: "Alerts · Rules" };

function columns(canManage: boolean): Column<RuleView>[] {
  const cols: Column<RuleView>[] = [
    {
      id: "rule",
      header: "Rule",
      cell: (r) => (
        <>
          <strong>{canManage ? <Link href={`/alerts/rules/${r.id}`}>{r.name}</Link> : r.name}</strong>
          <div className="cell-sub">{r.condition}</div>
        </>
      ),
    },
    { id: "kind", header: "Watches", cell: (r) => r.kindLabel },
    {
      id: "scope",
      header: "Scope",
      cell: (r) => (
        <>
          {r.regionIds.length ? r.regionIds.join(", ") : <span className="muted">every region</span>}
          {r.labels.map((l) => (
            <div key={l}>
              <span className="label-chip">{l}</span>
            </div>
          ))}
        </>
      ),
    },
    {
      id: "channels",
      header: "Tells",
      cell: (r) =>
        r.channels.length ? (
          r.channels.map((c) => c.name).join(", ")
        ) : (
          <span className="muted">console only</span>
        ),
    },
    { id: "repeat", header: "Repeat", isNumeric: true, cell: (r) => `${r.repeatMinutes} min` },
    {
      id: "state",
      header: "State",
      cell: (r) =>
        !r.enabled ? (
          <span className="pill">off</span>
        ) : r.firing ? (
          <span className="pill bad">{r.firing} firing</span>
        ) : (
          <span className="pill ok">clear</span>
        ),
    },
  ];
  if (!canManage) return cols;
  return [
    ...cols,
    {
      id: "actions",
      header: <span className="sr-only">Actions</span>,
      isNumeric: true,
      cell: (r) => (
        <ConfirmButton
          action={deleteRuleAction}
          id={r.id}
          label="Delete"
          ariaLabel={`Delete rule ${r.name}`}
          confirm={`Delete the rule "${r.name}"? Its firing alerts are resolved and their channels told.`}
        />
      ),
    },
  ];
}

export default async function RulesPage() {
  const ctx = await getCtx();
  const denied = denyPage(refusal(ctx, "alerts.read"));
  if (denied) return denied;
  const rules = await listRules(ctx);
  const canManage = mayDo(ctx, "alerts.manage");
  return (
    <div className="page">
      <PageHead
        title="Alert rules"
        description="Each rule watches one condition across its regions and labels, and tells its channels when it starts, while it lasts and when it clears."
        actions={
          canManage && (
            <Link className="btn primary" href="/alerts/rules/new">
              New rule
            </Link>
          )
        }
      />
      <section className="card">
        <DataTable
          label="Alert rules"
          columns={columns(canManage)}
          rows={rules}
          rowKey={(r) => r.id}
          empty={{
            title: "No alert rules yet",
            body: canManage ? (
              <>
                <Link href="/alerts/rules/new">Create a rule</Link>, for instance &ldquo;a satellite offline
                for more than 5 minutes&rdquo;, and pick the channels to tell.
              </>
            ) : (
              "An admin creates the rules; ask one to add what your team needs to hear about."
            ),
          }}
        />
      </section>
    </div>
  );
}
