import type { Metadata } from "next";
import Link from "next/link";
import { PageHead } from "@/components/ui/page-head";
import { RegionTag } from "@/components/ui/pills";
import { formatMbps } from "@/lib/fleet";
import { getCtx } from "@/server/auth/session";
import { fleetSummary } from "@/server/satellites/summary";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  const ctx = await getCtx();
  const summary = await fleetSummary(ctx);
  const c = summary.byConnectivity;
  const h = summary.byHealth;
  const kpis = [
    { label: "Satellites", value: summary.total, sub: "not decommissioned", href: "/satellites" },
    {
      label: "Connected",
      value: c.connected,
      sub: "reporting on time",
      href: "/satellites?connectivity=connected",
    },
    { label: "Stale", value: c.stale, sub: "heartbeats late", href: "/satellites?connectivity=stale" },
    {
      label: "Offline",
      value: c.offline,
      sub: "silent past the threshold",
      href: "/satellites?connectivity=offline",
    },
    {
      label: "Never seen",
      value: c.never_seen,
      sub: "agent not reporting yet",
      href: "/satellites?connectivity=never_seen",
    },
    {
      label: "Degraded or critical",
      value: h.degraded + h.critical,
      sub: "services reported unwell",
      href: "/satellites?health=degraded,critical",
    },
  ];
  const max = Math.max(1, ...summary.byRegion.map((r) => r.count));
  return (
    <div className="page">
      <PageHead
        title="Overview"
        description={`${summary.total.toLocaleString("en")} satellites in ${summary.byRegion.length} compliance regions · ${formatMbps(summary.uplinkMbps)} of contracted uplink`}
      />
      <div className="kpis">
        {kpis.map((k) => (
          <Link
            key={k.label}
            href={k.href}
            className="card kpi"
            style={{ color: "inherit", textDecoration: "none" }}
          >
            <div className="label">{k.label}</div>
            <div className="value">{k.value.toLocaleString("en")}</div>
            <div className="sub">{k.sub}</div>
          </Link>
        ))}
      </div>
      {c.connected + c.stale + c.offline === 0 && (
        <div className="alert info">
          No satellite has reported yet. Agents enroll with a join token (Admin → Join tokens) and report over
          the agent protocol; <code>npm run demo</code> starts a simulator that does this for the demo fleet.
        </div>
      )}
      <div className="grid grid-2">
        <section className="card">
          <div className="card-head">
            <h2>Satellites by compliance region</h2>
          </div>
          <div className="table-wrap">
            <table className="data">
              <tbody>
                {summary.byRegion.map((r) => (
                  <tr key={r.regionId}>
                    <td style={{ width: 150 }}>
                      <Link href={`/satellites?region=${r.regionId}`}>
                        <RegionTag id={r.regionId} color={r.color} />
                      </Link>
                    </td>
                    <td className="cell-sub">{r.name}</td>
                    <td style={{ width: "35%" }}>
                      <div className="bar">
                        <span style={{ width: `${(r.count / max) * 100}%`, background: r.color }} />
                      </div>
                    </td>
                    <td className="num" style={{ width: 60 }}>
                      {r.count}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
        <section className="card">
          <div className="card-head">
            <h2>Satellites by kind</h2>
          </div>
          <div className="card-body">
            <dl className="facts">
              {Object.entries(summary.byKind).map(([kind, count]) => (
                <div key={kind} style={{ display: "contents" }}>
                  <dt>
                    <Link href={`/satellites?kind=${kind}`}>{kind}</Link>
                  </dt>
                  <dd>{count.toLocaleString("en")}</dd>
                </div>
              ))}
            </dl>
          </div>
        </section>
      </div>
    </div>
  );
}
