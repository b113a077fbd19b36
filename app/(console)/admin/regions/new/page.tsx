import type { Metadata } from "next";
import { RegionForm } from "@/components/regions/region-form";
import { denyPage } from "@/components/ui/forbidden";
import { PageHead } from "@/components/ui/page-head";
import { countryOptions } from "@/lib/countries";
import { refusal } from "@/server/auth/refusal";
import { getCtx } from "@/server/auth/session";
import { listRegionsForAdmin } from "@/server/compliance/admin";
import { createRegionAction } from "../actions";

export const metadata: Metadata = { title: "New region" };

export default async function NewRegionPage() {
  const ctx = await getCtx();
  const denied = denyPage(refusal(ctx, "regions.manage"));
  if (denied) return denied;
  const regions = await listRegionsForAdmin(ctx);
  return (
    <div className="page">
      <PageHead
        crumbs={[{ href: "/admin/regions", label: "Admin · Regions" }]}
        title="New region"
        description="Satellites in its countries move into it once you confirm the preview."
      />
      <section className="card card-body">
        <RegionForm
          action={createRegionAction}
          initial={null}
          regions={regions.map((r) => ({
            id: r.id,
            name: r.name,
            color: r.color,
            countries: r.countries,
            isRetired: r.retiredAt !== null,
          }))}
          countries={countryOptions()}
        />
      </section>
    </div>
  );
}
