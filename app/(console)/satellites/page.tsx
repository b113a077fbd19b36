import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import {
  BulkCommandBar,
  SatelliteSelection,
  SelectPageCell,
  SelectRowCell,
} from "@/components/commands/satellite-selection";
import { FleetFilters } from "@/components/filters/fleet-filters";
import { LinkUse } from "@/components/ui/link-use";
import { PageHead } from "@/components/ui/page-head";
import { ConnectivityPill, HealthPill, LifecyclePill, RegionTag } from "@/components/ui/pills";
import { describeConnectivity } from "@/lib/connectivity";
import { countryName } from "@/lib/countries";
import { LIFECYCLES, PAGE_SIZES, type SatelliteSort } from "@/lib/fleet";
import { FLEET_FILTER_KEYS } from "@/lib/fleet-map";
import { firstParam, withParams, type SearchParams } from "@/lib/search-params";
import { mayDo } from "@/server/auth/context";
import { getCtx } from "@/server/auth/session";
import { commandRefusal } from "@/server/commands/issue";
import { listRegions } from "@/server/compliance/regions";
import { isAppError } from "@/server/errors";
import { listReleases } from "@/server/releases/list";
import { listProviders, listSatellites, type SatellitePage } from "@/server/satellites/list";
import styles from "./satellites.module.css";

export const metadata: Metadata = { title: "Satellites" };

// Fixed widths (in the module) for every column whose values come from a short known set, so they do not
// shift from page to page or poll to poll; the satellite's name takes the rest. Lifecycle has no column:
// nearly every satellite is active, so only the exceptions show, beside the slug.
const COLUMNS: { label: string; sort?: SatelliteSort; width?: string }[] = [
  { label: "Satellite", sort: "name" },
  { label: "Location", sort: "country", width: styles.location },
  { label: "Kind", sort: "kind", width: styles.kind },
  { label: "Provider", sort: "provider", width: styles.provider },
  { label: "Region", sort: "region", width: styles.region },
  { label: "Stack", sort: "stackVersion", width: styles.stack },
  { label: "Connectivity", sort: "lastSeen", width: styles.connectivity },
  { label: "Health", width: styles.health },
  { label: "Link use", width: styles.linkUse },
];

