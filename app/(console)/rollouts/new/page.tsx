import type { Metadata } from "next";
import Link from "next/link";
import { RolloutForm } from "@/components/rollouts/rollout-form";
import { denyPage } from "@/components/ui/forbidden";
import { PageHead } from "@/components/ui/page-head";
import { mayDo } from "@/server/auth/context";
import { refusal } from "@/server/auth/refusal";
import { getCtx } from "@/server/auth/session";
import { listRegions } from "@/server/compliance/regions";
import { env } from "@/server/env";
import { listReleases } from "@/server/releases/list";
import { createRolloutAction, previewRolloutAction } from "../actions";

export const metadata: Metadata = { title: "New rollout" };

export default async function NewRolloutPage() {
  const ctx = await getCtx();
  const denied = denyPage(refusal(ctx, "rollouts.write"));
  if (denied) return denied;
  const [releases, regions] = await Promise.all([listReleases(ctx), listRegions(ctx)]);
  const scope = ctx.actor?.regionIds;
  return (
    <div className="page">
      <PageHead
        crumbs={[{ href: "/rollouts", label: "Rollouts" }]}
        title="New rollout"
        description={
          scope
            ? `Your region scope: ${scope.join(", ")}. A selection reaching outside it is refused whole.`
            : "Choose a release and the satellites, then how it moves: the preview shows what it would do now."
        }
      />
      {releases.length === 0 ? (
        <section className="card empty">
          <h2>No release to roll out</h2>
          <p>
            An admin adds releases, with the regions they are certified for, under{" "}
            <Link href="/admin">Admin</Link>.
          </p>
        </section>
      ) : (
        <RolloutForm
          releases={releases}
          regions={regions.map((r) => ({ id: r.id, name: r.name, color: r.color }))}
          styleUrl={env.MAP_STYLE_URL ?? null}
          previewAction={previewRolloutAction}
          createAction={createRolloutAction}
          mayOverride={mayDo(ctx, "policies.manage")}
        />
      )}
    </div>
  );
}
