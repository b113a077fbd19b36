import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { WaiverForm } from "@/components/compliance/waiver-form";
import { denyPage } from "@/components/ui/forbidden";
import { PageHead } from "@/components/ui/page-head";
import { MAX_WAIVER_DAYS } from "@/lib/policies/waivers";
import { firstParam, type SearchParams } from "@/lib/search-params";
import { refusal } from "@/server/auth/refusal";
import { getCtx } from "@/server/auth/session";
import { isAppError } from "@/server/errors";
import { getPolicy } from "@/server/policies/read";
import { createWaiverAction } from "../../../waiver-actions";

export const metadata: Metadata = { title: "Waive a policy" };

const day = (d: Date) => d.toISOString().slice(0, 10);

export default async function WaivePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { id } = await params;
  const query = await searchParams;
  const ctx = await getCtx();
  const denied = denyPage(refusal(ctx, "policies.manage"));
  if (denied) return denied;
  let policy;
  try {
    policy = await getPolicy(ctx, id);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  const now = new Date().getTime();
  return (
    <div className="page">
      <PageHead
        crumbs={[
          { href: "/compliance/policies", label: "Policies" },
          { href: `/compliance/policies/${encodeURIComponent(id)}`, label: policy.name },
        ]}
        title={`Waive ${policy.name}`}
        description="A waived result shows as waived, never as compliant, and the waiver ends by itself. Granting and revoking are audited, and the evidence report lists the reason."
      />
      <section className="card">
        <div className="card-body">
          <WaiverForm
            policyId={policy.id}
            policyName={policy.name}
            minDay={day(new Date(now))}
            maxDay={day(new Date(now + (MAX_WAIVER_DAYS - 1) * 86_400_000))}
            defaultDay={day(new Date(now + 30 * 86_400_000))}
            satellite={firstParam(query.satellite)}
            action={createWaiverAction}
          />
        </div>
      </section>
    </div>
  );
}
