import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RegionForm } from "@/components/regions/region-form";
import { RegionButtonForm, RetireRegionForm } from "@/components/regions/region-lifecycle";
import { denyPage } from "@/components/ui/forbidden";
import { PageHead } from "@/components/ui/page-head";
import { RegionTag } from "@/components/ui/region-tag";
import { Time } from "@/components/ui/time";
import { countryOptions } from "@/lib/countries";
import { formatCount } from "@/lib/format";
import { firstParam, type SearchParams } from "@/lib/search-params";
import { refusal } from "@/server/auth/refusal";
import { getCtx } from "@/server/auth/session";
import { listRegionsForAdmin, type RegionAdminView } from "@/server/compliance/admin";
import { deleteRegionAction, restoreRegionAction, retireRegionAction, updateRegionAction } from "../actions";
import { regionChoices, residencyText } from "../region-views";

export const metadata: Metadata = { title: "Edit region" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

/** What keeps a region from being deleted, each with a link to it where the console lists it. */
function Holds({ region: r }: { region: RegionAdminView }) {
  const satellites = `/satellites?region=${encodeURIComponent(r.id)}`;
  return (
    <ul>
      {r.satelliteCount > 0 && (
        <li>
          <Link href={satellites}>{formatCount(r.satelliteCount, "satellite")}</Link> in it
        </li>
      )}
      {r.decommissionedCount > 0 && (
        <li>
          <Link href={`${satellites}&lifecycle=decommissioned`}>
            {formatCount(r.decommissionedCount, "decommissioned satellite")}
          </Link>{" "}
          keeping it in their history
        </li>
      )}
      {r.userCount > 0 && (
        <li>
          <Link href="/admin/users">{formatCount(r.userCount, "user")}</Link> scoped to it
        </li>
      )}
      {r.statusPageCount > 0 && (
        <li>
          <Link href="/admin/status-pages">{formatCount(r.statusPageCount, "status page")}</Link> showing it
        </li>
      )}
    </ul>
  );
}

export default async function EditRegionPage({ params, searchParams }: Props) {
  const ctx = await getCtx();
  const denied = denyPage(refusal(ctx, "regions.manage"));
  if (denied) return denied;
  const { id } = await params;
  const flags = await searchParams;
  const regions = await listRegionsForAdmin(ctx);
  const region = regions.find((r) => r.id === id);
  if (!region) notFound();
  const isHeld =
    region.satelliteCount + region.decommissionedCount + region.userCount + region.statusPageCount > 0;
  const moved = Number(firstParam(flags.moved) ?? 0);
  return (
    <div className="page">
      <PageHead
        crumbs={[{ href: "/admin/regions", label: "Admin · Regions" }]}
        title={<RegionTag id={region.id} name={region.name} color={region.color} isNamed />}
        description={`${region.id} · ${region.jurisdiction} · data ${residencyText(region)} · ${formatCount(region.satelliteCount, "satellite")}`}
      />
      {(firstParam(flags.saved) || firstParam(flags.created)) && (
        <div role="status" className="alert ok">
          {firstParam(flags.created) ? "Region created" : "Saved"}
          {moved ? `; ${formatCount(moved, "satellite")} moved, each recorded in the audit log.` : "."}
        </div>
      )}
      {region.retiredAt && (
        <div role="status" className="alert info">
          Retired <Time at={region.retiredAt} />: offered for nothing new; its satellites stay in it.
        </div>
      )}
      <section className="card card-body">
        <RegionForm
          action={updateRegionAction}
          initial={region}
          regions={regionChoices(regions)}
          countries={countryOptions()}
        />
      </section>
      {region.id !== "global" && (
        <section className="card">
          <div className="card-head">
            <h2>{region.retiredAt ? "Restore" : "Retire"}</h2>
          </div>
          <div className="card-body">
            {region.retiredAt ? (
              <RegionButtonForm
                id={region.id}
                action={restoreRegionAction}
                label={`Restore ${region.name}`}
              />
            ) : (
              <RetireRegionForm id={region.id} name={region.name} action={retireRegionAction} />
            )}
          </div>
        </section>
      )}
      {region.id !== "global" && (
        <section className="card">
          <div className="card-head">
            <h2>Delete</h2>
          </div>
          <div className="card-body">
            {isHeld ? (
              <div className="alert info">
                {region.name} cannot be deleted while something uses it:
                <Holds region={region} />
                {region.retiredAt
                  ? "It stays retired for the record."
                  : "Retire it instead; it stays for the record."}
              </div>
            ) : (
              <RegionButtonForm
                id={region.id}
                action={deleteRegionAction}
                label={`Delete ${region.name}`}
                confirm={`Delete ${region.name}? ${region.releaseCount ? `${formatCount(region.releaseCount, "release")} lose their certification for it. ` : ""}This cannot be undone.`}
                isDanger
              />
            )}
          </div>
        </section>
      )}
    </div>
  );
}
