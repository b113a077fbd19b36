import type { Metadata } from "next";
import Link from "next/link";
import { CreateJoinTokenForm, RevokeJoinTokenButton } from "@/components/forms/join-token-forms";
import { denyPage } from "@/components/ui/forbidden";
import { Pager } from "@/components/incidents/pager";
import { PageHead } from "@/components/ui/page-head";
import { firstParam, withParams, type SearchParams } from "@/lib/search-params";
import { listJoinTokens, type JoinTokenFilter } from "@/server/agents/join-tokens";
import { getCtx } from "@/server/auth/session";
import { createJoinTokenAction, revokeJoinTokenAction } from "./actions";
import styles from "./tokens.module.css";

export const metadata: Metadata = { title: "Admin · Join tokens" };

const TONE = { active: "ok", expired: "", "used up": "info", revoked: "bad" } as const;

// Active first: the demo fleet alone leaves hundreds of used-up tokens, which would bury the usable ones.
const FILTERS: { value: JoinTokenFilter; label: string; empty: string; emptyHint: string }[] = [
  {
    value: "active",
    label: "Active",
    empty: "No active join tokens",
    emptyHint: "Create one above to enroll a satellite's agent.",
  },
  {
    value: "used",
    label: "Used up, expired or revoked",
    empty: "No spent join tokens",
    emptyHint: "A token shows here once it is used up, expired or revoked.",
  },
  {
    value: "all",
    label: "All",
    empty: "No join tokens yet",
    emptyHint: "Create one above to enroll a satellite's agent.",
  },
];

export default async function JoinTokensPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const ctx = await getCtx();
  const denied = denyPage(ctx, "tokens.manage");
  if (denied) return denied;
  const params = await searchParams;
  const list = await listJoinTokens(ctx, {
    filter: firstParam(params.status),
    page: firstParam(params.page),
  });
  const filter = FILTERS.find((f) => f.value === firstParam(params.status)) ?? FILTERS[0];
  return (
    <div className="page">
      <PageHead
        title="Join tokens"
        description="An agent enrolls once with a join token and gets its own agent token. Join tokens are shown once and stored only as hashes."
      />
      <section className="card">
        <div className="card-head">
          <h2>Create a join token</h2>
        </div>
        <div className="card-body">
          <CreateJoinTokenForm action={createJoinTokenAction} />
          <p className="muted" style={{ marginBottom: 0 }}>
            From a shell: <code>npm run token:join -- --uses 10 --expires 24h</code>
          </p>
        </div>
      </section>
      <section className="card" aria-labelledby="tokens-heading">
        <div className="card-head">
          <h2 id="tokens-heading">Issued tokens</h2>
          <nav className={styles.filters} aria-label="Filter join tokens">
            {FILTERS.map((f) => (
              <Link
                key={f.value}
                href={`/admin/tokens${withParams(params, { status: f.value === "active" ? undefined : f.value, page: undefined })}`}
                aria-current={f === filter ? "page" : undefined}
              >
                {f.label}
                <span className={styles.count}>{list.counts[f.value].toLocaleString("en")}</span>
              </Link>
            ))}
          </nav>
        </div>
        {list.total === 0 ? (
          <div className="empty">
            <h2>{filter.empty}</h2>
            <p>{filter.emptyHint}</p>
          </div>
        ) : list.items.length === 0 ? (
          <div className="empty">
            <p>
              This page is past the end of the list.{" "}
              <Link href={`/admin/tokens${withParams(params, { page: undefined })}`}>
                Back to the first page
              </Link>
            </p>
          </div>
        ) : (
          <div className="table-wrap">
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">Token</th>
                  <th scope="col">Status</th>
                  <th scope="col" className="num">
                    Uses
                  </th>
                  <th scope="col">Bound to</th>
                  <th scope="col">Expires (UTC)</th>
                  <th scope="col">Created by</th>
                  <th scope="col">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((t) => (
                  <tr key={t.id}>
                    <td>
                      <span className="mono">orr_join_{t.hint}</span>
                      {t.note && <div className="cell-sub">{t.note}</div>}
                    </td>
                    <td>
                      <span className={`pill ${TONE[t.status]}`}>{t.status}</span>
                    </td>
                    <td className="num">
                      {t.uses} / {t.maxUses}
                    </td>
                    <td>
                      {t.satellite ? (
                        <Link href={`/satellites/${t.satellite.slug}`}>{t.satellite.slug}</Link>
                      ) : (
                        <span className="muted">any new satellite</span>
                      )}
                    </td>
                    <td className="mono cell-sub">{t.expiresAt.replace("T", " ").slice(0, 16)}</td>
                    <td className="cell-sub">{t.createdBy ?? "system"}</td>
                    <td className="num">
                      {t.status === "active" && (
                        <RevokeJoinTokenButton id={t.id} hint={t.hint} action={revokeJoinTokenAction} />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pager
          path="/admin/tokens"
          params={params}
          page={list.page}
          limit={list.limit}
          total={list.total}
          label="Pages of join tokens"
        />
      </section>
    </div>
  );
}
