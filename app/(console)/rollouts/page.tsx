import type { Metadata } from "next";
import Link from "next/link";
import { formatWhen, ProgressBar, RolloutStatusPill } from "@/components/rollouts/rollout-bits";
import styles from "@/components/rollouts/rollouts.module.css";
import { denyPage } from "@/components/ui/forbidden";
import { PageHead } from "@/components/ui/page-head";
import { firstParam, withParams, type SearchParams } from "@/lib/search-params";
import { mayDo } from "@/server/auth/context";
import { getCtx } from "@/server/auth/session";
import { isAppError } from "@/server/errors";
import { listRollouts, type RolloutList } from "@/server/rollouts/list";

export const metadata: Metadata = { title: "Rollouts" };

const TABS = [
  { value: undefined, label: "All" },
  { value: "active", label: "Active" },
  { value: "draft", label: "Drafts" },
  { value: "finished", label: "Finished" },
] as const;

export default async function RolloutsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const ctx = await getCtx();
  const denied = denyPage(ctx, "rollouts.read");
  if (denied) return denied;
  const params = await searchParams;
  let list: RolloutList | null = null;
  let problem: string | null = null;
  try {
    list = await listRollouts(ctx, params);
  } catch (error) {
    if (!isAppError(error) || error.code !== "VALIDATION") throw error;
    problem = error.message;
  }
  const status = firstParam(params.status);
  const pages = list ? Math.max(1, Math.ceil(list.total / list.pageSize)) : 1;
  return (
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
      <nav className={`tabs ${styles.statusTabs}`} aria-label="Rollouts by status">
        {TABS.map((t) => (
          <Link
            key={t.label}
            href={`/rollouts${withParams(params, { status: t.value, page: undefined })}`}
            aria-current={status === t.value ? "page" : undefined}
          >
            {t.label}
          </Link>
        ))}
      </nav>
      <section className="card">
        {problem && (
          <div className="card-body">
            <div role="alert" className="alert error">
              {problem}
            </div>
          </div>
        )}
        {list && list.items.length === 0 && (
          <div className="empty">
            <h2>No rollouts {status ? "here" : "yet"}</h2>
            <p>A rollout takes a release to a selection of satellites in waves, canary first.</p>
          </div>
        )}
        {list && list.items.length > 0 && (
          <div className="table-wrap">
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">Rollout</th>
                  <th scope="col">Status</th>
                  <th scope="col">Release</th>
                  <th scope="col">Progress</th>
                  <th scope="col">Current wave</th>
                  <th scope="col">Started (UTC)</th>
                  <th scope="col">Created by</th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((r) => (
                  <tr key={r.id}>
                    <td>
                      <Link className="cell-main" href={`/rollouts/${r.id}`}>
                        {r.name}
                      </Link>
                      {r.pausedReason && (
                        <div className="cell-sub" title={r.pausedReason}>
                          {r.pausedReason.length > 110 ? `${r.pausedReason.slice(0, 109)}…` : r.pausedReason}
                        </div>
                      )}
                    </td>
                    <td>
                      <RolloutStatusPill status={r.status} />
                    </td>
                    <td className="mono">{r.release.version}</td>
                    <td>
                      <ProgressBar counts={r.counts} />
                    </td>
                    <td>
                      {r.currentWave ? (
                        <>
                          wave {r.currentWave.index} ({r.currentWave.label})
                          <div className="cell-sub">
                            {r.currentWave.status.replace(/_/g, " ")} · {r.waveCount} waves in all
                          </div>
                        </>
                      ) : (
                        "—"
                      )}
                    </td>
                    <td className="cell-sub">{formatWhen(r.startedAt)}</td>
                    <td>{r.createdBy ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {list && list.total > list.pageSize && (
          <div className="pager">
            <span>
              Page {list.page} of {pages} · {list.total} rollouts
            </span>
            <div className="row">
              {list.page > 1 && (
                <Link className="btn small" href={`/rollouts${withParams(params, { page: list.page - 1 })}`}>
                  Previous
                </Link>
              )}
              {list.page < pages && (
                <Link className="btn small" href={`/rollouts${withParams(params, { page: list.page + 1 })}`}>
                  Next
                </Link>
              )}
            </div>
          </div>
        )}
      </section>
    </div>
  );
}
