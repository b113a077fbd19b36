"use client";

import { SATELLITE_KINDS } from "@/lib/fleet";
import type { FieldErrors } from "@/server/errors";
import type { ReleaseView } from "@/server/releases/view";
import { Field } from "../forms/field";
import { Checklist } from "../releases/region-checklist";

/** Which satellites: regions, kinds and labels narrow each other; satellites named by hand are added. */
export function RolloutSelectionFields({
  regions,
  release,
  errors,
}: {
  regions: { id: string; name: string; color?: string }[];
  /** The chosen release, so regions it is not certified for say so before anyone picks them. */
  release: ReleaseView | undefined;
  errors: FieldErrors;
}) {
  return (
    <>
      <p className="muted">
        The filters narrow each other — a satellite must match every one — and satellites named by hand are
        added to what they select.
      </p>
      <Checklist
        name="regionIds"
        legend="Regions"
        options={regions.map((r) => {
          const isCertified = release?.regionIds.includes(r.id) ?? true;
          return {
            value: r.id,
            color: r.color,
            title: isCertified ? r.name : `${r.name} — ${release?.version} is not certified here`,
            note: isCertified ? undefined : "not certified",
          };
        })}
        error={errors.regionIds}
      />
      <Checklist name="kinds" legend="Kinds" options={SATELLITE_KINDS.map((k) => ({ value: k }))} />
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
