import type { Metadata } from "next";
import Link from "next/link";
import { denyPage } from "@/components/ui/forbidden";
import { PageHead } from "@/components/ui/page-head";
import { DataTable, type Column } from "@/components/tables/data-table";
import { Time } from "@/components/ui/time";
import { firstParam, withParams, type SearchParams } from "@/lib/search-params";
import { listAuditEvents, listAuditFacets, type AuditPage, type AuditRow } from "@/server/audit-log";
import { refusal } from "@/server/auth/refusal";
import { getCtx } from "@/server/auth/session";
import { isAppError, type AppError } from "@/server/errors";
import { cappedCount, CursorPager } from "@/components/tables/cursor-pager";
import { AuditFilters, type AuditFilterValues } from "./_components/audit-filters";
import styles from "./audit.module.css";

export const metadata: Metadata = { title: "Audit" };

function Target({ event, params }: { event: AuditRow; params: SearchParams }) {
  const name = event.targetLabel ?? event.targetId;
  return (
    <>
      <div className={styles.target} title={event.targetId ?? undefined}>
        {name ? (
          <Link
            className="mono"
            href={`/audit${withParams(params, { targetType: event.targetType, target: name, page: undefined, cursor: undefined })}`}
            title={`Only events on this ${event.targetType}`}
          >
            {name}
          </Link>
        ) : (
          "—"
        )}
      </div>
      <div className="cell-sub">{event.targetType}</div>
    </>
  );
}

function auditColumns(params: SearchParams, now: Date): Column<AuditRow>[] {
  return [
    {
      id: "when",
      header: "When",
      cellClassName: "nowrap",
      // Seconds order events within a minute, so the exact instant is on hover.
      cell: (e) => <Time at={e.at} now={now} />,
    },
    {
      id: "actor",
      header: "Actor",
      cell: (e) => (
        <>
          <Link
            href={`/audit${withParams(params, { actor: e.actorLabel, page: undefined, cursor: undefined })}`}
            title="Only events by this actor"
          >
            {e.actorLabel}
          </Link>
          <div className="cell-sub">{e.actorType}</div>
        </>
      ),
    },
    { id: "action", header: "Action", cellClassName: "mono", cell: (e) => e.action },
    { id: "target", header: "Target", cell: (e) => <Target event={e} params={params} /> },
    { id: "summary", header: "What happened", cell: (e) => e.summary },
    { id: "ip", header: "From", cellClassName: "mono cell-sub", cell: (e) => e.ip ?? "—" },
  ];
}

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const ctx = await getCtx();
  const denied = denyPage(refusal(ctx, "audit.read"));
  if (denied) return denied;
  const query: AuditFilterValues & Record<string, string | undefined> = Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, firstParam(v)]),
  );
  const facets = await listAuditFacets(ctx);
  let log: AuditPage | null = null;
  let problem: AppError | null = null;
  try {
    log = await listAuditEvents(ctx, query);
  } catch (error) {
    // Bad filters are the reader's to fix: say which, rather than fail the page.
    if (!isAppError(error) || error.code !== "VALIDATION") throw error;
    problem = error;
  }
  const now = new Date();
  return (
    <div className="page">
      <PageHead
        title="Audit log"
        description="Every change, by a person, an agent or the system. Append-only; hover a time for its exact UTC instant."
      />
      <section className="card">
        <div className="list-toolbar">
          <AuditFilters
            values={query}
            errors={problem?.fields}
            actions={facets.actions}
            targetTypes={facets.targetTypes}
          />
          {log && (
            <div className="list-actions">
              <a
                className="btn"
                href={`/api/v1/audit.csv${withParams(params, { page: undefined, limit: undefined, cursor: undefined })}`}
                title={`All ${cappedCount(log.total, log.isTotalAtLeast, "event")} these filters match`}
                download
              >
                Export CSV
              </a>
            </div>
          )}
        </div>
        {problem && (
          <div className="card-body">
            <div role="alert" id="audit-filter-error" className="alert error">
              These filters are not valid: {problem.message}
              {problem.fields && Object.keys(problem.fields).length > 1 && (
                <ul>
                  {Object.entries(problem.fields).map(([field, message]) => (
                    <li key={field}>
                      {field}: {message}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </div>
        )}
        {log && (
          <DataTable
            columns={auditColumns(params, now)}
            rows={log.items}
            rowKey={(e) => e.id}
            empty={{ title: "Nothing recorded", body: "No audit events match these filters." }}
            footer={
              <CursorPager
                summary={cappedCount(log.total, log.isTotalAtLeast, "event")}
                newestHref={
                  query.cursor || log.page > 1
                    ? `/audit${withParams(params, { cursor: undefined, page: undefined })}`
                    : null
                }
                olderHref={
                  log.next ? `/audit${withParams(params, { cursor: log.next, page: undefined })}` : null
                }
              />
            }
          />
        )}
      </section>
    </div>
  );
}
