import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DeleteReleaseForm, EditReleaseForm } from "@/components/releases/release-forms";
import { denyPage } from "@/components/ui/forbidden";
import { PageHead } from "@/components/ui/page-head";
import { refusal } from "@/server/auth/refusal";
import { getCtx } from "@/server/auth/session";
import { listRegions } from "@/server/compliance/regions";
import { isAppError } from "@/server/errors";
import { getRelease } from "@/server/releases/list";
import type { ReleaseView } from "@/server/releases/view";
import { formatCount, formatDateTime } from "@/lib/format";
import { deleteReleaseAction, updateReleaseAction } from "../actions";

export const metadata: Metadata = { title: "Edit release" };

export default async function EditReleasePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await getCtx();
  const denied = denyPage(refusal(ctx, "releases.write"));
  if (denied) return denied;
  let release: ReleaseView;
  try {
    release = await getRelease(ctx, id);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  const regions = await listRegions(ctx);
  return (
    <div className="page">
      <PageHead
        crumbs={[{ href: "/admin/releases", label: "Admin · Releases" }]}
        title={`Release ${release.version}`}
        description={`Published ${formatDateTime(release.createdAt)}${release.createdBy ? ` by ${release.createdBy}` : ""}; running on ${formatCount(release.satelliteCount, "satellite")}. The version cannot change; publish a new release for new bits.`}
      />
      <section className="card card-body">
        <EditReleaseForm
          action={updateReleaseAction}
          release={release}
          regions={regions.map((r) => ({ id: r.id, name: r.name }))}
        />
      </section>
      <section className="card">
        <div className="card-head">
          <h2>Delete</h2>
        </div>
        <div className="card-body">
          {release.rolloutCount > 0 ? (
            <div className="alert info">
              {release.rolloutCount === 1 ? "A rollout uses" : `${release.rolloutCount} rollouts use`} this
              release, so it is kept for their record and cannot be deleted.
            </div>
          ) : (
            <DeleteReleaseForm id={release.id} version={release.version} action={deleteReleaseAction} />
          )}
        </div>
      </section>
    </div>
  );
}
