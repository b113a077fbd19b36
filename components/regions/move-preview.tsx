import Link from "next/link";
import { TableFrame } from "@/components/tables/data-table";
import { RegionTag } from "@/components/ui/region-tag";
import { formatCount } from "@/lib/format";
import type { RegionPreview } from "@/server/compliance/save";
import styles from "./regions.module.css";

/** Moves listed in the preview; the count covers the rest. */
const LISTED = 200;

/**
 * What saving the new countries does before it is done: the countries added and removed, and every
 * satellite that changes region, from → to, with what that means for residency.
 */
export function MovePreview({
  preview,
  colorOf,
}: {
  preview: RegionPreview;
  colorOf: ReadonlyMap<string, string>;
}) {
  const { moves } = preview;
  const warnings = moves.filter((m) => m.residency).length;
  return (
    <section className={styles.previewPanel} aria-label="Satellites that would move" role="region">
      <h3>Before it applies</h3>
      {preview.isStale && (
        <div role="alert" className="alert info">
          The fleet or the countries changed since the last preview; this is what saving does now.
        </div>
      )}
      <p>
        {preview.countriesAdded.length > 0 && (
          <>
            Adds <span className="mono">{preview.countriesAdded.join(", ")}</span>.{" "}
          </>
        )}
        {preview.countriesRemoved.length > 0 && (
          <>
            Removes <span className="mono">{preview.countriesRemoved.join(", ")}</span> (those fall into
            whichever region lists them, otherwise global).{" "}
          </>
        )}
        {moves.length === 0
          ? "No satellite changes region: pinned and decommissioned satellites stay where they are."
          : `${formatCount(moves.length, "satellite")} would move${warnings ? `; ${warnings} would run a release not certified for its new region` : ""}.`}
      </p>
      {moves.length > 0 && (
        <TableFrame>
          <thead>
            <tr>
              <th scope="col">Satellite</th>
              <th scope="col">From</th>
              <th scope="col">To</th>
              <th scope="col">Residency</th>
            </tr>
          </thead>
          <tbody>
            {moves.slice(0, LISTED).map((m) => (
              <tr key={m.satelliteId} aria-label={m.slug}>
                <td>
                  <Link className="cell-main" href={`/satellites/${m.slug}`}>
                    {m.name}
                  </Link>
                  <div className="cell-sub mono">
                    {m.slug} · {m.country}
                  </div>
                </td>
                <td>
                  <RegionTag id={m.from} color={colorOf.get(m.from)} />
                </td>
                <td>
                  <RegionTag id={m.to} color={colorOf.get(m.to)} />
                </td>
                <td>
                  {m.residency ? (
                    <span className="pill warn">{m.residency}</span>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </TableFrame>
      )}
      {moves.length > LISTED && <p className="muted small">…and {moves.length - LISTED} more.</p>}
    </section>
  );
}
