import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TelemetryCharts } from "@/components/charts/telemetry-charts";
import { PageHead } from "@/components/ui/page-head";
import { countryName } from "@/lib/countries";
import type { TelemetryRange } from "@/lib/telemetry";
import { mayDo } from "@/server/auth/context";
import { getCtx } from "@/server/auth/session";
import { commandRefusal } from "@/server/commands/issue";
import { listCommands } from "@/server/commands/list";
import { isAppError } from "@/server/errors";
import { listReleases } from "@/server/releases/list";
import { getSatellite, type SatelliteDetail } from "@/server/satellites/get";
import { connectivityHistory } from "@/server/satellites/history";
import { telemetryStartedAt } from "@/server/satellites/telemetry";
import { CapacityCard } from "./_components/capacity-card";
import { CommandsCard } from "./_components/commands-card";
import { HistoryCard } from "./_components/history-card";
import { InventoryCard } from "./_components/inventory-card";
import { SatelliteKpis } from "./_components/satellite-kpis";
import { ServicesCard } from "./_components/services-card";
import styles from "./satellite.module.css";

export const metadata: Metadata = { title: "Satellite" };

// Under two hours of history would be a sliver at the right edge of a 24 h chart.
const SHORT_HISTORY_MS = 2 * 3_600_000;

function telemetryRangeFor(startedAt: Date | null, now: Date): TelemetryRange {
  // A satellite that has not reported yet opens on 1 h too, which polls fastest once it does.
  return !startedAt || now.getTime() - startedAt.getTime() < SHORT_HISTORY_MS ? "1h" : "24h";
}

export default async function SatellitePage({ params }: { params: Promise<{ id: string }> }) {
  // Next hands params over decoded; a malformed escape never gets here (server/http/malformed-path.ts).
  const { id } = await params;
  const ctx = await getCtx();
  const now = new Date();
  let s: SatelliteDetail;
  try {
    s = await getSatellite(ctx, id, now);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  const history = await connectivityHistory(ctx, s.id, 15);
  // Viewers get the record only; operators outside the satellite's regions get the reason instead of a form.
  const mayCommand = mayDo(ctx, "commands.write");
  const refusal = mayCommand ? commandRefusal(ctx, [s]) : null;
  const [commands, releases, telemetryStart] = await Promise.all([
    listCommands(ctx, { satellite: s.slug, limit: 10 }),
    mayCommand && !refusal ? listReleases(ctx) : Promise.resolve([]),
    telemetryStartedAt(ctx, s.id),
  ]);
  return (
    <div className="page">
      <PageHead
        crumbs={[{ href: "/satellites", label: "Satellites" }]}
        title={s.name}
        description={
          <>
            <span className="mono">{s.slug}</span> · {s.city}, {countryName(s.country)} · {s.kind} ·{" "}
            {s.provider}
          </>
        }
        actions={
          mayDo(ctx, "satellites.write") && s.lifecycle !== "decommissioned" ? (
            <Link className="btn" href={`/admin/satellites/${s.id}`}>
              Edit in Admin
            </Link>
          ) : undefined
        }
      />
      <SatelliteKpis s={s} now={now} />
      {/* Two stacks instead of one grid, so a long history never stretches a short card beside it: what
          the satellite is on the left, what it is doing on the right. */}
      <div className={styles.columns}>
        <div className={styles.stack}>
          <InventoryCard s={s} />
          <CapacityCard s={s} />
        </div>
        <div className={styles.stack}>
          <ServicesCard s={s} />
          <HistoryCard history={history} />
        </div>
      </div>
      <CommandsCard s={s} commands={commands} releases={releases} mayCommand={mayCommand} refusal={refusal} />
      <TelemetryCharts satelliteId={s.id} defaultRange={telemetryRangeFor(telemetryStart, now)} />
    </div>
  );
}
