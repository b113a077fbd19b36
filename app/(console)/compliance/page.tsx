import type { Metadata } from "next";
import Link from "next/link";
import { PostureMatrix } from "@/components/compliance/posture-matrix";
import { PostureTrend } from "@/components/compliance/posture-trend";
import { denyPage } from "@/components/ui/forbidden";
import { PageHead } from "@/components/ui/page-head";
import { firstParam, type SearchParams } from "@/lib/search-params";
import { mayDo } from "@/server/auth/context";
import { refusal } from "@/server/auth/refusal";
import { getCtx } from "@/server/auth/session";
import styles from "@/components/compliance/compliance.module.css";
import { loadMatrix, loadTrend } from "./_lib/load";

export const metadata: Metadata = { title: "Compliance" };

export default async function CompliancePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const ctx = await getCtx();
  const denied = denyPage(refusal(ctx, "compliance.read"));
  if (denied) return denied;
  const days = firstParam(params.days) === "90" ? 90 : 30;
  const [matrix, trend] = await Promise.all([loadMatrix(ctx), loadTrend(ctx, days)]);
  const mayManage = mayDo(ctx, "policies.manage");
  return (
    <div className="page">
      <PageHead
        title="Compliance"
        description="Each policy in each compliance region: the share of satellites compliant, and what is not. Waived and unknown results never count as compliant."
        actions={
          <>
            <Link className="btn" href="/compliance/policies">
              Policies
            </Link>
            {mayDo(ctx, "compliance.report") && (
              <Link className="btn" href="/compliance/report">
                Evidence report
              </Link>
            )}
            <Link className="btn" href="/?color=posture">
              Map
            </Link>
          </>
        }
      />
      <section className="card" aria-labelledby="matrix-title">
        <div className="card-head">
          <h2 id="matrix-title">Posture by policy and region</h2>
        </div>
        {matrix.rows.length === 0 ? (
          <div className="empty" data-testid="matrix-empty">
            <h2>No policies yet</h2>
            <p>
              Once a policy exists, each satellite is checked against it and the results appear here.{" "}
              {mayManage && <Link href="/compliance/policies/new">Create a policy</Link>}
            </p>
          </div>
        ) : (
          <PostureMatrix matrix={matrix} />
        )}
      </section>
      <section className="card" aria-labelledby="trend-title">
        <div className="card-head">
          <h2 id="trend-title">Results over the last {days} days</h2>
          <div className={styles.period} role="group" aria-label="Period">
            {([30, 90] as const).map((d) => (
              <Link
                key={d}
                href={d === 30 ? "/compliance" : "/compliance?days=90"}
                aria-current={d === days ? "page" : undefined}
              >
                {d} days
              </Link>
            ))}
          </div>
        </div>
        <PostureTrend points={trend} />
      </section>
    </div>
  );
}
