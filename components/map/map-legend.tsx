import type { CSSProperties } from "react";
import { COLOR_MODE_LABEL, type ColorMode } from "@/lib/fleet-map";
import { BANDWIDTH_STOPS, NO_DATA_COLOR, type LegendEntry } from "./map-colors";
import styles from "./map-legend.module.css";

/** What the colours on the map mean in the current mode; bandwidth is a continuous scale. */
export function MapLegend({ mode, legend }: { mode: ColorMode; legend: LegendEntry[] }) {
  return (
    // The plain "map-legend" name is what the end-to-end tests find the legend by.
    <div
      className={`${styles.legend} map-legend`}
      aria-label={`Legend: ${COLOR_MODE_LABEL[mode]}`}
      data-mode={mode}
    >
      <strong>{COLOR_MODE_LABEL[mode]}</strong>
      {mode === "bandwidth" && (
        // A continuous scale: clusters and points take any colour between the stops.
        <>
          <div
            className={styles.gradient}
            style={{
              background: `linear-gradient(90deg, ${BANDWIDTH_STOPS.map(([pct, c]) => `${c} ${pct}%`).join(", ")})`,
            }}
          />
          <div className={styles.scale}>
            {BANDWIDTH_STOPS.map(([pct]) => (
              <span key={pct}>{pct === 100 ? "100 %+" : `${pct} %`}</span>
            ))}
          </div>
        </>
      )}
      <ul>
        {(mode === "bandwidth" ? legend.filter((e) => e.color === NO_DATA_COLOR) : legend).map((entry) => (
          <li key={entry.label}>
            {entry.tint && (
              // The land tint of the region, muted so it never reads as a health colour.
              <span
                className={styles.tint}
                aria-hidden="true"
                style={{ "--tint-light": entry.tint.light, "--tint-dark": entry.tint.dark } as CSSProperties}
              />
            )}
            <span className="dot" style={{ background: entry.color }} />
            {entry.label}
          </li>
        ))}
      </ul>
    </div>
  );
}
