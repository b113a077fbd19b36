import type { Metadata } from "next";
import Image from "next/image";
import { notFound } from "next/navigation";
import styles from "@/components/status/status.module.css";
import { UptimeBar } from "@/components/status/uptime-bar";
import { PUBLIC_STATUS_COLOR, PUBLIC_STATUS_LABEL, type PublicStatus } from "@/lib/status/public-status";
import { formatUptimePct, overallUptime } from "@/lib/status/uptime";
import { publicUrl } from "@/server/env";
import { keyQuery, readableSnapshot } from "@/server/status/access";
import type { PublicComponent, PublicIncident, PublicRegion } from "@/server/status/snapshot";
import { pageUptime, type PageUptime } from "@/server/status/uptime";
import { formatDateTime } from "@/lib/format";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const BANNER: Record<PublicStatus, string> = {
  operational: "All systems operational",
  under_maintenance: "Scheduled maintenance in progress",
  degraded_performance: "Some sites have degraded performance",
  partial_outage: "Partial outage",
  major_outage: "Major outage",
};

async function load({ params, searchParams }: Props) {
  const { slug } = await params;
  const key = (await searchParams).key;
  return readableSnapshot(slug, typeof key === "string" ? key : null);
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const snapshot = await load(props);
  if (!snapshot) return { title: "Status page not found" };
  const doc = snapshot.document;
  return {
    title: { absolute: `${doc.page.title} status` },
    description: doc.page.description || `Live status of ${doc.page.title}.`,
    // An unlisted page must not be indexed or discovered through search.
    robots: snapshot.page.visibility === "public" ? undefined : { index: false, follow: false },
    // Absolute links from configuration: a request's Host or X-Forwarded-* headers never choose them.
    alternates: {
      canonical: `${publicUrl()}/status/${doc.page.slug}${keyQuery(snapshot)}`,
      types: {
        "application/atom+xml": `${publicUrl()}/status/${doc.page.slug}/feed.atom${keyQuery(snapshot)}`,
      },
    },
  };
}

function Incident({ incident, maintenance = false }: { incident: PublicIncident; maintenance?: boolean }) {
  return (
    <article
      id={`incident-${incident.id}`}
      className={`${styles.incident} ${maintenance ? styles.maintenance : ""}`}
    >
      <h3>{incident.title}</h3>
      <div className={styles.meta}>
        {incident.impact} impact · started {formatDateTime(incident.startedAt)}
        {incident.regions.length > 0 && ` · ${incident.regions.join(", ")}`}
      </div>
      <ol>
        {incident.updates.map((u) => (
          <li key={u.at}>
            <strong>{u.status}</strong> — {u.body} <time dateTime={u.at}>{formatDateTime(u.at)}</time>
          </li>
        ))}
      </ol>
    </article>
  );
}