export default async function SatellitesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const ctx = await getCtx();
  const now = new Date();
  const [regions, providers] = await Promise.all([listRegions(ctx), listProviders(ctx)]);
  let page: SatellitePage | null = null;
  let problem: string | null = null;
  try {
    page = await listSatellites(ctx, params, now);
  } catch (error) {
    if (!isAppError(error) || error.code !== "VALIDATION") throw error;
    problem = error.message;
  }
  const colorOf = new Map(regions.map((r) => [r.id, r.color]));
  const sort = firstParam(params.sort) ?? "name";
  const dir = firstParam(params.dir) === "desc" ? "desc" : "asc";
  const filterQuery = new URLSearchParams(
    [...FLEET_FILTER_KEYS, "lifecycle"].flatMap((k) => {
      const v = firstParam(params[k]);
      return v ? [[k, v]] : [];
    }),
  ).toString();
  const pages = page ? Math.max(1, Math.ceil(page.total / page.limit)) : 1;
  // Row selection and the bulk command bar are for those who may command; viewers get the plain list.
  const canCommand = mayDo(ctx, "commands.write");
  const refusals = new Map(page?.items.map((s) => [s.id, canCommand ? commandRefusal(ctx, [s]) : null]));
  const releases = canCommand
    ? (await listReleases(ctx)).map((r) => ({ version: r.version, regionIds: r.regionIds }))
    : [];

  return (
    <div className="page">
      <PageHead
        title="Satellites"
        description={page ? `${page.total.toLocaleString("en")} satellites match` : "The fleet inventory"}
      />
      <section className="card">
        <div className="list-toolbar">
          <Suspense>
            <FleetFilters
              regions={regions.map((r) => ({ id: r.id, name: r.name }))}
              providers={providers}
              extra={[
                {
                  name: "lifecycle",
                  label: "Lifecycle",
                  options: LIFECYCLES.map((l) => ({ value: l, label: l })),
                },
                {
                  name: "limit",
                  label: "Per page",
                  options: PAGE_SIZES.map((n) => ({ value: String(n), label: String(n) })),
                  defaultValue: "50",
                  width: 90,
                },
              ]}
            />
          </Suspense>
          <div className="list-actions">
            <Link className="btn" href={`/?${filterQuery}`}>
              Show on map
            </Link>
            <a className="btn" href={`/api/v1/satellites.csv?${filterQuery}`} download>
              Export CSV
            </a>
          </div>
        </div>
        {problem && (
          <div className="card-body">
            <div role="alert" className="alert error">
              These filters are not valid: {problem}
            </div>
          </div>
        )}
        {page && page.items.length === 0 && (
          <div className="empty">
            <h2>No satellites match</h2>
            <p>Loosen a filter or clear the search to see more of the fleet.</p>
          </div>
        )}
        {page && page.items.length > 0 && (
          <SatelliteSelection
            key={withParams(params, {})}
            pageIds={canCommand ? page.items.filter((s) => !refusals.get(s.id)).map((s) => s.id) : []}
          >
            {canCommand && <BulkCommandBar total={page.total} filter={filterQuery} releases={releases} />}
            <div className="table-wrap">
              <table className={`data ${styles.table}`}>
                <colgroup>
                  {canCommand && <col className={styles.select} />}
                  {COLUMNS.map((c) => (
                    <col key={c.label} className={c.width} />
                  ))}
                </colgroup>
                <thead>
                  <tr>
                    {canCommand && <SelectPageCell />}
                    {COLUMNS.map((c) => (
                      <th
                        key={c.label}
                        scope="col"
                        aria-sort={c.sort === sort ? (dir === "asc" ? "ascending" : "descending") : undefined}
                      >
                        {c.sort ? (
                          <Link
                            href={`/satellites${withParams(params, { sort: c.sort, dir: c.sort === sort && dir === "asc" ? "desc" : "asc", page: undefined })}`}
                          >
                            {c.label}
                            {c.sort === sort ? (dir === "asc" ? " ↑" : " ↓") : ""}
                          </Link>
                        ) : (
                          c.label
                        )}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((s) => (
                    <tr key={s.id}>
                      {canCommand && (
                        <SelectRowCell id={s.id} label={s.slug} refusal={refusals.get(s.id) ?? null} />
                      )}
                      <td>
                        <Link
                          className={`cell-main ${styles.clip}`}
                          href={`/satellites/${s.slug}`}
                          title={s.name}
                        >
                          {s.name}
                        </Link>
                        <div className={`cell-sub ${styles.subline}`}>
                          <span className={`mono ${styles.clip}`}>{s.slug}</span>
                          {s.lifecycle !== "active" && (
                            <LifecyclePill value={s.lifecycle} className={styles.compactPill} />
                          )}
                        </div>
                      </td>
                      <td className={styles.clip} title={`${s.city}, ${countryName(s.country)}`}>
                        {s.city}
                        <span className="muted">, {s.country}</span>
                      </td>
                      <td className={styles.clip}>{s.kind}</td>
                      <td className={styles.clip}>{s.provider}</td>
                      <td className={styles.clip}>
                        <RegionTag id={s.regionId} color={colorOf.get(s.regionId)} />
                      </td>
                      <td className={`mono ${styles.clip}`}>{s.stackVersion ?? "—"}</td>
                      <td>
                        <ConnectivityPill
                          value={s.connectivity}
                          title={describeConnectivity(
                            s.connectivity,
                            s.lastSeenAt ? new Date(s.lastSeenAt) : null,
                            s.heartbeatIntervalSec,
                            now,
                          )}
                        />
                      </td>
                      <td>
                        <HealthPill value={s.health} />
                      </td>
                      <td>
                        <LinkUse
                          rxMbps={s.rxMbps}
                          txMbps={s.txMbps}
                          downlinkMbps={s.downlinkMbps}
                          uplinkMbps={s.uplinkMbps}
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </SatelliteSelection>
        )}
        {page && page.total > 0 && (
          <nav className="pager" aria-label="Pages">
            <span>
              {((page.page - 1) * page.limit + 1).toLocaleString("en")}–
              {Math.min(page.page * page.limit, page.total).toLocaleString("en")} of{" "}
              {page.total.toLocaleString("en")}
            </span>
            <span className="row">
              {page.page > 1 ? (
                <Link
                  className="btn small"
                  rel="prev"
                  href={`/satellites${withParams(params, { page: page.page - 1 })}`}
                >
                  ← Previous
                </Link>
              ) : (
                <span className="btn small" aria-disabled="true" style={{ opacity: 0.5 }}>
                  ← Previous
                </span>
              )}
              <span className="muted">
                Page {page.page} of {pages}
              </span>
              {page.page < pages ? (
                <Link
                  className="btn small"
                  rel="next"
                  href={`/satellites${withParams(params, { page: page.page + 1 })}`}
                >
                  Next →
                </Link>
              ) : (
                <span className="btn small" aria-disabled="true" style={{ opacity: 0.5 }}>
                  Next →
                </span>
              )}
            </span>
          </nav>
        )}
      </section>
    </div>
  );
}
