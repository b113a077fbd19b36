import type { Metadata } from "next";
import Link from "next/link";
import { denyPage } from "@/components/ui/forbidden";
import { PageHead } from "@/components/ui/page-head";
import { formatDateTime } from "@/lib/format";
import { firstParam, withParams, type SearchParams } from "@/lib/search-params";
import { listAuditEvents, listAuditFacets, type AuditPage, type AuditRow } from "@/server/audit-log";
import { getCtx } from "@/server/auth/session";
import { isAppError, type AppError } from "@/server/errors";
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
            href={`/audit${withParams(params, { targetType: event.targetType, target: name, page: undefined })}`}
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

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const ctx = await getCtx();
  const denied = denyPage(ctx, "audit.read");
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
  const pages = log ? Math.max(1, Math.ceil(log.total / log.limit)) : 1;
  return (
    <div className="page">
      <PageHead
        title="Audit log"
        description="Every change, by a person, an agent or the system. Append-only; times are UTC."
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
                href={`/api/v1/audit.csv${withParams(params, { page: undefined, limit: undefined })}`}
                title={`All ${log.total.toLocaleString("en")} events these filters match`}
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
        {log && log.items.length === 0 && (
          <div className="empty">
            <h2>Nothing recorded</h2>
            <p>No audit events match these filters.</p>
          </div>
        )}
        {log && log.items.length > 0 && (
          <div className="table-wrap">
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Actor</th>
                  <th scope="col">Action</th>
                  <th scope="col">Target</th>
                  <th scope="col">What happened</th>
                  <th scope="col">From</th>
                </tr>
              </thead>
              <tbody>
                {log.items.map((e) => (
                  <tr key={e.id}>
                    <td className="nowrap">
                      {/* Seconds order events within a minute, so the exact instant is on hover. */}
                      <time dateTime={e.at} title={e.at}>
                        {formatDateTime(e.at)}
                      </time>
                    </td>
                    <td>
                      <Link
                        href={`/audit${withParams(params, { actor: e.actorLabel, page: undefined })}`}
                        title="Only events by this actor"
                      >
                        {e.actorLabel}
                      </Link>
                      <div className="cell-sub">{e.actorType}</div>
                    </td>
                    <td className="mono">{e.action}</td>
                    <td>
                      <Target event={e} params={params} />
                    </td>
                    <td>{e.summary}</td>
                    <td className="mono cell-sub">{e.ip ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {log && (
          <nav className="pager" aria-label="Pages">
            <span>{log.total.toLocaleString("en")} events</span>
            <span className="row">
              {log.page > 1 && (
                <Link className="btn small" href={`/audit${withParams(params, { page: log.page - 1 })}`}>
                  ← Newer
                </Link>
              )}
              <span className="muted">
                Page {log.page} of {pages}
              </span>
              {log.page < pages && (
                <Link className="btn small" href={`/audit${withParams(params, { page: log.page + 1 })}`}>
                  Older →
                </Link>
              )}
            </span>
          </nav>
        )}
      </section>
    </div>
  );
}
