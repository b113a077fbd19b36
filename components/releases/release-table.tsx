import Link from "next/link";
import { RegionTag } from "@/components/ui/pills";
import type { ReleaseView } from "@/server/releases/view";
import styles from "./releases.module.css";

function formatMb(mb: number): string {
  return `${mb.toLocaleString("en", { maximumFractionDigits: 1 })} MB`;
}

/** Up to this many regions show as tags in the row; more fold into a count that opens the list. */
const INLINE_REGIONS = 3;

/** The certified regions, short enough to keep the row one line tall: tags, or a count that opens the list. */
function CertifiedRegions({
  regionIds,
  regionColors,
}: {
  regionIds: string[];
  regionColors: Map<string, string>;
}) {
  const tags = (
    <div className={styles.regions}>
      {regionIds.map((id) => (
        <RegionTag key={id} id={id} color={regionColors.get(id)} />
      ))}
    </div>
  );
  if (regionIds.length <= INLINE_REGIONS) return tags;
  const isEvery = regionColors.size > 0 && [...regionColors.keys()].every((id) => regionIds.includes(id));
  return (
    <details className={styles.regionList}>
      <summary title={regionIds.join(", ")}>
        {isEvery ? `All ${regionIds.length} regions` : `${regionIds.length} regions`}
      </summary>
      {tags}
    </details>
  );
}

function RolloutUse({ release }: { release: ReleaseView }) {
  if (release.activeRolloutCount > 0) {
    return (
      <span className="pill accent">
        {release.activeRolloutCount === 1 ? "in a rollout" : `in ${release.activeRolloutCount} rollouts`}
      </span>
    );
  }
  if (release.rolloutCount > 0) {
    return (
      <span className="muted">
        {release.rolloutCount} past {release.rolloutCount === 1 ? "rollout" : "rollouts"}
      </span>
    );
  }
  return <span className="muted">none</span>;
}

export function ReleaseTable({
  releases,
  regionColors,
}: {
  releases: ReleaseView[];
  regionColors: Map<string, string>;
}) {
  if (releases.length === 0) {
    return (
      <div className="empty">
        <h2>No releases yet</h2>
        <p>Publish the first stack version below; operators can then roll it out.</p>
      </div>
    );
  }
  return (
    <div className="table-wrap">
      <table className="data">
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Certified regions</th>
            <th scope="col" className="num">
              Artifact
            </th>
            <th scope="col">Min agent</th>
            <th scope="col">Published (UTC)</th>
            <th scope="col" className="num">
              Running on
            </th>
            <th scope="col">Rollouts</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {releases.map((r) => (
            <tr key={r.id} aria-label={r.version}>
              <td>
                <div className="cell-main mono">{r.version}</div>
                {r.notes && (
                  <div className={`cell-sub ${styles.notes}`} title={r.notes}>
                    {r.notes.split("\n")[0]}
                  </div>
                )}
              </td>
              <td>
                <CertifiedRegions regionIds={r.regionIds} regionColors={regionColors} />
              </td>
              <td className="num nowrap">{formatMb(r.artifactSizeMb)}</td>
              <td className="mono">{r.minAgentVersion}</td>
              <td>
                <div className="nowrap">{r.createdAt.replace("T", " ").slice(0, 16)}</div>
                {r.createdBy && <div className="cell-sub">by {r.createdBy}</div>}
              </td>
              <td className="num nowrap">
                {r.satelliteCount.toLocaleString("en")} {r.satelliteCount === 1 ? "satellite" : "satellites"}
              </td>
              <td>
                <RolloutUse release={r} />
              </td>
              <td className="num">
                <Link className="btn small" href={`/admin/releases/${r.id}`} aria-label={`Edit ${r.version}`}>
                  Edit
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
