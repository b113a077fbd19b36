import { PUBLIC_STATUS_COLOR, PUBLIC_STATUS_LABEL } from "@/lib/status/public-status";
import { formatUptimePct, overallUptime } from "@/lib/status/uptime";
import { operationalCount, sortWorstFirst } from "@/lib/status/worst-first";
import type { PublicComponent, PublicRegion } from "@/server/status/snapshot";
import type { PageUptime } from "@/server/status/uptime";
import styles from "./regions.module.css";
import { UptimeBar, UptimeScale } from "./uptime-bar";

/** Why a region's status is not simply its satellites', in the reader's words. */
const SOURCE_NOTE: Record<PublicRegion["source"], string | null> = {
  computed: null,
  incident: "Set by an open incident",
  pin: "Set by the operators",
  maintenance: "Planned maintenance",
};

/** Why a row's counts and its status disagree for a moment: the status is held until the change lasts. */
const SETTLING_NOTE: Record<NonNullable<PublicRegion["settling"]>, string> = {
  recovering: "Recovering",
  worsening: "Under watch",
};

// In a large region the operational sites fold away behind a count, so a problem in one corner stays in view.
const FOLD_AFTER = 8;

function StatusText({ status }: { status: PublicComponent["status"] }) {
  return (
    <span className={styles.state} data-tone={status}>
      {PUBLIC_STATUS_LABEL[status]}
    </span>
  );
}

function Site({ site, uptime }: { site: PublicComponent; uptime: PageUptime }) {
  const pct = overallUptime(uptime.components[site.id] ?? []);
  return (
    <li data-component={site.id}>
      <span className={styles.dot} style={{ background: PUBLIC_STATUS_COLOR[site.status] }} />
      <span className={styles.site}>
        {site.name}
        <small>
          {site.city}, {site.country}
        </small>
      </span>
      <span className={styles.pct} title="Uptime over 90 days">
        {pct === null ? "" : formatUptimePct(pct)}
      </span>
      <StatusText status={site.status} />
    </li>
  );
}

function Sites({ sites, uptime }: { sites: PublicComponent[]; uptime: PageUptime }) {
  const sorted = sortWorstFirst(sites);
  const troubled = sorted.filter((c) => c.status !== "operational");
  // Sites in trouble are listed; the operational ones fold behind a count when there are troubled ones
  // to read first, or too many to scan.
  const fold = troubled.length > 0 || sorted.length > FOLD_AFTER;
  const shown = fold ? (troubled.length > 0 ? troubled : sorted.slice(0, FOLD_AFTER)) : sorted;
  const folded = fold ? sorted.slice(shown.length) : [];
  return (
    <>
      <ul className={styles.sites}>
        {shown.map((c) => (
          <Site key={c.id} site={c} uptime={uptime} />
        ))}
      </ul>
      {folded.length > 0 && (
        <details className={styles.more}>
          <summary>
            Show {folded.length} {shown.length > troubled.length ? "more " : ""}operational{" "}
            {folded.length === 1 ? "site" : "sites"}
          </summary>
          <ul className={styles.sites}>
            {folded.map((c) => (
              <Site key={c.id} site={c} uptime={uptime} />
            ))}
          </ul>
        </details>
      )}
    </>
  );
}

/**
 * The page's regions as compact rows, worst first, each with how many of its sites are operational. A row
 * opens to its 90-day uptime and its sites; rows in trouble start open, operational ones closed.
 */
export function RegionRows({
  regions,
  uptime,
  incidentsByRegion,
}: {
  regions: PublicRegion[];
  uptime: PageUptime;
  incidentsByRegion: Map<string, Map<string, string[]>>;
}) {
  return (
    <div className={styles.regions}>
      {sortWorstFirst(regions).map((r) => {
        const days = uptime.regions[r.id] ?? [];
        const pct = formatUptimePct(overallUptime(days));
        const note = r.settling ? SETTLING_NOTE[r.settling] : SOURCE_NOTE[r.source];
        return (
          <details
            key={r.id}
            className={styles.region}
            open={r.status !== "operational"}
            data-region={r.id}
            data-status={r.status}
          >
            <summary>
              <span className={styles.dot} style={{ background: PUBLIC_STATUS_COLOR[r.status] }} />
              <span className={styles.name}>{r.name}</span>
              <small className={styles.meta}>
                {operationalCount(r.counts)}
                {note && ` · ${note}`}
              </small>
              <span className={styles.pct} title="Uptime over 90 days">
                {days.length > 0 ? pct : ""}
              </span>
              <StatusText status={r.status} />
              <span className={styles.chevron} aria-hidden="true" />
            </summary>
            <div className={styles.body}>
              <div>
                <UptimeBar
                  days={days}
                  incidentsByDay={incidentsByRegion.get(r.id)}
                  label={`${r.name}: ${pct} uptime over 90 days`}
                />
                <UptimeScale days={days} />
              </div>
              {r.components && r.components.length > 0 && <Sites sites={r.components} uptime={uptime} />}
            </div>
          </details>
        );
      })}
    </div>
  );
}
