import type { Metadata } from "next";
import { CreateReleaseForm } from "@/components/releases/release-forms";
import { ReleaseTable } from "@/components/releases/release-table";
import { denyPage } from "@/components/ui/forbidden";
import { PageHead } from "@/components/ui/page-head";
import { refusal } from "@/server/auth/refusal";
import { getCtx } from "@/server/auth/session";
import { listRegions } from "@/server/compliance/regions";
import { listReleases } from "@/server/releases/list";
import { createReleaseAction } from "./actions";

export const metadata: Metadata = { title: "Admin · Releases" };

export default async function ReleasesPage() {
  const ctx = await getCtx();
  const denied = denyPage(refusal(ctx, "releases.write"));
  if (denied) return denied;
  const [releases, regions] = await Promise.all([listReleases(ctx), listRegions(ctx)]);
  return (
    <div className="page">
      <PageHead
        title="Releases"
        description="Stack versions operators may roll out, each certified for the compliance regions it may reach."
      />
      <section className="card">
        <ReleaseTable releases={releases} regionColors={new Map(regions.map((r) => [r.id, r.color]))} />
      </section>
      <section className="card">
        <div className="card-head">
          <h2>Publish a release</h2>
        </div>
        <div className="card-body">
          <CreateReleaseForm
            action={createReleaseAction}
            regions={regions.map((r) => ({ id: r.id, name: r.name }))}
          />
        </div>
      </section>
    </div>
  );
}
