import type { Metadata } from "next";
import Link from "next/link";
import { ProgressBar, RolloutStatusPill } from "@/components/rollouts/rollout-bits";
import { Tabs } from "@/components/shell/tabs";
import { DataTable, type Column } from "@/components/tables/data-table";
import { Pager } from "@/components/tables/pager";
import { denyPage } from "@/components/ui/forbidden";
import { PageHead } from "@/components/ui/page-head";
import { Time } from "@/components/ui/time";
import { formatCount } from "@/lib/format";
import { firstParam, withParams, type SearchParams } from "@/lib/search-params";
import { mayDo } from "@/server/auth/context";
import { refusal } from "@/server/auth/refusal";
import { getCtx } from "@/server/auth/session";
import { isAppError, readableError } from "@/server/errors";
import { listRollouts, type RolloutList } from "@/server/rollouts/list";

export const metadata: Metadata = { title: "Rollouts" };

const TABS = [
  { value: undefined, label: "All" },
  { value: "active", label: "Active" },
  { value: "draft", label: "Drafts" },
  { value: "finished", label: "Finished" },
] as const;

type Rollout = RolloutList["items"][number];

const rolloutColumns = (now: Date): Column<Rollout>[] => [
  {
    id: "rollout",
    header: "Rollout",
    cell: (r) => (
      <>
        <Link className="cell-main" href={`/rollouts/${r.id}`}>
          {r.name}
        </Link>
        {r.pausedReason && (
          <div className="cell-sub" title={r.pausedReason}>
            {r.pausedReason.length > 110 ? `${r.pausedReason.slice(0, 109)}…` : r.pausedReason}
          </div>
        )}
      </>
    ),
  },
  { id: "status", header: "Status", cell: (r) => <RolloutStatusPill status={r.status} /> },
  { id: "release", header: "Release", cellClassName: "mono", cell: (r) => r.release.version },
  { id: "progress", header: "Progress", cell: (r) => <ProgressBar counts={r.counts} /> },
  {
    id: "wave",
    header: "Current wave",
    cell: (r) =>
      r.currentWave ? (
        <>
          wave {r.currentWave.index} ({r.currentWave.label})
          <div className="cell-sub">
            {r.currentWave.status.replace(/_/g, " ")} · {r.waveCount} waves in all
          </div>
        </>
      ) : (
        "—"
      ),
  },
  {
    id: "started",
    header: "Started",
    cellClassName: "nowrap",
    cell: (r) => <Time at={r.startedAt} now={now} />,
  },
  { id: "createdBy", header: "Created by", cell: (r) => r.createdBy ?? "—" },
];

export default async function RolloutsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const ctx = await getCtx();
  const denied = denyPage(refusal(ctx, "rollouts.read"));
  if (denied) return denied;
  const params = await searchParams;
  let list: RolloutList | null = null;
  let problem: string | null = null;
  try {
    list = await listRollouts(ctx, params);
  } catch (error) {
    if (!isAppError(error) || error.code !== "VALIDATION") throw error;
    problem = readableError(error).message;
  }
  const status = firstParam(params.status);
  const now = new Date();
  return (
    <>
      {/* The status tabs sit where every section's tabs do: one bar above the heading. */}
      <Tabs
        label="Rollouts by status"
        items={TABS.map((t) => ({
          href: `/rollouts${withParams(params, { status: t.value, page: undefined })}`,
          label: t.label,
          isCurrent: status === t.value,
        }))}
      />
      <div className="page">
        <PageHead
          title="Rollouts"
          description="Releases rolled out in waves — canary first — that pause by themselves when satellites fail or turn unhealthy."
          actions={
            mayDo(ctx, "rollouts.write") ? (
              <Link className="btn primary" href="/rollouts/new">
                New rollout
              </Link>
            ) : undefined
          }
        />
        <section className="card">
          {problem && (
            <div className="card-body">
              <div role="alert" className="alert error">
                {problem}
              </div>
            </div>
          )}
          {list && (
            <DataTable
              columns={rolloutColumns(now)}
              rows={list.items}
              rowKey={(r) => r.id}
              empty={{
                title: `No rollouts ${status ? "here" : "yet"}`,
                body: "A rollout takes a release to a selection of satellites in waves, canary first.",
              }}
              footer={
                <Pager
                  page={list.page}
                  limit={list.pageSize}
                  total={list.total}
                  summary={formatCount(list.total, "rollout")}
                  href={(to) => `/rollouts${withParams(params, { page: to })}`}
                />
              }
            />
          )}
        </section>
      </div>
    </>
  );
}
