"use client";

import { RegionTag } from "@/components/ui/region-tag";
import { isLoud, SUGGESTED_REGION_COLOURS } from "./palette";
import styles from "./regions.module.css";

const HEX = /^#[0-9a-f]{6}$/i;

/** The region's colour: a hex value, a picker, muted suggestions and a preview as lists and the map show it. */
export function ColourField({
  value,
  onChange,
  id,
  name,
  error,
}: {
  value: string;
  onChange: (value: string) => void;
  id: string;
  name: string;
  error?: string;
}) {
  const isValid = HEX.test(value.trim());
  const hint = isValid && isLoud(value) ? "This colour is bright: it may read as a health state. " : "";
  return (
    <div className="field wide">
      <label htmlFor={id}>Colour</label>
      <div className={styles.colourRow}>
        <input
          type="color"
          aria-label="Pick a colour"
          value={isValid ? value.trim().toLowerCase() : "#5b7a99"}
          onChange={(e) => onChange(e.target.value)}
          className={styles.colourPicker}
        />
        <input
          id={id}
          name="color"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          autoComplete="off"
          spellCheck={false}
          className={styles.colourText}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
        />
        <div className={styles.preview} aria-label="Preview" role="group">
          <span className={styles.previewLight}>
            <RegionTag id={name || "region"} color={isValid ? value : undefined} />
          </span>
          <span className={styles.previewDark}>
            <RegionTag id={name || "region"} color={isValid ? value : undefined} />
          </span>
        </div>
      </div>
      <div className={styles.palette} role="group" aria-label="Suggested colours">
        {SUGGESTED_REGION_COLOURS.map((c) => (
          <button
            key={c}
            type="button"
            className={styles.paletteSwatch}
            style={{ background: c }}
            aria-label={`Use ${c}`}
            aria-pressed={value.trim().toLowerCase() === c}
            onClick={() => onChange(c)}
          />
        ))}
      </div>
      <span id={`${id}-hint`} className="hint">
        {hint}Muted colours keep regions apart from the health colours (green, amber, red) on the map and in
        lists.
      </span>
      {error && (
        <span id={`${id}-error`} className="error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
