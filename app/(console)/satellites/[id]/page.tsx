import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TelemetryCharts } from "@/components/charts/telemetry-charts";
import { CommandComposer } from "@/components/commands/command-composer";
import { CommandsTable } from "@/components/commands/commands-table";
import { PageHead } from "@/components/ui/page-head";
import { ConnectivityPill, HealthPill, LifecyclePill, RegionTag } from "@/components/ui/pills";
import { describeConnectivity, offlineAfterSec, staleAfterSec } from "@/lib/connectivity";
import { countryName } from "@/lib/countries";
import { formatMbps } from "@/lib/fleet";
import { formatDateTime } from "@/lib/format";
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
  const labels = Object.entries(s.labels);
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
      <div className="kpis">
        <div className="card kpi">
          <div className="label">Connectivity</div>
          <div style={{ marginTop: 8 }}>
            <ConnectivityPill value={s.connectivity} />
          </div>
          <div className="sub" style={{ marginTop: 6 }}>
            {describeConnectivity(
              s.connectivity,
              s.lastSeenAt ? new Date(s.lastSeenAt) : null,
              s.heartbeatIntervalSec,
              now,
            )}
          </div>
        </div>
        <div className="card kpi">
          <div className="label">Health</div>
          <div style={{ marginTop: 8 }}>
            <HealthPill value={s.health} />
          </div>
          <div className="sub" style={{ marginTop: 6 }}>
            {s.health === "unknown" ? "No current report from the agent" : "As reported by the agent"}
          </div>
        </div>
        <div className="card kpi">
          <div className="label">Lifecycle</div>
          <div style={{ marginTop: 8 }}>
            <LifecyclePill value={s.lifecycle} />
          </div>
          <div className="sub" style={{ marginTop: 6 }}>
            {s.decommissionedAt
              ? `since ${formatDateTime(s.decommissionedAt)}`
              : `registered ${formatDateTime(s.createdAt)}`}
          </div>
        </div>
        <div className="card kpi">
          <div className="label">Stack / agent</div>
          <div className="value mono" style={{ fontSize: 18 }}>
            {s.stackVersion ?? "—"}
          </div>
          <div className="sub">agent {s.agentVersion ?? "not enrolled"}</div>
        </div>
      </div>
      {/* Two stacks instead of one grid, so a long history never stretches a short card beside it: what
          the satellite is on the left, what it is doing on the right. */}
      <div className={styles.columns}>
        <div className={styles.stack}>
          <section className="card">
            <div className="card-head">
              <h2>Inventory</h2>
            </div>
            <div className="card-body">
              <dl className={`facts ${styles.facts}`}>
                <dt>Name</dt>
                <dd>{s.name}</dd>
                <dt>Slug</dt>
                <dd className="mono">{s.slug}</dd>
                <dt>Kind</dt>
                <dd>{s.kind}</dd>
                <dt>Provider</dt>
                <dd className="nowrap">{s.provider}</dd>
                <dt>City</dt>
                <dd>{s.city}</dd>
                <dt>Country</dt>
                <dd>
                  {countryName(s.country)} <span className="muted">({s.country})</span>
                </dd>
                <dt>Coordinates</dt>
                <dd className="mono">
                  {s.lat.toFixed(4)}, {s.lon.toFixed(4)}
                </dd>
                <dt>Compliance region</dt>
                <dd>
                  <RegionTag id={s.region.id} color={s.region.color} />
                  <div className="cell-sub">{s.region.name}</div>
                  {s.isRegionPinned && (
                    <div className="cell-sub">chosen by an admin, not from the country</div>
                  )}
                </dd>
                <dt>Jurisdiction</dt>
                <dd>{s.region.jurisdiction}</dd>
                <dt>Satellite id</dt>
                <dd className={`mono ${styles.id}`}>{s.id}</dd>
                <dt>Labels</dt>
                <dd>
                  {labels.length === 0 ? (
                    <span className="muted">No labels.</span>
                  ) : (
                    <div className={styles.labels}>
                      {labels.map(([k, v]) => (
                        <span key={k} className="label-chip">
                          {k}={v}
                        </span>
                      ))}
                    </div>
                  )}
                </dd>
              </dl>
            </div>
          </section>
          <section className="card">
            <div className="card-head">
              <h2>Capacity and link</h2>
            </div>
            <div className="card-body">
              <dl className={`facts ${styles.facts}`}>
                <dt>Compute</dt>
                <dd>{s.cpuCores.toLocaleString("en")} cores</dd>
                <dt>Memory</dt>
                <dd>{s.memoryGb.toLocaleString("en")} GB</dd>
                <dt>Storage</dt>
                <dd>{s.storageTb.toLocaleString("en")} TB</dd>
                <dt>Uplink (contracted)</dt>
                <dd>{formatMbps(s.uplinkMbps)}</dd>
                <dt>Downlink (contracted)</dt>
                <dd>{formatMbps(s.downlinkMbps)}</dd>
                <dt>Current traffic</dt>
                <dd>
                  {s.rxMbps !== null && s.txMbps !== null ? (
                    <>
                      <span className="nowrap">{formatMbps(s.rxMbps)} in</span> ·{" "}
                      <span className="nowrap">{formatMbps(s.txMbps)} out</span>
                    </>
                  ) : (
                    "no current report"
                  )}
                </dd>
                <dt>Heartbeat</dt>
                <dd>
                  <span className="nowrap">every {s.heartbeatIntervalSec} s</span> ·{" "}
                  <span className="nowrap">stale after {staleAfterSec(s.heartbeatIntervalSec)} s</span> ·{" "}
                  <span className="nowrap">
                    offline after {Math.round(offlineAfterSec(s.heartbeatIntervalSec) / 60)} min
                  </span>
                </dd>
                <dt>Last seen</dt>
                <dd className="nowrap">{formatDateTime(s.lastSeenAt)}</dd>
              </dl>
            </div>
          </section>
        </div>
        <div className={styles.stack}>
          <section className="card">
            <div className="card-head">
              <h2>Services</h2>
            </div>
            <div className="card-body">
              {s.services ? (
                <dl className={`facts ${styles.facts}`}>
                  {Object.entries(s.services).map(([name, status]) => (
                    <div key={name} style={{ display: "contents" }}>
                      <dt>{name}</dt>
                      <dd>
                        <span
                          className={`pill ${status === "ok" ? "ok" : status === "degraded" ? "warn" : "bad"}`}
                        >
                          {status}
                        </span>
                      </dd>
                    </div>
                  ))}
                </dl>
              ) : (
                <span className="muted">
                  {s.connectivity === "never_seen"
                    ? "The agent has not reported yet."
                    : "No current report: services are shown only while the satellite is reporting."}
                </span>
              )}
            </div>
          </section>
          <section className="card">
            <div className="card-head">
              <h2>Connectivity history</h2>
              <span className="muted">newest first</span>
            </div>
            {history.length === 0 ? (
              <div className="card-body muted">No changes recorded yet.</div>
            ) : (
              <div className="table-wrap">
                <table className={`data ${styles.history}`}>
                  <tbody>
                    {history.map((h) => (
                      <tr key={h.at + h.to}>
                        <td className="nowrap">
                          <time dateTime={h.at} title={h.at}>
                            {formatDateTime(h.at)}
                          </time>
                        </td>
                        <td className="nowrap">
                          <ConnectivityPill value={h.from} /> → <ConnectivityPill value={h.to} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </div>
      </div>
      <section className="card" aria-labelledby="commands-title">
        <div className="card-head">
          <h2 id="commands-title">Commands</h2>
          <Link href={`/commands?satellite=${encodeURIComponent(s.slug)}`}>
            {commands.total > commands.items.length
              ? `All ${commands.total} commands`
              : "On the Commands page"}{" "}
            →
          </Link>
        </div>
        {mayCommand && (
          <div className="card-body">
            {refusal ? (
              <div role="note" className="alert info">
                {refusal}
              </div>
            ) : (
              <CommandComposer
                target={{ satelliteIds: [s.id] }}
                releases={releases.map((r) => ({ version: r.version, regionIds: r.regionIds }))}
                regionIds={[s.regionId]}
              />
            )}
          </div>
        )}
        {commands.items.length === 0 ? (
          <div className="card-body muted">No commands have been sent to this satellite.</div>
        ) : (
          <CommandsTable items={commands.items} showSatellite={false} />
        )}
      </section>
      <TelemetryCharts satelliteId={s.id} defaultRange={telemetryRangeFor(telemetryStart, now)} />
    </div>
  );
}
