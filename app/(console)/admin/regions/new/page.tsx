import type { Metadata } from "next";
import { RegionForm } from "@/components/regions/region-form";
import { denyPage } from "@/components/ui/forbidden";
import { PageHead } from "@/components/ui/page-head";
import { countryOptions } from "@/lib/countries";
import { refusal } from "@/server/auth/refusal";
import { getCtx } from "@/server/auth/session";
import { listRegionsForAdmin } from "@/server/compliance/admin";
import { createRegionAction } from "../actions";
import { regionChoices } from "../region-views";

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
          regions={regionChoices(regions)}
          countries={countryOptions()}
        />
      </section>
    </div>
  );
}
