import type { Metadata } from "next";
import Image from "next/image";
import { notFound } from "next/navigation";
import { ActiveIncident, Maintenance, PastIncident } from "@/components/status/incidents";
import { RegionRows } from "@/components/status/region-rows";
import { StatusBanner } from "@/components/status/status-banner";
import { SubscribeSection } from "./subscribe-section";
import styles from "@/components/status/status.module.css";
import { UptimeBar, UptimeScale } from "@/components/status/uptime-bar";
import { formatUptimePct, overallUptime } from "@/lib/status/uptime";
import { publicUrl } from "@/server/env";
import { keyQuery, readableSnapshot } from "@/server/status/access";
import type { PublicIncident } from "@/server/status/snapshot";
import { pageUptime } from "@/server/status/uptime";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// Past incidents listed before the rest fold behind a count.
const HISTORY_SHOWN = 8;
const DAY_MS = 86_400_000;

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

/** Incident titles by region and day, for the bars' tooltips; an incident naming no site covers them all. */
function incidentsByRegion(incidents: PublicIncident[], allRegions: string[], until: string) {
  const out = new Map<string, Map<string, string[]>>();
  for (const i of incidents) {
    const start = new Date(i.startedAt);
    const end = new Date(i.resolvedAt ?? until).getTime();
    for (
      let t = Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate());
      t <= end;
      t += DAY_MS
    ) {
      const day = new Date(t).toISOString().slice(0, 10);
      for (const region of i.regions.length ? i.regions : allRegions) {
        const days = out.get(region) ?? new Map<string, string[]>();
        days.set(day, [...(days.get(day) ?? []), i.title]);
        out.set(region, days);
      }
    }
  }
  return out;
}

/**
 * The public status page: no sign-in, only names, cities, regions and statuses. It reads top-down at a
 * glance: the overall status in words, what is happening now, the regions worst first, then the past.
 */
export default async function PublicStatusPage(props: Props) {
  const snapshot = await load(props);
  if (!snapshot) notFound();
  const uptime = await pageUptime(snapshot);
  const doc = snapshot.document;
  const key = keyQuery(snapshot);
  const accent = /^#[0-9a-f]{6}$/i.test(doc.page.accentColor ?? "") ? doc.page.accentColor : null;
  const names = new Map(doc.regions.map((r) => [r.id, r.name]));
  const byRegion = incidentsByRegion(
    [...doc.activeIncidents, ...snapshot.history],
    doc.regions.map((r) => r.id),
    doc.generatedAt,
  );
  const history = snapshot.history;

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
        <div className={styles.title}>
          <h1>{doc.page.title}</h1>
          {doc.page.description && <p>{doc.page.description}</p>}
        </div>
        <nav className={styles.links} aria-label="Subscribe">
          <a href="#subscribe">Get updates</a>
          <a href={`/status/${doc.page.slug}/feed.atom${key}`}>Atom feed</a>
          <a href={`/api/status/${doc.page.slug}${key}`}>JSON</a>
        </nav>
      </header>

      <StatusBanner doc={doc} />

      {doc.activeIncidents.length > 0 && (
        <section className={styles.section} aria-label="Active incidents">
          <h2>Active incidents</h2>
          <div className={styles.card}>
            {doc.activeIncidents.map((i) => (
              <ActiveIncident key={i.id} incident={i} names={names} />
            ))}
          </div>
        </section>
      )}

      {doc.maintenance.length > 0 && (
        <section className={styles.section} aria-label="Maintenance">
          <h2>Maintenance</h2>
          <div className={styles.card}>
            {doc.maintenance.map((m) => (
              <Maintenance key={m.id} window={m} names={names} />
            ))}
          </div>
        </section>
      )}

      <section className={styles.section} aria-label="Regions">
        <h2>Sites by region</h2>
        <div className={styles.card}>
          {doc.regions.length === 0 ? (
            <p className={styles.empty}>No sites are on this page yet.</p>
          ) : (
            <>
              <div className={styles.overall}>
                <div className={styles.overallHead}>
                  <strong>All sites</strong>
                  <span>Uptime by day</span>
                </div>
                <UptimeBar
                  days={uptime.overall}
                  incidentsByDay={mergeDays(byRegion)}
                  label={`All sites: ${formatUptimePct(overallUptime(uptime.overall))} uptime over 90 days`}
                />
                <UptimeScale days={uptime.overall} />
              </div>
              <RegionRows regions={doc.regions} uptime={uptime} incidentsByRegion={byRegion} />
            </>
          )}
        </div>
      </section>

      <section className={styles.section} aria-label="Past incidents">
        <h2>Past incidents</h2>
        <div className={styles.card}>
          {history.length === 0 ? (
            <p className={styles.empty}>No incidents in the last 90 days.</p>
          ) : (
            history.slice(0, HISTORY_SHOWN).map((i) => <PastIncident key={i.id} incident={i} names={names} />)
          )}
          {history.length > HISTORY_SHOWN && (
            <p className={styles.empty}>
              {history.length - HISTORY_SHOWN} earlier incidents are in the{" "}
              <a href={`/status/${doc.page.slug}/feed.atom${key}`}>Atom feed</a>.
            </p>
          )}
        </div>
      </section>

      <SubscribeSection snapshot={snapshot} />

      <footer className={styles.foot}>
        <a href={`/api/status/${doc.page.slug}/badge.svg${key}`}>Status badge</a>
        <a href={`/status/${doc.page.slug}/feed.atom${key}`}>Subscribe (Atom)</a>
        <span>Powered by Orrery</span>
      </footer>
    </main>
  );
}

/** Every region's incident titles for a day, once each: the tooltips of the all-sites bar. */
function mergeDays(byRegion: Map<string, Map<string, string[]>>): Map<string, string[]> {
  const out = new Map<string, Set<string>>();
  for (const days of byRegion.values()) {
    for (const [day, titles] of days) out.set(day, new Set([...(out.get(day) ?? []), ...titles]));
  }
  return new Map([...out].map(([day, titles]) => [day, [...titles]]));
}
