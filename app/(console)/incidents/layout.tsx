import { IncidentTabs } from "@/components/incidents/incident-tabs";
import { denyPage } from "@/components/ui/forbidden";
import { refusal } from "@/server/auth/refusal";
import { getCtx } from "@/server/auth/session";
import { maintenanceCounts } from "@/server/incidents/maintenance-read";
import { incidentCounts } from "@/server/incidents/read";

export default async function IncidentsLayout({ children }: { children: React.ReactNode }) {
  const ctx = await getCtx();
  // Convenience only: every page and action below authorizes again in server/.
  const denied = denyPage(refusal(ctx, "incidents.read"));
  if (denied) return denied;
  const [incidents, maintenance] = await Promise.all([incidentCounts(ctx), maintenanceCounts(ctx)]);
  return (
    <>
      <IncidentTabs
        counts={{
          open: incidents.open,
          proposed: incidents.proposed,
          maintenance: maintenance.active + maintenance.upcoming,
        }}
      />
      {children}
    </>
  );
}
