import Link from "next/link";
import { DataTable, type Column } from "@/components/tables/data-table";
import { RegionTag } from "@/components/ui/pills";
import { Time } from "@/components/ui/time";
import { formatCount, formatMegabytes } from "@/lib/format";
import type { ReleaseView } from "@/server/releases/view";
import styles from "./releases.module.css";

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

const columns = (now: Date, regionColors: Map<string, string>): Column<ReleaseView>[] => [
  {
    id: "version",
    header: "Version",
    cell: (r) => (
      <>
        <div className="cell-main mono">{r.version}</div>
        {r.notes && (
          <div className={`cell-sub ${styles.notes}`} title={r.notes}>
            {r.notes.split("\n")[0]}
          </div>
        )}
      </>
    ),
  },
  {
    id: "regions",
    header: "Certified regions",
    cell: (r) => <CertifiedRegions regionIds={r.regionIds} regionColors={regionColors} />,
  },
  {
    id: "artifact",
    header: "Artifact",
    isNumeric: true,
    cellClassName: "nowrap",
    cell: (r) => formatMegabytes(r.artifactSizeMb),
  },
  { id: "minAgent", header: "Min agent", cellClassName: "mono", cell: (r) => r.minAgentVersion },
  {
    id: "published",
    header: "Published",
    cell: (r) => (
      <>
        <Time className="nowrap" at={r.createdAt} now={now} />
        {r.createdBy && <div className="cell-sub">by {r.createdBy}</div>}
      </>
    ),
  },
  {
    id: "running",
    header: "Running on",
    isNumeric: true,
    cellClassName: "nowrap",
    cell: (r) => formatCount(r.satelliteCount, "satellite"),
  },
  { id: "rollouts", header: "Rollouts", cell: (r) => <RolloutUse release={r} /> },
  {
    id: "actions",
    header: <span className="sr-only">Actions</span>,
    isNumeric: true,
    cell: (r) => (
      <Link className="btn small" href={`/admin/releases/${r.id}`} aria-label={`Edit ${r.version}`}>
        Edit
      </Link>
    ),
  },
];

export function ReleaseTable({
  releases,
  regionColors,
  now = new Date(),
}: {
  releases: ReleaseView[];
  regionColors: Map<string, string>;
  /** The moment publish times are counted from until the browser's clock takes over. */
  now?: Date;
}) {
  return (
    <DataTable
      columns={columns(now, regionColors)}
      rows={releases}
      rowKey={(r) => r.id}
      rowLabel={(r) => r.version}
      empty={{
        title: "No releases yet",
        body: "Publish the first stack version below; operators can then roll it out.",
      }}
    />
  );
}
