import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArchivePolicyButton } from "@/components/compliance/archive-policy-button";
import { PolicyForm, type PolicyFormValues } from "@/components/compliance/policy-form";
import { denyPage } from "@/components/ui/forbidden";
import { PageHead } from "@/components/ui/page-head";
import { isRuleKind } from "@/lib/policies/kinds";
import { refusal } from "@/server/auth/refusal";
import { getCtx } from "@/server/auth/session";
import { listRegions } from "@/server/compliance/regions";
import { isAppError } from "@/server/errors";
import { getPolicy } from "@/server/policies/read";
import { archivePolicyAction, updatePolicyAction } from "../../../policy-actions";

export const metadata: Metadata = { title: "Edit policy" };

export default async function EditPolicyPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
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
  const regions = await listRegions(ctx);
  const values: PolicyFormValues = {
    id: policy.id,
    name: policy.name,
    description: policy.description,
    kind: isRuleKind(policy.kind) ? policy.kind : "disk-encryption",
    params: (policy.params ?? {}) as Record<string, unknown>,
    scope: (policy.scope ?? { all: true }) as PolicyFormValues["scope"],
    severity: policy.severity,
    mode: policy.mode,
    frameworks: policy.frameworks,
  };
  return (
    <div className="page">
      <PageHead
        crumbs={[
          { href: "/compliance/policies", label: "Policies" },
          { href: `/compliance/policies/${encodeURIComponent(id)}`, label: policy.name },
        ]}
        title={`Edit ${policy.name}`}
        description={`Saving writes version ${policy.version + 1}; version ${policy.version} and earlier stay in the history.`}
        actions={!policy.archivedAt && <ArchivePolicyButton id={policy.id} action={archivePolicyAction} />}
      />
      <section className="card">
        <div className="card-body">
          {policy.archivedAt ? (
            <p className="muted">
              This policy is archived: it is no longer evaluated and can no longer change.
            </p>
          ) : (
            <PolicyForm
              values={values}
              regions={regions.map((r) => ({ id: r.id, name: r.name }))}
              action={updatePolicyAction}
            />
          )}
        </div>
      </section>
    </div>
  );
}
