import Link from "next/link";
import { TableFrame } from "@/components/tables/data-table";
import { ConnectivityPill, LifecyclePill, RegionTag } from "@/components/ui/pills";
import type { AffectedSatellite } from "@/server/incidents/read";

/** The affected satellites with where they stand now; `editor` is the edit form, for those who may use it. */
export function AffectedSatellitesCard({
  satellites,
  editor,
}: {
  satellites: AffectedSatellite[];
  editor?: React.ReactNode;
}) {
  return (
    <section className="card" aria-labelledby="affected-heading">
      <div className="card-head">
        <h2 id="affected-heading">Affected satellites</h2>
        <span className="muted">{satellites.length}</span>
      </div>
      {satellites.length === 0 ? (
        <div className="empty">
          <p>No satellites are attached.</p>
        </div>
      ) : (
        <TableFrame>
          <thead>
            <tr>
              <th scope="col">Satellite</th>
              <th scope="col">Region</th>
              <th scope="col">Now</th>
            </tr>
          </thead>
          <tbody>
            {satellites.map((s) => (
              <tr key={s.id}>
                <td>
                  <Link className="cell-main" href={`/satellites/${s.slug}`}>
                    {s.name}
                  </Link>
                  <div className="cell-sub mono">
                    {s.slug} · {s.city}
                  </div>
                </td>
                <td>
                  <RegionTag id={s.regionId} />
                </td>
                <td>
                  <div className="row">
                    <ConnectivityPill value={s.connectivity} />
                    {s.lifecycle !== "active" && <LifecyclePill value={s.lifecycle} />}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </TableFrame>
      )}
      {editor && (
        <div className="card-body" style={{ borderTop: "1px solid var(--border)" }}>
          {editor}
        </div>
      )}
    </section>
  );
}
