import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { OutcomePill } from "@/components/compliance/outcome-pill";
import { PolicyVersions } from "@/components/compliance/policy-versions";
import { WaiverList } from "@/components/compliance/waiver-list";
import { RevokeWaiverButton } from "../../_components/revoke-waiver-button";
import { denyPage } from "@/components/ui/forbidden";
import { PageHead } from "@/components/ui/page-head";
import { Time } from "@/components/ui/time";
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
  const mayReport = mayDo(ctx, "compliance.report");
  const [versions, waivers, report] = await Promise.all([
    policyVersions(ctx, id),
    listWaivers(ctx, { policyId: id, includeEnded: true }, now),
    mayReport ? postureAt(ctx, { at: now, ...(region && { region }) }) : Promise.resolve(null),
  ]);
  const rows = (report?.policies.find((p) => p.id === id)?.rows ?? []).filter(
    (r) => !outcome || r.outcome === outcome,
  );
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
              <Link key={o} href={withParams(query, { outcome: o === outcome ? undefined : o })}>
                {o === outcome ? `all results` : o}
              </Link>
            ))}
            {region && <Link href={withParams(query, { region: undefined })}>all regions</Link>}
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
          <div className={styles.tableWrap}>
            <table className={styles.table} data-testid="policy-results">
              <thead>
                <tr>
                  <th scope="col">Satellite</th>
                  <th scope="col">Region</th>
                  <th scope="col">Result</th>
                  <th scope="col">Reason</th>
                  <th scope="col">Since</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.satelliteId}>
                    <td>
                      <Link className="mono" href={`/satellites/${r.satelliteId}#compliance`}>
                        {r.slug}
                      </Link>
                    </td>
                    <td className="mono">{r.regionId}</td>
                    <td>
                      <OutcomePill value={r.outcome} />
                    </td>
                    <td className={styles.reason}>{r.reason || "—"}</td>
                    <td className="nowrap">
                      <Time at={r.since} now={now} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
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
