import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { BulkCommandBar, SatelliteSelection } from "@/components/commands/satellite-selection";
import { FleetFilters } from "@/components/filters/fleet-filters";
import { DataTable } from "@/components/tables/data-table";
import { Pager } from "@/components/tables/pager";
import { PageHead } from "@/components/ui/page-head";
import { LIFECYCLES, PAGE_SIZES } from "@/lib/fleet";
import { FLEET_FILTER_KEYS } from "@/lib/fleet-map";
import { formatNumber } from "@/lib/format";
import { firstParam, withParams, type SearchParams } from "@/lib/search-params";
import { mayDo } from "@/server/auth/context";
import { getCtx } from "@/server/auth/session";
import { commandRefusal } from "@/server/commands/issue";
import { listRegions } from "@/server/compliance/regions";
import { isAppError, readableError } from "@/server/errors";
import { listReleases } from "@/server/releases/list";
import { listProviders, listSatellites, type SatellitePage } from "@/server/satellites/list";
import { satelliteColumns } from "./_components/satellite-columns";
import styles from "./satellites.module.css";

export const metadata: Metadata = { title: "Satellites" };

// Worst first by default (severity, then name: server/satellites/severity.ts); the columns and their fixed
// widths are in ./_components/satellite-columns.tsx.
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
    problem = readableError(error).message;
  }
  const colorOf = new Map(regions.map((r) => [r.id, r.color]));
  // The sort the list applied (severity unless the URL names another), so the right header is marked.
  const sort = page?.sort ?? "severity";
  const dir = page?.dir ?? "asc";
  const filterQuery = new URLSearchParams(
    [...FLEET_FILTER_KEYS, "lifecycle"].flatMap((k) => {
      const v = firstParam(params[k]);
      return v ? [[k, v]] : [];
    }),
  ).toString();
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
        description={page ? `${formatNumber(page.total)} satellites match` : "The fleet inventory"}
      />
      <section className="card">
        <div className={`list-toolbar ${styles.toolbar}`}>
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
        {page && (
          <SatelliteSelection
            key={withParams(params, {})}
            pageIds={canCommand ? page.items.filter((s) => !refusals.get(s.id)).map((s) => s.id) : []}
          >
            {canCommand && page.items.length > 0 && (
              <BulkCommandBar total={page.total} filter={filterQuery} releases={releases} />
            )}
            <DataTable
              columns={satelliteColumns({ canCommand, refusals, colorOf, now })}
              rows={page.items}
              rowKey={(s) => s.id}
              isFixed
              className={styles.table}
              sort={{
                by: sort,
                dir,
                href: (by, to) =>
                  `/satellites${withParams(params, { sort: by, dir: to, page: undefined, after: undefined, before: undefined })}`,
              }}
              empty={{
                title: "No satellites match",
                body: "Loosen a filter or clear the search to see more of the fleet.",
              }}
              footer={
                <Pager
                  page={page.page}
                  limit={page.limit}
                  total={page.total}
                  isAlwaysShown={page.total > 0}
                  // Next and previous carry the keyset cursor, so a deep page reads no rows before it.
                  href={(to) =>
                    `/satellites${withParams(params, {
                      page: to,
                      after: to > page.page ? (page.nextCursor ?? undefined) : undefined,
                      before: to < page.page ? (page.prevCursor ?? undefined) : undefined,
                    })}`
                  }
                />
              }
            />
          </SatelliteSelection>
        )}
      </section>
    </div>
  );
}
