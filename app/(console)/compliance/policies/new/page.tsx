import type { Metadata } from "next";
import { PolicyForm } from "@/components/compliance/policy-form";
import { denyPage } from "@/components/ui/forbidden";
import { PageHead } from "@/components/ui/page-head";
import { refusal } from "@/server/auth/refusal";
import { getCtx } from "@/server/auth/session";
import { listRegions } from "@/server/compliance/regions";
import { createPolicyAction } from "../../policy-actions";

export const metadata: Metadata = { title: "New policy" };

export default async function NewPolicyPage() {
  const ctx = await getCtx();
  const denied = denyPage(refusal(ctx, "policies.manage"));
  if (denied) return denied;
  const regions = await listRegions(ctx);
  return (
    <div className="page">
      <PageHead
        crumbs={[
          { href: "/compliance", label: "Compliance" },
          { href: "/compliance/policies", label: "Policies" },
        ]}
        title="New policy"
        description="Every satellite in scope is checked against it on the next pass. Start in audit mode: it reports and blocks nothing."
      />
      <section className="card">
        <div className="card-body">
          <PolicyForm
            regions={regions.map((r) => ({ id: r.id, name: r.name }))}
            action={createPolicyAction}
          />
        </div>
      </section>
    </div>
  );
}
