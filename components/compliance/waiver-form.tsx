"use client";

import { useState } from "react";
import { Field, FormError } from "@/components/forms/field";
import { useFormAction } from "@/components/forms/use-form-action";
import type { ActionResult } from "@/server/http/action";

/**
 * Waives one policy for a satellite or for the satellites carrying some labels, with a reason and an end
 * no more than 180 days ahead (the server checks both again).
 */
export function WaiverForm({
  policyId,
  policyName,
  minDay,
  maxDay,
  defaultDay,
  satellite,
  action,
}: {
  policyId: string;
  policyName: string;
  minDay: string;
  maxDay: string;
  defaultDay: string;
  satellite?: string;
  action: (
    prev: ActionResult<{ id: string }> | null,
    form: FormData,
  ) => Promise<ActionResult<{ id: string }>>;
}) {
  const { state, onSubmit, isPending, errors } = useFormAction(action);
  const [target, setTarget] = useState<"satellite" | "labels">("satellite");
  return (
    <form
      method="post"
      onSubmit={onSubmit}
      className="grid"
      style={{ gap: 14 }}
      noValidate
      aria-label={`Waive ${policyName}`}
    >
      <FormError message={state && !state.ok ? state.error.message : null} />
      <input type="hidden" name="policyId" value={policyId} />
      <fieldset className="row" style={{ border: 0, padding: 0, margin: 0 }}>
        <legend className="small muted">Waive it for</legend>
        <label className="check">
          <input
            type="radio"
            name="target"
            value="satellite"
            checked={target === "satellite"}
            onChange={() => setTarget("satellite")}
          />
          one satellite
        </label>
        <label className="check">
          <input
            type="radio"
            name="target"
            value="labels"
            checked={target === "labels"}
            onChange={() => setTarget("labels")}
          />
          satellites with labels
        </label>
      </fieldset>
      <div className="form-grid">
        {target === "satellite" ? (
          <Field name="satelliteId" label="Satellite" hint="its slug" errors={errors}>
            {(p) => <input {...p} defaultValue={satellite ?? ""} autoComplete="off" required />}
          </Field>
        ) : (
          <Field
            name="labels"
            label="Label selector"
            hint="key=value, all must match; e.g. tier=lab, owner=ops"
            errors={errors}
          >
            {(p) => <input {...p} autoComplete="off" required />}
          </Field>
        )}
        <Field
          name="expiresAt"
          label="Expires at the end of"
          hint="at most 180 days from today (UTC)"
          errors={errors}
        >
          {(p) => <input {...p} type="date" min={minDay} max={maxDay} defaultValue={defaultDay} required />}
        </Field>
        <Field
          name="reason"
          label="Reason"
          hint="why this exception is acceptable; auditors read it"
          errors={errors}
          className="wide"
        >
          {(p) => <textarea {...p} rows={3} minLength={10} maxLength={500} required />}
        </Field>
      </div>
      <div>
        <button className="btn primary" type="submit" disabled={isPending}>
          {isPending ? "Waiving…" : "Waive"}
        </button>
      </div>
    </form>
  );
}
