import type { Metadata } from "next";
import { StatusPageForm } from "@/components/forms/status-page-form";
import { denyPage } from "@/components/ui/forbidden";
import { PageHead } from "@/components/ui/page-head";
import { refusal } from "@/server/auth/refusal";
import { getCtx } from "@/server/auth/session";
import { listRegions } from "@/server/compliance/regions";
import { createStatusPageAction } from "../actions";

export const metadata: Metadata = { title: "New status page" };

export default async function NewStatusPage() {
  const ctx = await getCtx();
  const denied = denyPage(refusal(ctx, "status-pages.manage"));
  if (denied) return denied;
  const regions = await listRegions(ctx);
  return (
    <div className="page">
      <PageHead
        crumbs={[{ href: "/admin/status-pages", label: "Admin · Status pages" }]}
        title="New status page"
        description="Only names, cities, regions and statuses are ever shown publicly."
      />
      <section className="card card-body">
        <StatusPageForm
          action={createStatusPageAction}
          initial={{ visibility: "public", showSatellites: true }}
          regions={regions.map((r) => ({ id: r.id, name: r.name, color: r.color }))}
          submitLabel="Create status page"
        />
      </section>
    </div>
  );
}
