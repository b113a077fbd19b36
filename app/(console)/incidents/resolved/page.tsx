import type { Metadata } from "next";
import Link from "next/link";
import { IncidentTable } from "@/components/incidents/incident-table";
import { Pager } from "@/components/tables/pager";
import { LiveRefresh } from "@/components/ui/live-refresh";
import { PageHead } from "@/components/ui/page-head";
import { formatNumber } from "@/lib/format";
import { firstParam, withParams, type SearchParams } from "@/lib/search-params";
import { getCtx } from "@/server/auth/session";
import { listIncidents } from "@/server/incidents/read";
import { versionsOf } from "@/server/live/versions";

export const metadata: Metadata = { title: "Incident history" };

export default async function ResolvedIncidentsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const params = await searchParams;
  const ctx = await getCtx();
  const isDismissed = firstParam(params.show) === "dismissed";
  const filter = isDismissed ? "dismissed" : "resolved";
  const live = await versionsOf(ctx, "incidents");
  const list = await listIncidents(ctx, { filter, page: firstParam(params.page) });
  return (
    <div className="page">
      <PageHead
        title="Incident history"
        description={
          isDismissed
            ? "Proposals an operator dismissed, kept for the record. They never reached a status page."
            : "Resolved incidents, most recently resolved first."
        }
        actions={<LiveRefresh scopes={["incidents"]} initial={live} />}
      />
      <section className="card">
        <div className="card-head">
          <nav className="row" aria-label="Which history">
            <Link
              className={`btn small ${isDismissed ? "ghost" : ""}`}
              href="/incidents/resolved"
              aria-current={isDismissed ? undefined : "page"}
            >
              Resolved
            </Link>
            <Link
              className={`btn small ${isDismissed ? "" : "ghost"}`}
              href="/incidents/resolved?show=dismissed"
              aria-current={isDismissed ? "page" : undefined}
            >
              Dismissed proposals
            </Link>
          </nav>
          <span className="muted">{formatNumber(list.total)} in all</span>
        </div>
        <IncidentTable
          items={list.items}
          variant={filter}
          now={new Date()}
          empty={
            isDismissed
              ? {
                  title: "No dismissed proposals",
                  body: "When an operator dismisses a reconciler proposal, it is kept here.",
                }
              : {
                  title: "No resolved incidents yet",
                  body: "Resolved incidents stay here with their full timeline.",
                }
          }
          footer={
            <Pager
              page={list.page}
              limit={list.limit}
              total={list.total}
              label="Pages of history"
              href={(to) => `/incidents/resolved${withParams(params, { page: to })}`}
            />
          }
        />
      </section>
    </div>
  );
}
