"use client";

import { useMemo } from "react";
import { TableFrame } from "@/components/tables/data-table";
import type { RolloutPreview } from "@/server/rollouts/create";
import { formatNumber } from "@/lib/format";
import { reasonAfterSlug, skippedWaveNotes } from "./preview-notes";
import { formatMinutes } from "./rollout-bits";
import { RolloutMap, type RolloutMapPoint } from "./rollout-map";
import styles from "./rollouts.module.css";

// Only the targets are drawn: a cluster mixing them with excluded satellites looked as if all would upgrade.
const LEGEND = [{ state: "pending", label: "Will be upgraded" }] as const;

/** The live answer to "what would this rollout do now?": counts, refusals, the map, waves and exclusions. */
export function RolloutPreviewPanel({
  preview,
  askedWaves,
  isLoading,
  problem,
  styleUrl,
}: {
  preview: RolloutPreview | null;
  /** The percentages the preview was planned with; empty when it goes region by region. */
  askedWaves: string[];
  isLoading: boolean;
  /** A message instead of a preview: nothing selected yet, or input the server refused. */
  problem: string | null;
  styleUrl: string | null;
}) {
  const points = useMemo<RolloutMapPoint[]>(
    () =>
      (preview?.points ?? [])
        .filter((p) => p.isTarget)
        .map((p) => ({ slug: p.slug, name: p.name, lat: p.lat, lon: p.lon, state: "pending" as const })),
    [preview],
  );
  const skipped = preview ? skippedWaveNotes(askedWaves, preview.waves, preview.targetCount) : [];
  const fitKey = useMemo(() => points.map((p) => p.slug).join(","), [points]);
  return (
    <section className="card" aria-label="Preview" aria-busy={isLoading}>
      <div className="card-head">
        <h2>Preview</h2>
        <span className="muted small" role="status">
          {isLoading ? "Updating…" : preview ? `${preview.release.version}, as the fleet is now` : ""}
        </span>
      </div>
      <div className="card-body grid">
        {problem && <div className="alert info">{problem}</div>}
        {preview && (
          <>
            <div className="row" data-testid="preview-counts">
              <div>
                <div className={styles.count} data-testid="target-count">
                  {formatNumber(preview.targetCount)}
                </div>
                <div className="muted">satellites will be upgraded</div>
              </div>
              <div>
                <div className={styles.count} data-testid="exclusion-count">
                  {formatNumber(preview.exclusionCount)}
                </div>
                <div className="muted">excluded of {formatNumber(preview.selectedCount)} selected</div>
              </div>
            </div>
            {preview.blockers.map((b) => (
              <div key={b} role="alert" className="alert error">
                {b}
              </div>
            ))}
            {preview.overriddenPolicies.map((p) => (
              <div key={p} className="alert info">
                Enforced policy overridden (audited with your reason): {p}
              </div>
            ))}
            {preview.windowNotes.map((note) => (
              <p key={note} className={`muted small ${styles.previewNote}`}>
                {note}
              </p>
            ))}
            <RolloutMap
              points={points}
              legend={[...LEGEND]}
              fitKey={fitKey}
              label="Satellites to upgrade"
              styleUrl={styleUrl}
            />
            {preview.waves.length > 0 && (
              <TableFrame label="Planned waves">
                <thead>
                  <tr>
                    <th scope="col">Wave</th>
                    <th scope="col" className="num">
                      Satellites
                    </th>
                    <th scope="col" className="num">
                      Estimate
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {preview.waves.map((w) => (
                    <tr key={w.index}>
                      <td>
                        wave {w.index} · {w.label}
                      </td>
                      <td className="num">{w.size}</td>
                      <td className="num">
                        {formatMinutes(w.estimateMinutes)}
                        {(w.waitMinutes ?? 0) > 0 && (
                          <div className="muted small">
                            incl. {formatMinutes(w.waitMinutes ?? 0)} waiting for windows
                          </div>
                        )}
                      </td>
                    </tr>
                  ))}
                  <tr>
                    <td className="cell-main">In all</td>
                    <td className="num cell-main">{preview.targetCount}</td>
                    <td className="num cell-main">about {formatMinutes(preview.totalMinutes)}</td>
                  </tr>
                </tbody>
              </TableFrame>
            )}
            {skipped.map((note) => (
              <p key={note} className={`muted small ${styles.previewNote}`}>
                {note}
              </p>
            ))}
            {preview.exclusionCount > 0 && (
              <div>
                <h3>Excluded, and why</h3>
                <ul className={styles.exclusions} aria-label="Exclusions">
                  {preview.exclusions.map((e) => (
                    <li key={e.slug}>
                      <span className="mono" title={e.name}>
                        {e.slug}
                      </span>{" "}
                      <span className="muted">({e.regionId})</span> — {reasonAfterSlug(e.slug, e.reason)}
                    </li>
                  ))}
                  {preview.exclusionCount > preview.exclusions.length && (
                    <li className="muted">
                      and {preview.exclusionCount - preview.exclusions.length} more not listed here
                    </li>
                  )}
                </ul>
              </div>
            )}
          </>
        )}
      </div>
    </section>
  );
}
