import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SatelliteResultsTable } from "@/components/compliance/satellite-results-table";
import { PolicyVersions } from "@/components/compliance/policy-versions";
import { WaiverList } from "@/components/compliance/waiver-list";
import { RevokeWaiverButton } from "../../_components/revoke-waiver-button";
import { denyPage } from "@/components/ui/forbidden";
import { PageHead } from "@/components/ui/page-head";
import { RULE_LABELS, isRuleKind } from "@/lib/policies/kinds";
import { firstParam, withParams, type SearchParams } from "@/lib/search-params";
import { mayDo } from "@/server/auth/context";
import { refusal } from "@/server/auth/refusal";
import { getCtx } from "@/server/auth/session";
import { isAppError } from "@/server/errors";
import { getPolicy, listWaivers, policyVersions, postureAt } from "@/server/policies/read";
import styles from "@/components/compliance/report.module.css";

export const metadata: Metadata = { title: "Policy" };

const OUTCOMES = ["violation", "unknown", "waived", "compliant"] as const;
/** Results listed per page, by satellite slug; "Next" continues after the last slug shown. */
const PAGE = 100;

export default async function PolicyPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { id } = await params;
  const query = await searchParams;
  const ctx = await getCtx();
  const denied = denyPage(refusal(ctx, "compliance.read"));
  if (denied) return denied;
  const now = new Date();
  let policy;
  try {
    policy = await getPolicy(ctx, id, now);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  const region = firstParam(query.region)?.slice(0, 60) || undefined;
  const outcomeParam = firstParam(query.outcome);
  const outcome = OUTCOMES.find((o) => o === outcomeParam);
  const after = firstParam(query.after)?.slice(0, 200) || undefined;
  const mayReport = mayDo(ctx, "compliance.report");
  const [versions, waivers, report] = await Promise.all([
    policyVersions(ctx, id),
    listWaivers(ctx, { policyId: id, includeEnded: true }, now),
    mayReport
      ? postureAt(ctx, {
          at: now,
          policyId: id,
          order: "slug",
          limit: PAGE,
          ...(region && { region }),
          ...(outcome && { outcomes: [outcome] }),
          ...(after && { after }),
        })
      : Promise.resolve(null),
  ]);
  const results = report?.policies.find((p) => p.id === id);
  const rows = (results?.rows ?? []).map((r) => ({ ...r, since: r.since.toISOString() }));
  const next = results && results.matching > rows.length ? rows.at(-1)?.slug : undefined;
  const mayManage = mayDo(ctx, "policies.manage");
  return (
    <div className="page">
      <PageHead
        crumbs={[
          { href: "/compliance", label: "Compliance" },
          { href: "/compliance/policies", label: "Policies" },
        ]}
        title={
          <>
            {policy.name} <span className="muted">v{policy.version}</span>
          </>
        }
        description={
          <>
            {isRuleKind(policy.kind) ? RULE_LABELS[policy.kind] : policy.kind} · {policy.severity} ·{" "}
            {policy.mode === "enforce" ? "enforced: blocks changes that leave a violation" : "audit only"}
            {policy.archivedAt && " · archived"}
            {policy.description && <span className="cell-sub">{policy.description}</span>}
          </>
        }
        actions={
          mayManage &&
          !policy.archivedAt && (
            <>
              <Link className="btn" href={`/compliance/policies/${encodeURIComponent(id)}/edit`}>
                Edit
              </Link>
              <Link className="btn" href={`/compliance/policies/${encodeURIComponent(id)}/waive`}>
                Waive
              </Link>
            </>
          )
        }
      />
      <section className="card" aria-labelledby="results-title">
        <div className="card-head">
          <h2 id="results-title">
            Results{region && <> in {region}</>}
            {outcome && <>: {outcome}</>}
          </h2>
          <span className="row small">
            {OUTCOMES.map((o) => (
              <Link
                key={o}
                href={withParams(query, { outcome: o === outcome ? undefined : o, after: undefined })}
              >
                {o === outcome ? `all results` : o}
              </Link>
            ))}
            {region && (
              <Link href={withParams(query, { region: undefined, after: undefined })}>all regions</Link>
            )}
          </span>
        </div>
        {!report ? (
          <p className={`muted ${styles.pad}`}>
            Counts: {policy.counts.compliant} compliant, {policy.counts.violation} violating,{" "}
            {policy.counts.unknown} unknown, {policy.counts.waived} waived. The satellite-by-satellite list is
            part of the evidence report, for auditors.
          </p>
        ) : rows.length === 0 ? (
          <p className={`muted ${styles.pad}`}>No satellite has this result.</p>
        ) : (
          <>
            <SatelliteResultsTable rows={rows} now={now} testId="policy-results" />
            <nav className={`row small ${styles.pad}`} aria-label="Result pages">
              {after && <Link href={withParams(query, { after: undefined })}>← First</Link>}
              {next && <Link href={withParams(query, { after: next })}>Next {PAGE} →</Link>}
            </nav>
          </>
        )}
      </section>
      <WaiverList
        waivers={waivers}
        now={now}
        revoke={mayManage ? (w) => <RevokeWaiverButton id={w.id} /> : undefined}
      />
      <PolicyVersions versions={versions} />
    </div>
  );
}
