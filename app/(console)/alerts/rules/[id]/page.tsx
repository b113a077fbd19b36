import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RuleForm } from "@/components/alerts/rule-form";
import { denyPage } from "@/components/ui/forbidden";
import { PageHead } from "@/components/ui/page-head";
import { listRules } from "@/server/alerts/rules";
import { refusal } from "@/server/auth/refusal";
import { getCtx } from "@/server/auth/session";
import { updateRuleAction } from "../../actions";
import { ruleFormOptions } from "../rule-options";

export const metadata: Metadata = { title: "Alerts · Edit rule" };

export default async function EditRulePage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await getCtx();
  const denied = denyPage(refusal(ctx, "alerts.manage"));
  if (denied) return denied;
  const { id } = await params;
  const [rules, options] = await Promise.all([listRules(ctx), ruleFormOptions(ctx)]);
  const rule = rules.find((r) => r.id === id);
  if (!rule) notFound();
  return (
    <div className="page">
      <PageHead title={`Edit “${rule.name}”`} crumbs={[{ href: "/alerts/rules", label: "Alert rules" }]} />
      <section className="card">
        <div className="card-body">
          <RuleForm {...options} action={updateRuleAction} rule={rule} />
        </div>
      </section>
    </div>
  );
}
