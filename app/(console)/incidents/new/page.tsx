import type { Metadata } from "next";
import { OpenIncidentForm } from "@/components/incidents/incident-forms";
import { denyPage } from "@/components/ui/forbidden";
import { PageHead } from "@/components/ui/page-head";
import { refusal } from "@/server/auth/refusal";
import { getCtx } from "@/server/auth/session";
import { INCIDENT_IMPACTS, OPEN_STATUSES } from "@/server/incidents/schemas";
import { openIncidentAction } from "../actions";

export const metadata: Metadata = { title: "Open an incident" };

export default async function NewIncidentPage() {
  const ctx = await getCtx();
  const denied = denyPage(refusal(ctx, "incidents.write"));
  if (denied) return denied;
  const scope = ctx.actor?.regionIds;
  return (
    <div className="page">
      <PageHead
        crumbs={[{ href: "/incidents", label: "Incidents" }]}
        title="Open an incident"
        description={
          scope
            ? `Your region scope allows incidents on satellites in ${scope.join(", ")}.`
            : "Say what is wrong and where; you can post updates and change the satellites afterwards."
        }
      />
      <section className="card">
        <div className="card-body">
          <OpenIncidentForm action={openIncidentAction} statuses={OPEN_STATUSES} impacts={INCIDENT_IMPACTS} />
        </div>
      </section>
    </div>
  );
}