/** The public status page: no sign-in, only names, cities, regions and statuses. */
export default async function PublicStatusPage(props: Props) {
  const snapshot = await load(props);
  if (!snapshot) notFound();
  const uptime = await pageUptime(snapshot);
  const doc = snapshot.document;
  const key = keyQuery(snapshot);
  const accent = /^#[0-9a-f]{6}$/i.test(doc.page.accentColor ?? "") ? doc.page.accentColor : null;

  // Incidents by day and region, for the bars' tooltips.
  const incidentsByRegion = new Map<string, Map<string, string[]>>();
  for (const i of [...doc.activeIncidents, ...snapshot.history]) {
    const start = new Date(i.startedAt).getTime();
    const end = new Date(i.resolvedAt ?? doc.generatedAt).getTime();
    for (let t = Date.UTC(...ymd(start)); t <= end; t += 86_400_000) {
      const day = new Date(t).toISOString().slice(0, 10);
      for (const region of i.regions.length ? i.regions : doc.regions.map((r) => r.id)) {
        const days = incidentsByRegion.get(region) ?? new Map<string, string[]>();
        days.set(day, [...(days.get(day) ?? []), i.title]);
        incidentsByRegion.set(region, days);
      }
    }
  }

  return (
    <main
      className={styles.wrap}
      style={accent ? ({ "--page-accent": accent } as React.CSSProperties) : undefined}
    >
      <header className={styles.head}>
        {doc.page.logoUrl && (
          // Any admin-given URL: served as it is, not through Next's image optimizer.
          <Image src={doc.page.logoUrl} alt="" width={144} height={36} unoptimized />
        )}
        <div>
          <h1>{doc.page.title}</h1>
          {doc.page.description && <p>{doc.page.description}</p>}
        </div>
        <nav className={styles.links} aria-label="Subscribe">
          <a href={`/status/${doc.page.slug}/feed.atom${key}`}>Atom feed</a>
          <a href={`/api/status/${doc.page.slug}${key}`}>JSON</a>
        </nav>
      </header>

      <section
        className={styles.banner}
        style={{ background: PUBLIC_STATUS_COLOR[doc.overall] }}
        aria-label="Overall status"
        data-status={doc.overall}
      >
        <span>{BANNER[doc.overall]}</span>
        <small>
          Updated <time dateTime={doc.generatedAt}>{formatDateTime(doc.generatedAt)}</time>
        </small>
      </section>

      {doc.activeIncidents.length > 0 && (
        <section className={styles.section} aria-label="Active incidents">
          <h2>Active incidents</h2>
          <div className={styles.card}>
            {doc.activeIncidents.map((i) => (
              <Incident key={i.id} incident={i} />
            ))}
          </div>
        </section>
      )}

      {doc.maintenance.length > 0 && (
        <section className={styles.section} aria-label="Maintenance">
          <h2>Maintenance</h2>
          <div className={styles.card}>
            {doc.maintenance.map((m) => (
              <article
                key={m.id}
                id={`maintenance-${m.id}`}
                className={`${styles.incident} ${styles.maintenance}`}
              >
                <h3>
                  {m.title} {m.active ? "· in progress" : ""}
                </h3>
                <div className={styles.meta}>
                  {formatDateTime(m.startsAt)} – {formatDateTime(m.endsAt)}
                  {m.regions.length > 0 && ` · ${m.regions.join(", ")}`}
                </div>
                {m.description && <p>{m.description}</p>}
              </article>
            ))}
          </div>
        </section>
      )}

      <section className={styles.section} aria-label="Regions">
        <h2>Sites by region</h2>
        <div className={styles.card}>
          <div className={styles.scale} aria-hidden="true">
            <span>90 days ago</span>
            <span>{formatUptimePct(overallUptime(uptime.overall))} uptime overall</span>
            <span>Today</span>
          </div>
          {doc.regions.length === 0 && <p className={styles.empty}>No sites are on this page yet.</p>}
          {doc.regions.map((r) => {
            const days = uptime.regions[r.id] ?? [];
            const total = Object.values(r.counts).reduce((a, b) => a + b, 0);
            return (
              <details
                key={r.id}
                className={styles.region}
                open={r.status !== "operational"}
                data-region={r.id}
              >
                <summary>
                  <span className={styles.dot} style={{ background: PUBLIC_STATUS_COLOR[r.status] }} />
                  <span className={styles.name}>
                    {r.name}
                    <small>
                      {r.id} · {total} {total === 1 ? "site" : "sites"}
                    </small>
                  </span>
                  <span className={styles.state} style={{ color: PUBLIC_STATUS_COLOR[r.status] }}>
                    {PUBLIC_STATUS_LABEL[r.status]}
                  </span>
                  <span className={styles.uptime}>
                    <UptimeBar
                      days={days}
                      incidentsByDay={incidentsByRegion.get(r.id)}
                      label={`${r.name}: ${formatUptimePct(overallUptime(days))} uptime over 90 days`}
                    />
                    <span className={styles.pct}>{formatUptimePct(overallUptime(days))}</span>
                  </span>
                </summary>
                {r.components && (
                  <Components region={r} uptime={uptime} incidents={incidentsByRegion.get(r.id)} />
                )}
              </details>
            );
          })}
        </div>
      </section>

      <section className={styles.section} aria-label="Past incidents">
        <h2>Past incidents</h2>
        <div className={styles.card}>
          {snapshot.history.length === 0 ? (
            <p className={styles.empty}>No incidents in the last 90 days.</p>
          ) : (
            snapshot.history.slice(0, 30).map((i) => <Incident key={i.id} incident={i} />)
          )}
        </div>
      </section>

      <footer className={styles.foot}>
        <a href={`/api/status/${doc.page.slug}/badge.svg${key}`}>Status badge</a>
        <a href={`/status/${doc.page.slug}/feed.atom${key}`}>Subscribe (Atom)</a>
        <span>Powered by Orrery</span>
      </footer>
    </main>
  );
}

const FOLD_AFTER = 12;

/**
 * A region's satellites: those with a problem first; in a large region the operational ones fold away
 * behind a count, so an outage in one corner does not bury the page.
 */
function Components({
  region,
  uptime,
  incidents,
}: {
  region: PublicRegion;
  uptime: PageUptime;
  incidents: Map<string, string[]> | undefined;
}) {
  const list = region.components ?? [];
  const troubled = list.filter((c) => c.status !== "operational");
  const fine = list.filter((c) => c.status === "operational");
  const row = (c: PublicComponent) => {
    const own = uptime.components[c.id] ?? [];
    return (
      <li key={c.id} data-component={c.id}>
        <span>
          {c.name}
          <div className={styles.where}>
            {c.city}, {c.country}
          </div>
        </span>
        <UptimeBar
          days={own}
          incidentsByDay={incidents}
          label={`${c.name}: ${formatUptimePct(overallUptime(own))} uptime over 90 days`}
        />
        <span className={styles.state} style={{ color: PUBLIC_STATUS_COLOR[c.status] }}>
          {PUBLIC_STATUS_LABEL[c.status]}
        </span>
      </li>
    );
  };
  const fold = list.length > FOLD_AFTER && troubled.length > 0;
  return (
    <ul className={styles.components}>
      {(fold ? troubled : [...troubled, ...fine]).map(row)}
      {fold && fine.length > 0 && (
        <li className={styles.more}>
          <details>
            <summary>
              {fine.length} more {fine.length === 1 ? "site" : "sites"} operational
            </summary>
            <ul className={styles.components}>{fine.map(row)}</ul>
          </details>
        </li>
      )}
    </ul>
  );
}

function ymd(ms: number): [number, number, number] {
  const d = new Date(ms);
  return [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()];
}
