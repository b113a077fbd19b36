import type { Metadata } from "next";
import { formatUtcInput } from "@/lib/format";
import { ScheduleMaintenanceForm } from "@/components/incidents/maintenance-forms";
import { denyPage } from "@/components/ui/forbidden";
import { PageHead } from "@/components/ui/page-head";
import { refusal } from "@/server/auth/refusal";
import { getCtx } from "@/server/auth/session";
import { scheduleMaintenanceAction } from "../../actions";

export const metadata: Metadata = { title: "Schedule maintenance" };

const HOUR = 3_600_000;

export default async function NewMaintenancePage() {
  const ctx = await getCtx();
  const denied = denyPage(refusal(ctx, "incidents.write"));
  if (denied) return denied;
  // A sensible default: the next full hour, for one hour.
  const start = new Date(Math.ceil(new Date().getTime() / HOUR) * HOUR);
  return (
    <div className="page">
      <PageHead
        crumbs={[{ href: "/incidents/maintenance", label: "Maintenance" }]}
        title="Schedule maintenance"
        description="Times are in UTC. A window may start now (up to a minute ago) or later, and must end after it starts."
      />
      <section className="card">
        <div className="card-body">
          <ScheduleMaintenanceForm
            action={scheduleMaintenanceAction}
            defaultStart={formatUtcInput(start)}
            defaultEnd={formatUtcInput(new Date(start.getTime() + HOUR))}
          />
        </div>
      </section>
    </div>
  );
}
