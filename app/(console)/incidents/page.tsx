import type { Metadata } from "next";
import Link from "next/link";
import { PublishActions } from "@/components/incidents/incident-actions";
import styles from "@/components/incidents/incidents.module.css";
import { IncidentTable } from "@/components/incidents/incident-table";
import { Pager } from "@/components/tables/pager";
import { LiveRefresh } from "@/components/ui/live-refresh";
import { PageHead } from "@/components/ui/page-head";
import { firstParam, withParams, type SearchParams } from "@/lib/search-params";
import { mayDo } from "@/server/auth/context";
import { getCtx } from "@/server/auth/session";
import { maintenanceCounts } from "@/server/incidents/maintenance-read";
import { listIncidents } from "@/server/incidents/read";
import { versionsOf } from "@/server/live/versions";
import { dismissProposalAction, publishIncidentAction } from "./actions";

export const metadata: Metadata = { title: "Incidents" };

export default async function IncidentsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const ctx = await getCtx();
  const now = new Date();
  const live = await versionsOf(ctx, "incidents");
  const [open, proposed, maintenance] = await Promise.all([
    listIncidents(ctx, { filter: "open", page: firstParam(params.page) }),
    listIncidents(ctx, { filter: "proposed", page: firstParam(params.proposed), limit: 10 }),
    maintenanceCounts(ctx, now),
  ]);
  const canWrite = mayDo(ctx, "incidents.write");

  return (
    <div className="page">
      <PageHead
        title="Incidents"
        description="What is wrong in the fleet now, what the reconciler suspects, and what the status pages say."
        actions={
          <>
            <LiveRefresh scopes={["incidents"]} initial={live} />
            {canWrite && (
              <>
                <Link className="btn" href="/incidents/maintenance/new">
                  Schedule maintenance
                </Link>
                <Link className="btn primary" href="/incidents/new">
                  Open incident
                </Link>
              </>
            )}
          </>
        }
      />
      <div className="kpis">
        <div className="card kpi">
          <div className="label">Open incidents</div>
          <div className="value">{open.total}</div>
          <div className="sub">unresolved, published or internal</div>
        </div>
        <div className="card kpi">
          <div className="label">Proposed by the reconciler</div>
          <div className="value">{proposed.total}</div>
          <div className="sub">awaiting an operator</div>
        </div>
        <Link className={`card kpi ${styles.kpiLink}`} href="/incidents/maintenance">
          <div className="label">Maintenance</div>
          <div className="value">{maintenance.active}</div>
          <div className="sub">in progress · {maintenance.upcoming} upcoming</div>
        </Link>
      </div>

      {proposed.total > 0 && (
        <section className={`card ${styles.proposals}`} aria-labelledby="proposed-heading">
          <div className="card-head">
            <div>
              <h2 id="proposed-heading">Proposed by the reconciler</h2>
              <p className={styles.hint}>
                Drafts from satellites that went offline together. Publish one to put it on the status pages,
                or dismiss it; nothing is public until then.
              </p>
            </div>
          </div>
          <IncidentTable
            items={proposed.items}
            variant="proposed"
            now={now}
            actions={
              canWrite
                ? (i) =>
                    mayDo(ctx, "incidents.write", { regions: i.regionIds }) ? (
                      <PublishActions
                        incidentId={i.id}
                        canDismiss
                        publishAction={publishIncidentAction}
                        dismissAction={dismissProposalAction}
                      />
                    ) : (
                      <span className="cell-sub">outside your regions</span>
                    )
                : undefined
            }
            footer={
              <Pager
                page={proposed.page}
                limit={proposed.limit}
                total={proposed.total}
                label="Pages of proposals"
                href={(to) => `/incidents${withParams(params, { proposed: to })}`}
              />
            }
          />
        </section>
      )}

      <section className="card" aria-labelledby="open-heading">
        <div className="card-head">
          <h2 id="open-heading">Open incidents</h2>
          <Link href="/incidents/resolved" className="small">
            Resolved history →
          </Link>
        </div>
        <IncidentTable
          items={open.items}
          variant="open"
          now={now}
          empty={{
            title: "No open incidents",
            body: `Nothing is declared wrong right now.${canWrite ? " Open an incident when customers should hear about a problem." : ""}`,
          }}
          footer={
            <Pager
              page={open.page}
              limit={open.limit}
              total={open.total}
              label="Pages of open incidents"
              href={(to) => `/incidents${withParams(params, { page: to })}`}
            />
          }
        />
      </section>
    </div>
  );
}
