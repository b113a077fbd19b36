"use client";

import Link from "next/link";
import { useMemo, useState } from "react";
import { TableFooter, TableFrame } from "@/components/tables/data-table";
import { ConnectivityPill, HealthPill } from "@/components/ui/pills";
import { RegionTag } from "@/components/ui/region-tag";
import type { RolloutTargetView } from "@/server/rollouts/views";
import { TARGET_STATES, type TargetState } from "@/lib/rollout-target-states";
import { Time } from "@/components/ui/time";
import { TargetStatePill } from "./rollout-bits";

const PAGE = 100;

function commandText(t: RolloutTargetView): string {
  const c = t.rollback ?? t.upgrade;
  if (!c) return "—";
  const kind = t.rollback ? "rollback" : "upgrade";
  return `${kind} ${c.state}${c.deliveries > 1 ? ` (delivered ${c.deliveries}×)` : ""}`;
}

/** Every satellite of the rollout with its state, versions, command and timings; filtered in the browser. */
export function RolloutTargets({
  targets,
  regions,
  version,
  focus,
  onFocus,
}: {
  targets: RolloutTargetView[];
  /** Each region's colour, for the swatches. */
  regions: { id: string; color: string }[];
  version: string;
  /** A slug picked on the map: the table shows that satellite. */
  focus: string;
  onFocus: (q: string) => void;
}) {
  const [state, setState] = useState<TargetState | "">("");
  const [shown, setShown] = useState(PAGE);
  const colorOf = useMemo(() => new Map(regions.map((r) => [r.id, r.color])), [regions]);
  const q = focus.trim().toLowerCase();
  const rows = useMemo(
    () =>
      targets.filter(
        (t) =>
          (!state || t.state === state) &&
          (!q || t.slug.includes(q) || t.name.toLowerCase().includes(q) || t.regionId.includes(q)),
      ),
    [targets, state, q],
  );
  const counts = useMemo(() => {
    const out = new Map<TargetState, number>();
    for (const t of targets) out.set(t.state, (out.get(t.state) ?? 0) + 1);
    return out;
  }, [targets]);
  return (
    <section className="card" aria-label="Satellites in this rollout">
      <div className="filters">
        <div className="field">
          <label htmlFor="target-state">State</label>
          <select
            id="target-state"
            value={state}
            onChange={(e) => setState(TARGET_STATES.find((s) => s === e.target.value) ?? "")}
          >
            <option value="">All ({targets.length})</option>
            {TARGET_STATES.filter((s) => counts.get(s)).map((s) => (
              <option key={s} value={s}>
                {s.replace(/_/g, " ")} ({counts.get(s)})
              </option>
            ))}
          </select>
        </div>
        <div className="field search">
          <label htmlFor="target-search">Satellite</label>
          <input
            id="target-search"
            type="search"
            value={focus}
            placeholder="slug, name or region"
            onChange={(e) => onFocus(e.target.value)}
          />
        </div>
      </div>
      <TableFrame>
        <thead>
          <tr>
            <th scope="col">Satellite</th>
            <th scope="col">Wave</th>
            <th scope="col">State</th>
            <th scope="col">Version</th>
            <th scope="col">Command</th>
            <th scope="col">Timings (UTC)</th>
            <th scope="col">Now</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, shown).map((t) => {
            const c = t.rollback ?? t.upgrade;
            return (
              <tr key={t.satelliteId} aria-label={t.slug}>
                <td>
                  <Link className="cell-main" href={`/satellites/${t.slug}`}>
                    {t.name}
                  </Link>
                  <div className="cell-sub mono">
                    {t.slug} · <RegionTag id={t.regionId} color={colorOf.get(t.regionId)} />
                  </div>
                </td>
                <td>{t.waveIndex ?? "—"}</td>
                <td>
                  <TargetStatePill state={t.state} />
                  {t.excludedReason && <div className="cell-sub">{t.excludedReason}</div>}
                  {t.failure && (
                    <div className="cell-sub">
                      {t.failure.isRetryable ? "a retry can help" : "a retry would fail the same way"}
                    </div>
                  )}
                </td>
                <td className="mono">
                  {t.fromVersion ?? "—"} → {t.state === "excluded" ? "—" : version}
                  <div className="cell-sub">now {t.stackVersion ?? "unknown"}</div>
                </td>
                <td>
                  {commandText(t)}
                  {c?.message && <div className="cell-sub">{c.message}</div>}
                </td>
                <td className="cell-sub">
                  {c ? (
                    <>
                      issued <Time at={c.issuedAt} />
                      {c.finishedAt && (
                        <div>
                          finished <Time at={c.finishedAt} />
                        </div>
                      )}
                    </>
                  ) : (
                    "—"
                  )}
                </td>
                <td>
                  <div className="row">
                    <ConnectivityPill value={t.connectivity} />
                    <HealthPill value={t.health} />
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </TableFrame>
      <TableFooter>
        <span>
          {Math.min(shown, rows.length)} of {rows.length} shown
        </span>
        {rows.length > shown && (
          <button type="button" className="btn small" onClick={() => setShown((n) => n + PAGE)}>
            Show {Math.min(PAGE, rows.length - shown)} more
          </button>
        )}
      </TableFooter>
    </section>
  );
}
