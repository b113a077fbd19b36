import type { Metadata } from "next";
import { AlertsLive } from "@/components/alerts/alerts-live";
import { denyPage } from "@/components/ui/forbidden";
import { PageHead } from "@/components/ui/page-head";
import { listAlerts } from "@/server/alerts/list";
import { mayDo } from "@/server/auth/context";
import { refusal } from "@/server/auth/refusal";
import { getCtx } from "@/server/auth/session";

export const metadata: Metadata = { title: "Alerts" };

export default async function AlertsPage() {
  const ctx = await getCtx();
  const denied = denyPage(refusal(ctx, "alerts.read"));
  if (denied) return denied;
  const list = await listAlerts(ctx);
  return (
    <div className="page">
      <PageHead
        title="Alerts"
        description="What the alert rules see now: firing alerts first, then the last day's resolved ones. Silenced alerts still show here; only their notifications wait."
      />
      <AlertsLive initial={list} canSilence={mayDo(ctx, "alerts.silence")} />
    </div>
  );
}
