import type { Metadata } from "next";
import Link from "next/link";
import { TableFrame } from "@/components/tables/data-table";
import { Pager } from "@/components/tables/pager";
import { denyPage } from "@/components/ui/forbidden";
import { PageHead } from "@/components/ui/page-head";
import { LifecyclePill } from "@/components/ui/pills";
import { Time } from "@/components/ui/time";
import { countryName } from "@/lib/countries";
import { formatNumber } from "@/lib/format";
import { firstParam, withParams, type SearchParams } from "@/lib/search-params";
import { refusal } from "@/server/auth/refusal";
import { getCtx } from "@/server/auth/session";
import { listSatellites } from "@/server/satellites/list";

export const metadata: Metadata = { title: "Admin · Satellites" };

export default async function AdminSatellitesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const ctx = await getCtx();
  const denied = denyPage(refusal(ctx, "satellites.write"));
  if (denied) return denied;
  // A hand-edited address never fails the page: an over-long search is cut, a page that is no number is the first.
  const q = (firstParam(params.q) ?? "").trim().slice(0, 100);
  const pageParam = firstParam(params.page);
  const page = await listSatellites(ctx, {
    q,
    page: pageParam && /^[1-9]\d{0,4}$/.test(pageParam) ? pageParam : undefined,
    limit: 50,
    sort: "created",
    dir: "desc",
    lifecycle: ["pending", "active", "cordoned", "maintenance", "decommissioned"],
  });
  return (
    <div className="page">
      <PageHead
        title="Manage satellites"
        description="Register satellites ahead of their agents, edit their inventory, and decommission them."
        actions={
          <Link className="btn primary" href="/admin/satellites/new">
            Register satellite
          </Link>
        }
      />
      <section className="card">
        <form className="filters" method="get" role="search" aria-label="Find a satellite">
          <div className="field search">
            <label htmlFor="s-q">Search</label>
            <input id="s-q" name="q" type="search" defaultValue={q} placeholder="Name, slug, city…" />
          </div>
          <button className="btn" type="submit">
            Search
          </button>
        </form>
        <TableFrame>
          <thead>
            <tr>
              <th scope="col">Satellite</th>
              <th scope="col">Location</th>
              <th scope="col">Region</th>
              <th scope="col">Lifecycle</th>
              <th scope="col">Registered</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((s) => (
              <tr key={s.id}>
                <td>
                  <Link className="cell-main" href={`/satellites/${s.slug}`}>
                    {s.name}
                  </Link>
                  <div className="cell-sub mono">{s.slug}</div>
                </td>
                <td>
                  {s.city}, {countryName(s.country)}
                </td>
                <td>{s.regionId}</td>
                <td>
                  <LifecyclePill value={s.lifecycle} />
                </td>
                <td className="cell-sub">
                  <Time at={s.createdAt} />
                </td>
                <td className="num">
                  {s.lifecycle !== "decommissioned" && (
                    <Link
                      className="btn small"
                      href={`/admin/satellites/${s.id}`}
                      aria-label={`Edit ${s.name}`}
                    >
                      Edit
                    </Link>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </TableFrame>
        <Pager
          page={page.page}
          limit={page.limit}
          total={page.total}
          isAlwaysShown
          summary={`${formatNumber(page.total)} satellites, newest first`}
          href={(to) => `/admin/satellites${withParams(params, { page: to })}`}
        />
      </section>
    </div>
  );
}
