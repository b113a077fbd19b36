"use client";

import type { FieldErrors } from "@/server/errors";
import styles from "./rollouts.module.css";

export const DEFAULT_WAVES = ["10", "50", "100"];

/**
 * The waves after the canary: either one per compliance region, or cumulative percentages, one input each,
 * all named `waves` so the form posts them as a list. The server validates the order and the final 100 %
 * and names the bad entry (`waves[1]`).
 */
export function WavePlanEditor({
  waves,
  onChange,
  isRegionByRegion,
  onRegionByRegionChange,
  errors,
}: {
  waves: string[];
  onChange: (waves: string[]) => void;
  isRegionByRegion: boolean;
  onRegionByRegionChange: (isRegionByRegion: boolean) => void;
  errors?: FieldErrors;
}) {
  const set = (i: number, value: string) => onChange(waves.map((w, j) => (j === i ? value : w)));
  const remove = (i: number) => onChange(waves.filter((_, j) => j !== i));
  const add = () => {
    const last = Number(waves[waves.length - 1] ?? 0);
    onChange(last >= 100 ? [...waves.slice(0, -1), String(Math.min(99, last)), "100"] : [...waves, "100"]);
  };
  return (
    <fieldset aria-describedby="waves-hint">
      <legend>Waves after the canary</legend>
      {/* Outside the disabled group below, or ticking it could never be undone. */}
      <label className={`check ${styles.spacedBelow}`}>
        <input
          type="checkbox"
          name="isRegionByRegion"
          checked={isRegionByRegion}
          onChange={(e) => onRegionByRegionChange(e.target.checked)}
        />
        Region by region
      </label>
      <p id="waves-hint" className={styles.hintLine}>
        {isRegionByRegion
          ? "One wave per compliance region after the canary, largest region first."
          : "Each wave reaches this share of all targets, counted from the start; the last one reaches 100 %."}
      </p>
      <fieldset disabled={isRegionByRegion}>
        <ol className={styles.waveList}>
          {waves.map((w, i) => {
            const error = errors?.[`waves[${i}]`];
            return (
              <li key={i}>
                <div className={styles.planRow}>
                  <input
                    name="waves"
                    inputMode="decimal"
                    value={w}
                    onChange={(e) => set(i, e.target.value)}
                    aria-label={`Wave ${i + 1} reaches (% of targets)`}
                    aria-invalid={error ? true : undefined}
                  />
                  <span className="muted">%</span>
                  {waves.length > 1 && (
                    <button type="button" className="btn small" onClick={() => remove(i)}>
                      Remove<span className="sr-only"> wave {i + 1}</span>
                    </button>
                  )}
                </div>
                {error && (
                  <span className={styles.inlineError} role="alert">
                    {error}
                  </span>
                )}
              </li>
            );
          })}
        </ol>
        {errors?.waves && !waves.some((_, i) => errors[`waves[${i}]`]) && (
          <span className={styles.inlineError} role="alert">
            {errors.waves}
          </span>
        )}
        <div className={styles.spaced}>
          <button type="button" className="btn small" onClick={add} disabled={waves.length >= 20}>
            Add a wave
          </button>
        </div>
      </fieldset>
    </fieldset>
  );
}
