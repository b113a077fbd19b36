import type { FieldErrors } from "@/server/errors";
import styles from "./releases.module.css";

/** A region to choose; with its colour, the option shows the region's swatch. */
export type RegionOption = { id: string; name: string; color?: string };

export type ChecklistOption = {
  value: string;
  /** A longer name, shown on hover. */
  title?: string;
  /** A region's colour, drawn as a swatch before the value. */
  color?: string;
  /** Words after the value, such as why picking it would not help. */
  note?: string;
};

/**
 * A group of checkboxes in a bordered grid, every option in view: the one look for region (and similar)
 * choices across the console's forms. The boxes are uncontrolled: the form posts whatever is ticked.
 */
export function Checklist({
  name,
  legend,
  options,
  selected = [],
  hint,
  error,
  isDisabled = false,
}: {
  name: string;
  legend: string;
  options: ChecklistOption[];
  selected?: string[];
  hint?: string;
  error?: string;
  /** Greys the boxes out, as when another choice already covers them; disabled boxes are not posted. */
  isDisabled?: boolean;
}) {
  const hintId = `field-${name}-hint`;
  const errorId = `field-${name}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset className="field wide" aria-describedby={describedBy} disabled={isDisabled}>
      <legend className={styles.legend}>{legend}</legend>
      <div className={styles.checklist} data-invalid={error ? true : undefined}>
        {options.map((o) => (
          <label key={o.value} title={o.title}>
            <input type="checkbox" name={name} value={o.value} defaultChecked={selected.includes(o.value)} />
            {o.color && <span className={styles.swatch} style={{ background: o.color }} />}
            <span>
              {o.value}
              {o.note && <span className={styles.note}> ({o.note})</span>}
            </span>
          </label>
        ))}
      </div>
      {hint && (
        <span id={hintId} className="hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={errorId} className="error" role="alert">
          {error}
        </span>
      )}
    </fieldset>
  );
}

/** Certified regions as a group of checkboxes, every region in view: a release names them explicitly. */
export function RegionChecklist({
  regions,
  selected,
  errors,
}: {
  regions: RegionOption[];
  selected: string[];
  errors?: FieldErrors;
}) {
  return (
    <Checklist
      name="regionIds"
      legend="Certified regions"
      options={regions.map((r) => ({ value: r.id, title: r.name, color: r.color }))}
      selected={selected}
      hint="the compliance regions this release may be rolled out to; at least one"
      error={errors?.regionIds}
    />
  );
}
