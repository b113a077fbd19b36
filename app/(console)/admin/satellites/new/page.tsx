import type { Metadata } from "next";
import { SatelliteForm } from "@/components/forms/satellite-form";
import { denyPage } from "@/components/ui/forbidden";
import { PageHead } from "@/components/ui/page-head";
import { countryOptions } from "@/lib/countries";
import { refusal } from "@/server/auth/refusal";
import { getCtx } from "@/server/auth/session";
import { listRegions } from "@/server/compliance/regions";
import { registerSatelliteAction } from "../actions";

export const metadata: Metadata = { title: "Register satellite" };

export default async function NewSatellitePage() {
  const ctx = await getCtx();
  const denied = denyPage(refusal(ctx, "satellites.write"));
  if (denied) return denied;
  const regions = await listRegions(ctx);
  return (
    <div className="page">
      <PageHead
        crumbs={[{ href: "/admin/satellites", label: "Admin · Satellites" }]}
        title="Register a satellite"
        description="The satellite stays pending until its agent enrolls with a join token."
      />
      <section className="card card-body">
        <SatelliteForm
          action={registerSatelliteAction}
          initial={{ kind: "edge", provider: "own", heartbeatIntervalSec: 10 }}
          regions={regions.map((r) => ({ id: r.id, name: r.name }))}
          countries={countryOptions()}
          submitLabel="Register satellite"
        />
      </section>
    </div>
  );
}
