import type { Metadata } from "next";
import { EvidenceReport } from "@/components/compliance/evidence-report";
import { PrintButton } from "@/components/compliance/print-button";
import { ReportPrintStyle } from "@/components/compliance/print-style";
import { denyPage } from "@/components/ui/forbidden";
import { PageHead } from "@/components/ui/page-head";
import { type SearchParams, withParams } from "@/lib/search-params";
import { refusal } from "@/server/auth/refusal";
import { getCtx } from "@/server/auth/session";
import { listRegions } from "@/server/compliance/regions";
import { fieldsFromZod } from "@/server/errors";
import { listPolicies } from "@/server/policies/read";
import { loadReport } from "../_lib/load";
import { reportQuery, todayUtc } from "../_lib/report-query";
import { ReportForm } from "./report-form";

export const metadata: Metadata = { title: "Evidence report" };

// A page lists this many satellites per policy (violations first); the CSV has every one.
const ROWS_PER_POLICY = 200;

export default async function ReportPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const ctx = await getCtx();
  const denied = denyPage(refusal(ctx, "compliance.report"));
  if (denied) return denied;
  const now = new Date();
  const parsed = reportQuery(now).safeParse(params);
  const [regions, policies] = await Promise.all([
    listRegions(ctx, { includeRetired: true }),
    listPolicies(ctx, { includeArchived: true }, now),
  ]);
  const frameworks = [...new Set(policies.flatMap((p) => p.frameworks))].sort();
  const report = parsed.success
    ? await loadReport(ctx, parsed.data, now, { rowsPerPolicy: ROWS_PER_POLICY })
    : null;
  const values = {
    region: typeof params.region === "string" ? params.region : "",
    framework: typeof params.framework === "string" ? params.framework : "",
    at: typeof params.at === "string" ? params.at : todayUtc(now),
  };
  return (
    <div className="page">
      <ReportPrintStyle />
      <PageHead
        crumbs={[{ href: "/compliance", label: "Compliance" }]}
        title="Evidence report"
        description="The posture as it was at the end of a day (UTC), rebuilt from the history of results: each policy's version, every satellite's result and since when, the waivers in force with their reasons, and who changed policies or waivers in the 90 days before."
        actions={
          report && (
            <span className="row" data-print="hide">
              <a className="btn" href={`/compliance/report/csv${withParams(params, {})}`} download>
                Download CSV
              </a>
              <PrintButton />
            </span>
          )
        }
      />
      <div data-print="hide">
        <ReportForm
          values={values}
          errors={parsed.success ? undefined : fieldsFromZod(parsed.error)}
          regions={regions.map((r) => ({ id: r.id, name: r.name }))}
          frameworks={frameworks}
          max={todayUtc(now)}
        />
      </div>
      {report && <EvidenceReport report={report} />}
    </div>
  );
}
