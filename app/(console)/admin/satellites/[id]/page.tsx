import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DecommissionForm } from "@/components/forms/decommission-form";
import { SatelliteForm } from "@/components/forms/satellite-form";
import { denyPage } from "@/components/ui/forbidden";
import { PageHead } from "@/components/ui/page-head";
import { countryOptions } from "@/lib/countries";
import { labelsToText } from "@/lib/fleet";
import { getCtx } from "@/server/auth/session";
import { listRegions } from "@/server/compliance/regions";
import { isAppError } from "@/server/errors";
import { getSatellite, type SatelliteDetail } from "@/server/satellites/get";
import { decommissionSatelliteAction, updateSatelliteAction } from "../actions";

export const metadata: Metadata = { title: "Edit satellite" };

export default async function EditSatellitePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await getCtx();
  const denied = denyPage(ctx, "satellites.write");
  if (denied) return denied;
  let s: SatelliteDetail;
  try {
    s = await getSatellite(ctx, id);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  const regions = await listRegions(ctx);
  const isRetired = s.lifecycle === "decommissioned";
  return (
    <div className="page">
      <PageHead
        crumbs={[
          { href: "/admin/satellites", label: "Admin · Satellites" },
          { href: `/satellites/${s.slug}`, label: s.slug },
        ]}
        title={`Edit ${s.name}`}
      />
      {isRetired ? (
        <div className="alert info">
          This satellite is decommissioned; its record is kept for history and cannot be edited.
        </div>
      ) : (
        <>
          <section className="card card-body">
            <SatelliteForm
              action={updateSatelliteAction}
              initial={{
                ...s,
                regionId: s.isRegionPinned ? s.regionId : "",
                labels: labelsToText(s.labels),
              }}
              regions={regions.map((r) => ({ id: r.id, name: r.name }))}
              countries={countryOptions()}
              submitLabel="Save changes"
            />
          </section>
          <section className="card">
            <div className="card-head">
              <h2>Decommission</h2>
            </div>
            <div className="card-body">
              <DecommissionForm id={s.id} slug={s.slug} action={decommissionSatelliteAction} />
            </div>
          </section>
        </>
      )}
    </div>
  );
}
