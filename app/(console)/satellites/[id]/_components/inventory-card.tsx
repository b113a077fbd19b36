import { RegionTag } from "@/components/ui/pills";
import { countryName } from "@/lib/countries";
import type { SatelliteDetail } from "@/server/satellites/get";
import { formatCoordinates } from "@/lib/format";
import styles from "../satellite.module.css";

/** What the satellite is and where: every inventory field and its labels. */
export function InventoryCard({ s }: { s: SatelliteDetail }) {
  const labels = Object.entries(s.labels);
  return (
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
          <dd className="mono">{formatCoordinates(s.lat, s.lon)}</dd>
          <dt>Compliance region</dt>
          <dd>
            <RegionTag id={s.region.id} color={s.region.color} />
            <div className="cell-sub">{s.region.name}</div>
            {s.isRegionPinned && <div className="cell-sub">chosen by an admin, not from the country</div>}
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
  );
}
