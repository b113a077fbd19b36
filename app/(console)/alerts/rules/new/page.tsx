import type { Metadata } from "next";
import { RuleForm } from "@/components/alerts/rule-form";
import { denyPage } from "@/components/ui/forbidden";
import { PageHead } from "@/components/ui/page-head";
import { refusal } from "@/server/auth/refusal";
import { getCtx } from "@/server/auth/session";
import { createRuleAction } from "../../actions";
import { ruleFormOptions } from "../rule-options";

export const metadata: Metadata = { title: "Alerts · New rule" };

export default async function NewRulePage() {
  const ctx = await getCtx();
  const denied = denyPage(refusal(ctx, "alerts.manage"));
  if (denied) return denied;
  const options = await ruleFormOptions(ctx);
  return (
    <div className="page">
      <PageHead title="New alert rule" crumbs={[{ href: "/alerts/rules", label: "Alert rules" }]} />
      <section className="card">
        <div className="card-body">
          <RuleForm {...options} action={createRuleAction} />
        </div>
      </section>
    </div>
  );
}
