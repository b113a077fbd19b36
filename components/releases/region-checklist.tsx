import type { FieldErrors } from "@/server/errors";
import styles from "./releases.module.css";

export type RegionOption = { id: string; name: string };

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
  const error = errors?.regionIds;
  return (
    <fieldset
      className="field wide"
      aria-describedby={error ? "field-regionIds-hint field-regionIds-error" : "field-regionIds-hint"}
    >
      <legend className={styles.legend}>Certified regions</legend>
      <div className={styles.checklist} data-invalid={error ? true : undefined}>
        {regions.map((r) => (
          <label key={r.id} title={r.name}>
            <input type="checkbox" name="regionIds" value={r.id} defaultChecked={selected.includes(r.id)} />
            {r.id}
          </label>
        ))}
      </div>
      <span id="field-regionIds-hint" className="hint">
        the compliance regions this release may be rolled out to; at least one
      </span>
      {error && (
        <span id="field-regionIds-error" className="error" role="alert">
          {error}
        </span>
      )}
    </fieldset>
  );
}
