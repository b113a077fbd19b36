import type { Metadata } from "next";
import Link from "next/link";
import { AutoSubmit } from "@/components/tables/auto-submit";
import { denyPage } from "@/components/ui/forbidden";
import { PageHead } from "@/components/ui/page-head";
import { firstParam, withParams, type SearchParams } from "@/lib/search-params";
import { listAuditActions, listAuditEvents } from "@/server/audit-log";
import { getCtx } from "@/server/auth/session";

export const metadata: Metadata = { title: "Audit" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const ctx = await getCtx();
  const denied = denyPage(ctx, "audit.read");
  if (denied) return denied;
  const query = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, firstParam(v)]));
  const [log, actions] = await Promise.all([listAuditEvents(ctx, query), listAuditActions(ctx)]);
  const pages = Math.max(1, Math.ceil(log.total / log.limit));
  return (
    <div className="page">
      <PageHead
        title="Audit log"
        description="Every change, by a person, an agent or the system. Append-only."
      />
      <section className="card">
        <form
          id="audit-filters"
          className="filters"
          method="get"
          role="search"
          aria-label="Filter the audit log"
        >
          <div className="field search">
            <label htmlFor="a-q">Search</label>
            <input
              id="a-q"
              name="q"
              type="search"
              placeholder="Summary or actor…"
              defaultValue={query.q ?? ""}
            />
          </div>
          <div className="field" style={{ width: 200 }}>
            <label htmlFor="a-action">Action</label>
            <select id="a-action" name="action" defaultValue={query.action ?? ""}>
              <option value="">All</option>
              {actions.map((a) => (
                <option key={a}>{a}</option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="a-actor">Actor</label>
            <select id="a-actor" name="actorType" defaultValue={query.actorType ?? ""}>
              <option value="">All</option>
              <option value="user">People</option>
              <option value="agent">Agents</option>
              <option value="system">System</option>
            </select>
          </div>
          <button className="btn" type="submit">
            Apply
          </button>
          <AutoSubmit formId="audit-filters" />
        </form>
        {log.items.length === 0 ? (
          <div className="empty">
            <h2>Nothing recorded</h2>
            <p>No audit events match these filters.</p>
          </div>
        ) : (
          <div className="table-wrap">
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">When (UTC)</th>
                  <th scope="col">Actor</th>
                  <th scope="col">Action</th>
                  <th scope="col">What happened</th>
                  <th scope="col">From</th>
                </tr>
              </thead>
              <tbody>
                {log.items.map((e) => (
                  <tr key={e.id}>
                    <td className="mono nowrap">{e.at.replace("T", " ").slice(0, 19)}</td>
                    <td>
                      {e.actorLabel}
                      <div className="cell-sub">{e.actorType}</div>
                    </td>
                    <td className="mono">{e.action}</td>
                    <td>{e.summary}</td>
                    <td className="mono cell-sub">{e.ip ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
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
      </section>
    </div>
  );
}
