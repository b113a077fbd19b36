import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TelemetryCharts } from "@/components/charts/telemetry-charts";
import { LiveRefresh } from "@/components/ui/live-refresh";
import { PageHead } from "@/components/ui/page-head";
import { countryName } from "@/lib/countries";
import type { TelemetryRange } from "@/lib/telemetry";
import { mayDo } from "@/server/auth/context";
import { getCtx } from "@/server/auth/session";
import { commandRefusal } from "@/server/commands/issue";
import { listCommands } from "@/server/commands/list";
import { isAppError } from "@/server/errors";
import { versionsOf } from "@/server/live/versions";
import { listReleases } from "@/server/releases/list";
import { enrollmentOf } from "@/server/satellites/enrollment";
import { getSatellite, type SatelliteDetail } from "@/server/satellites/get";
import { connectivityHistory } from "@/server/satellites/history";
import { statusReason } from "@/server/satellites/status-reason";
import { telemetryStartedAt } from "@/server/satellites/telemetry";
import { CapacityCard } from "./_components/capacity-card";
import { CommandsCard } from "./_components/commands-card";
import { ComplianceSection } from "./_components/compliance-section";
import { EnrollCard } from "./_components/enroll-card";
import { HistoryCard } from "./_components/history-card";
import { InventoryCard } from "./_components/inventory-card";
import { SatelliteKpis } from "./_components/satellite-kpis";
import { ServicesCard } from "./_components/services-card";
import { StatusBanner } from "./_components/status-banner";
import styles from "./satellite.module.css";

export const metadata: Metadata = { title: "Satellite" };

// What a live scope can name (server/live/scopes.ts); any other id is no satellite.
const LIVE_ID = /^[A-Za-z0-9_-]{1,100}$/;

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
  // The page keeps itself current (components/ui/live-refresh.tsx); its versions are read before its data,
  // so a change between the two shows on the first poll. An id no scope can name is a 404 below anyway.
  const scope = `satellite:${id}`;
  const live = LIVE_ID.test(id) ? await versionsOf(ctx, scope) : undefined;
  const now = new Date();
  let s: SatelliteDetail;
  try {
    s = await getSatellite(ctx, id, now);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  const history = await connectivityHistory(ctx, s.id, 15);
  const reason = statusReason(s, history);
  // A satellite never heard from is enrolled first: commands ride on heartbeats, so none could be delivered.
  const isNeverSeen = s.connectivity === "never_seen" && s.lifecycle !== "decommissioned";
  // Viewers get the record only; operators outside the satellite's regions get the reason instead of a form.
  const mayCommand = mayDo(ctx, "commands.write");
  const refusal = !mayCommand
    ? null
    : isNeverSeen
      ? `${s.slug} has never sent a heartbeat. Commands are delivered on heartbeats, so one sent now could never arrive: enroll its agent first.`
      : commandRefusal(ctx, [s]);
  const [commands, releases, telemetryStart, enrollment] = await Promise.all([
    listCommands(ctx, { satellite: s.slug, limit: 10 }),
    mayCommand && !refusal ? listReleases(ctx) : Promise.resolve([]),
    telemetryStartedAt(ctx, s.id),
    isNeverSeen ? enrollmentOf(ctx, s.id) : Promise.resolve(null),
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
          <>
            <LiveRefresh scopes={[scope]} initial={live} />
            {mayDo(ctx, "satellites.write") && s.lifecycle !== "decommissioned" && (
              <Link className="btn" href={`/admin/satellites/${s.id}`}>
                Edit in Admin
              </Link>
            )}
          </>
        }
      />
      <StatusBanner reason={reason} now={now} />
      <SatelliteKpis s={s} now={now} />
      {enrollment && (
        <EnrollCard s={s} enrollment={enrollment} mayManageTokens={mayDo(ctx, "tokens.manage")} now={now} />
      )}
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
      <ComplianceSection ctx={ctx} satelliteId={s.id} slug={s.slug} now={now} />
      <CommandsCard s={s} commands={commands} releases={releases} mayCommand={mayCommand} refusal={refusal} />
      <TelemetryCharts satelliteId={s.id} defaultRange={telemetryRangeFor(telemetryStart, now)} />
    </div>
  );
}
