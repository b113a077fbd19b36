import type { Metadata } from "next";
import { ComingNext } from "@/components/ui/coming-next";
import { denyPage } from "@/components/ui/forbidden";
import { getCtx } from "@/server/auth/session";

export const metadata: Metadata = { title: "Incidents" };

export default async function IncidentsPage() {
  const denied = denyPage(await getCtx(), "incidents.read");
  if (denied) return denied;
  return (
    <ComingNext
      title="Incidents"
      what="Incidents and maintenance windows, with their timelines and the public status pages they feed, will be managed here."
    />
  );
}
