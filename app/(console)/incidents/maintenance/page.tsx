import type { Metadata } from "next";
import Link from "next/link";
import { formatDuration, formatUtc } from "@/components/incidents/format";
import styles from "@/components/incidents/incidents.module.css";
import { CancelMaintenanceButton } from "@/components/incidents/maintenance-forms";
import { Pager } from "@/components/incidents/pager";
import { MaintenanceStatePill } from "@/components/incidents/pills";
import { PageHead } from "@/components/ui/page-head";
import { firstParam, type SearchParams } from "@/lib/search-params";
import { mayDo, type Ctx } from "@/server/auth/context";
import { getCtx } from "@/server/auth/session";
import { listMaintenance, type MaintenancePage } from "@/server/incidents/maintenance-read";
import { cancelMaintenanceAction } from "../actions";

export const metadata: Metadata = { title: "Maintenance" };

function WindowTable({ page, ctx, canCancel }: { page: MaintenancePage; ctx: Ctx; canCancel: boolean }) {
  return (
    <div className="table-wrap">
      <table className="data">
        <thead>
          <tr>
            <th scope="col">Window</th>
            <th scope="col">State</th>
            <th scope="col">Starts (UTC)</th>
            <th scope="col">Ends (UTC)</th>
            <th scope="col">Satellites</th>
            {canCancel && (
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {page.items.map((w) => {
            const more = w.satelliteCount - w.satellitePreview.length;
            return (
              <tr key={w.id} aria-label={w.title}>
                <td>
                  <div className="cell-main">{w.title}</div>
                  {w.description && <p className={styles.description}>{w.description}</p>}
                  <div className="cell-sub">scheduled by {w.createdBy ?? "—"}</div>
                </td>
                <td>
                  <MaintenanceStatePill value={w.state} />
                </td>
                <td className="nowrap">{formatUtc(w.startsAt)}</td>
                <td className="nowrap">
                  {formatUtc(w.endsAt)}
                  <div className="cell-sub">{formatDuration(w.startsAt, w.endsAt)}</div>
                </td>
                <td>
                  {w.satellitePreview.map((s, i) => (
                    <span key={s.slug}>
                      {i > 0 && ", "}
                      <Link className="mono" href={`/satellites/${s.slug}`} title={s.name}>
                        {s.slug}
                      </Link>
                    </span>
                  ))}
                  {more > 0 && <span className="muted"> and {more} more</span>}
                </td>
                {canCancel && (
                  <td>
                    {(w.state === "upcoming" || w.state === "active") &&
                    mayDo(ctx, "incidents.write", { regions: w.regionIds }) ? (
                      <CancelMaintenanceButton
                        id={w.id}
                        title={w.title}
                        isActive={w.state === "active"}
                        action={cancelMaintenanceAction}
                      />
                    ) : null}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export default async function MaintenancePageView({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const ctx = await getCtx();
  const now = new Date();
  const [active, upcoming, past] = await Promise.all([
    listMaintenance(ctx, { phase: "active", limit: 100 }, now),
    listMaintenance(ctx, { phase: "upcoming", page: firstParam(params.upcoming) }, now),
    listMaintenance(ctx, { phase: "past", page: firstParam(params.page) }, now),
  ]);
  const canWrite = mayDo(ctx, "incidents.write");
  const sections = [
    {
      id: "active",
      title: "In progress",
      page: active,
      empty: "No maintenance is under way.",
      param: "active",
    },
    { id: "upcoming", title: "Upcoming", page: upcoming, empty: "Nothing is scheduled.", param: "upcoming" },
    { id: "past", title: "Past and cancelled", page: past, empty: "No past windows yet.", param: "page" },
  ];
  return (
    <div className="page">
      <PageHead
        title="Maintenance"
        description="Planned work on satellites. Status pages announce upcoming windows and show satellites in one as under maintenance."
        actions={
          canWrite ? (
            <Link className="btn primary" href="/incidents/maintenance/new">
              Schedule maintenance
            </Link>
          ) : undefined
        }
      />
      {sections.map((s) => (
        <section key={s.id} className="card" aria-labelledby={`${s.id}-heading`}>
          <div className="card-head">
            <h2 id={`${s.id}-heading`}>{s.title}</h2>
            <span className="muted">{s.page.total.toLocaleString("en")}</span>
          </div>
          {s.page.total === 0 ? (
            <div className="empty">
              <p>{s.empty}</p>
            </div>
          ) : (
            <>
              <WindowTable page={s.page} ctx={ctx} canCancel={canWrite && s.id !== "past"} />
              <Pager
                path="/incidents/maintenance"
                params={params}
                param={s.param}
                page={s.page.page}
                limit={s.page.limit}
                total={s.page.total}
                label={`Pages of ${s.title.toLowerCase()}`}
              />
            </>
          )}
        </section>
      ))}
    </div>
  );
}
