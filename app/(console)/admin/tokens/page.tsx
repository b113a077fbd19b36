import type { Metadata } from "next";
import Link from "next/link";
import { CreateJoinTokenForm, RevokeJoinTokenButton } from "@/components/forms/join-token-forms";
import { DataTable, type Column } from "@/components/tables/data-table";
import { Pager } from "@/components/tables/pager";
import { denyPage } from "@/components/ui/forbidden";
import { PageHead } from "@/components/ui/page-head";
import { Time } from "@/components/ui/time";
import { formatNumber } from "@/lib/format";
import { firstParam, withParams, type SearchParams } from "@/lib/search-params";
import { listJoinTokens, type JoinTokenFilter, type JoinTokenView } from "@/server/agents/join-tokens";
import { refusal } from "@/server/auth/refusal";
import { getCtx } from "@/server/auth/session";
import { ApiTokensSection } from "./_components/api-tokens-section";
import { createJoinTokenAction, revokeJoinTokenAction } from "./actions";
import styles from "./tokens.module.css";

export const metadata: Metadata = { title: "Admin · Tokens" };

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

const tokenColumns = (now: Date): Column<JoinTokenView>[] => [
  {
    id: "token",
    header: "Token",
    cell: (t) => (
      <>
        <span className="mono">orr_join_{t.hint}</span>
        {t.note && <div className="cell-sub">{t.note}</div>}
      </>
    ),
  },
  {
    id: "status",
    header: "Status",
    cell: (t) => <span className={`pill ${TONE[t.status]}`}>{t.status}</span>,
  },
  { id: "uses", header: "Uses", isNumeric: true, cell: (t) => `${t.uses} / ${t.maxUses}` },
  {
    id: "bound",
    header: "Bound to",
    cell: (t) =>
      t.satellite ? (
        <Link href={`/satellites/${t.satellite.slug}`}>{t.satellite.slug}</Link>
      ) : (
        <span className="muted">any new satellite</span>
      ),
  },
  {
    id: "expires",
    header: "Expires",
    cellClassName: "nowrap",
    cell: (t) => <Time at={t.expiresAt} now={now} />,
  },
  { id: "createdBy", header: "Created by", cellClassName: "cell-sub", cell: (t) => t.createdBy ?? "system" },
  {
    id: "actions",
    header: <span className="sr-only">Actions</span>,
    isNumeric: true,
    cell: (t) =>
      t.status === "active" && (
        <RevokeJoinTokenButton id={t.id} hint={t.hint} action={revokeJoinTokenAction} />
      ),
  },
];

export default async function JoinTokensPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const ctx = await getCtx();
  const denied = denyPage(refusal(ctx, "tokens.manage"));
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
        title="Tokens"
        description="An agent enrolls once with a join token and gets its own agent token; people and their scripts call the API with API tokens. Both are shown once and stored only as hashes."
        actions={
          <a className="btn small" href="#api-tokens-heading">
            API tokens ↓
          </a>
        }
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
          <h2 id="tokens-heading">Issued join tokens</h2>
          <nav className={styles.filters} aria-label="Filter join tokens">
            {FILTERS.map((f) => (
              <Link
                key={f.value}
                href={`/admin/tokens${withParams(params, { status: f.value === "active" ? undefined : f.value, page: undefined })}`}
                aria-current={f === filter ? "page" : undefined}
              >
                {f.label}
                <span className={styles.count}>{formatNumber(list.counts[f.value])}</span>
              </Link>
            ))}
          </nav>
        </div>
        <DataTable
          columns={tokenColumns(new Date())}
          rows={list.items}
          rowKey={(t) => t.id}
          empty={
            list.total === 0
              ? { title: filter.empty, body: filter.emptyHint }
              : {
                  body: (
                    <>
                      This page is past the end of the list.{" "}
                      <Link href={`/admin/tokens${withParams(params, { page: undefined })}`}>
                        Back to the first page
                      </Link>
                    </>
                  ),
                }
          }
          footer={
            <Pager
              page={list.page}
              limit={list.limit}
              total={list.total}
              label="Pages of join tokens"
              href={(to) => `/admin/tokens${withParams(params, { page: to })}`}
            />
          }
        />
      </section>
      <ApiTokensSection ctx={ctx} />
    </div>
  );
}
