import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DecommissionForm } from "@/components/forms/decommission-form";
import { RevokeCredentialsForm } from "@/components/forms/revoke-credentials-form";
import { SatelliteForm } from "@/components/forms/satellite-form";
import { TableFrame } from "@/components/tables/data-table";
import { denyPage } from "@/components/ui/forbidden";
import { PageHead } from "@/components/ui/page-head";
import { countryOptions } from "@/lib/countries";
import { labelsToText } from "@/lib/fleet";
import { listAgentCredentials } from "@/server/agents/credentials";
import { refusal } from "@/server/auth/refusal";
import { getCtx } from "@/server/auth/session";
import { listRegions } from "@/server/compliance/regions";
import { publicUrl } from "@/server/env";
import { isAppError } from "@/server/errors";
import { getSatellite, type SatelliteDetail } from "@/server/satellites/get";
import { Time } from "@/components/ui/time";
import { decommissionSatelliteAction, revokeCredentialsAction, updateSatelliteAction } from "../actions";

export const metadata: Metadata = { title: "Edit satellite" };

const CREDENTIAL_TONE = { active: "ok", expiring: "info", expired: "", revoked: "bad" } as const;

export default async function EditSatellitePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await getCtx();
  const denied = denyPage(refusal(ctx, "satellites.write"));
  if (denied) return denied;
  let s: SatelliteDetail;
  try {
    s = await getSatellite(ctx, id);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  const [regions, credentials] = await Promise.all([
    listRegions(ctx),
    listAgentCredentials(ctx, { satelliteId: s.id }),
  ]);
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
          <section className="card" aria-labelledby="credentials-heading">
            <div className="card-head">
              <h2 id="credentials-heading">Agent credentials</h2>
            </div>
            {credentials.length === 0 ? (
              <div className="card-body muted">No agent has enrolled for this satellite yet.</div>
            ) : (
              <TableFrame>
                <thead>
                  <tr>
                    <th scope="col">Token</th>
                    <th scope="col">Status</th>
                    <th scope="col">Issued</th>
                    <th scope="col">Ends</th>
                  </tr>
                </thead>
                <tbody>
                  {credentials.map((c) => (
                    <tr key={c.id}>
                      <td className="mono">orr_agent_{c.hint}</td>
                      <td>
                        <span className={`pill ${CREDENTIAL_TONE[c.status]}`}>{c.status}</span>
                        {c.isPendingRotation && <div className="cell-sub">rotation, not used yet</div>}
                      </td>
                      <td className="cell-sub">
                        <Time at={c.createdAt} />
                      </td>
                      <td className="cell-sub">
                        <Time at={c.revokedAt ?? c.expiresAt} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </TableFrame>
            )}
            <div className="card-body">
              <RevokeCredentialsForm
                id={s.id}
                slug={s.slug}
                core={publicUrl()}
                action={revokeCredentialsAction}
              />
            </div>
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
