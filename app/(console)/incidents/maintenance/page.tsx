import type { Metadata } from "next";
import Link from "next/link";
import styles from "@/components/incidents/incidents.module.css";
import { CancelMaintenanceButton } from "@/components/incidents/maintenance-forms";
import { MaintenanceStatePill } from "@/components/incidents/pills";
import { DataTable, type Column } from "@/components/tables/data-table";
import { Pager } from "@/components/tables/pager";
import { LiveRefresh } from "@/components/ui/live-refresh";
import { PageHead } from "@/components/ui/page-head";
import { Time } from "@/components/ui/time";
import { formatDuration, formatNumber } from "@/lib/format";
import { firstParam, withParams, type SearchParams } from "@/lib/search-params";
import { mayDo, type Ctx } from "@/server/auth/context";
import { getCtx } from "@/server/auth/session";
import { listMaintenance, type MaintenanceView } from "@/server/incidents/maintenance-read";
import { versionsOf } from "@/server/live/versions";
import { cancelMaintenanceAction } from "../actions";

export const metadata: Metadata = { title: "Maintenance" };

function windowColumns(ctx: Ctx, canCancel: boolean, now: Date): Column<MaintenanceView>[] {
  const columns: Column<MaintenanceView>[] = [
    {
      id: "window",
      header: "Window",
      cell: (w) => (
        <>
          <div className="cell-main">{w.title}</div>
          {w.description && <p className={styles.description}>{w.description}</p>}
          <div className="cell-sub">scheduled by {w.createdBy ?? "—"}</div>
        </>
      ),
    },
    { id: "state", header: "State", cell: (w) => <MaintenanceStatePill value={w.state} /> },
    {
      id: "starts",
      header: "Starts",
      cellClassName: "nowrap",
      cell: (w) => <Time at={w.startsAt} now={now} />,
    },
    {
      id: "ends",
      header: "Ends",
      cellClassName: "nowrap",
      cell: (w) => (
        <>
          <Time at={w.endsAt} now={now} />
          <div className="cell-sub">{formatDuration(w.startsAt, w.endsAt)}</div>
        </>
      ),
    },
    {
      id: "satellites",
      header: "Satellites",
      cell: (w) => {
        const more = w.satelliteCount - w.satellitePreview.length;
        return (
          <>
            {w.satellitePreview.map((s, i) => (
              <span key={s.slug}>
                {i > 0 && ", "}
                <Link className="mono" href={`/satellites/${s.slug}`} title={s.name}>
                  {s.slug}
                </Link>
              </span>
            ))}
            {more > 0 && <span className="muted"> and {more} more</span>}
          </>
        );
      },
    },
  ];
  if (canCancel) {
    columns.push({
      id: "actions",
      header: <span className="sr-only">Actions</span>,
      cell: (w) =>
        (w.state === "upcoming" || w.state === "active") &&
        mayDo(ctx, "incidents.write", { regions: w.regionIds }) ? (
          <CancelMaintenanceButton
            id={w.id}
            title={w.title}
            isActive={w.state === "active"}
            action={cancelMaintenanceAction}
          />
        ) : null,
    });
  }
  return columns;
}

export default async function MaintenancePageView({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const ctx = await getCtx();
  const now = new Date();
  const live = await versionsOf(ctx, "incidents");
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
          <>
            <LiveRefresh scopes={["incidents"]} initial={live} />
            {canWrite && (
              <Link className="btn primary" href="/incidents/maintenance/new">
                Schedule maintenance
              </Link>
            )}
          </>
        }
      />
      {sections.map((s) => (
        <section key={s.id} className="card" aria-labelledby={`${s.id}-heading`}>
          <div className="card-head">
            <h2 id={`${s.id}-heading`}>{s.title}</h2>
            <span className="muted">{formatNumber(s.page.total)}</span>
          </div>
          <DataTable
            columns={windowColumns(ctx, canWrite && s.id !== "past", now)}
            rows={s.page.items}
            rowKey={(w) => w.id}
            rowLabel={(w) => w.title}
            empty={{ body: s.empty }}
            footer={
              <Pager
                page={s.page.page}
                limit={s.page.limit}
                total={s.page.total}
                label={`Pages of ${s.title.toLowerCase()}`}
                href={(to) => `/incidents/maintenance${withParams(params, { [s.param]: to })}`}
              />
            }
          />
        </section>
      ))}
    </div>
  );
}
