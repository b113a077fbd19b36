"use client";

import { SATELLITE_KINDS } from "@/lib/fleet";
import type { FieldErrors } from "@/server/errors";
import type { ReleaseOption } from "@/server/rollouts/releases";
import { Field } from "../forms/field";
import styles from "./rollouts.module.css";

/** Which satellites: regions, kinds and labels narrow each other; satellites named by hand are added. */
export function RolloutSelectionFields({
  regions,
  release,
  errors,
}: {
  regions: { id: string; name: string }[];
  /** The chosen release, so regions it is not certified for say so before anyone picks them. */
  release: ReleaseOption | undefined;
  errors: FieldErrors;
}) {
  return (
    <>
      <p className="muted">
        The filters narrow each other — a satellite must match every one — and satellites named by hand are
        added to what they select.
      </p>
      <fieldset aria-describedby={errors.regionIds ? "regions-error" : undefined}>
        <legend>Regions</legend>
        <div className={styles.checks}>
          {regions.map((r) => {
            const isCertified = release?.certifiedRegionIds.includes(r.id) ?? true;
            return (
              <label
                key={r.id}
                title={`${r.name}${isCertified ? "" : ` — ${release?.version} is not certified here`}`}
              >
                <input type="checkbox" name="regionIds" value={r.id} />
                {r.id}
                {!isCertified && <span className="muted small"> (not certified)</span>}
              </label>
            );
          })}
        </div>
        {errors.regionIds && (
          <span id="regions-error" className={styles.inlineError} role="alert">
            {errors.regionIds}
          </span>
        )}
      </fieldset>
      <fieldset>
        <legend>Kinds</legend>
        <div className={styles.checks}>
          {SATELLITE_KINDS.map((k) => (
            <label key={k}>
              <input type="checkbox" name="kinds" value={k} />
              {k}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="form-grid">
        <Field name="labels" label="Labels" hint="key=value, comma-separated; all must match" errors={errors}>
          {(p) => <input {...p} placeholder="tier=gold, env=prod" />}
        </Field>
        <Field
          name="satellites"
          label="Satellites by hand"
          hint="slugs or ids, one per line; added to the filters' selection"
          errors={errors}
          className="wide"
        >
          {(p) => <textarea {...p} rows={3} />}
        </Field>
      </div>
    </>
  );
}
