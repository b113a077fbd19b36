import type { Metadata } from "next";
import { Suspense } from "react";
import { FleetFilters } from "@/components/filters/fleet-filters";
import { FleetOverview } from "@/components/map/fleet-overview";
import { MapPlaceholder } from "@/components/map/map-placeholder";
import { mayDo } from "@/server/auth/context";
import { getCtx } from "@/server/auth/session";
import { listRegions } from "@/server/compliance/regions";
import { env } from "@/server/env";
import { listProviders } from "@/server/satellites/list";
import styles from "./overview.module.css";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  const ctx = await getCtx();
  const [regions, providers] = await Promise.all([listRegions(ctx), listProviders(ctx)]);
  return (
    <div className={styles.overview}>
      <header className={styles.head}>
        <h1>Overview</h1>
        <Suspense>
          <FleetFilters
            regions={regions.map((r) => ({ id: r.id, name: r.name }))}
            providers={providers}
            showApply={false}
          />
        </Suspense>
      </header>
      <Suspense fallback={<MapPlaceholder isStage />}>
        <FleetOverview
          styleUrl={env.MAP_STYLE_URL ?? null}
          canCommand={mayDo(ctx, "commands.write")}
          scopeRegionIds={ctx.actor?.regionIds ?? null}
        />
      </Suspense>
    </div>
  );
}
