"use client";

import { Field, FormError } from "@/components/forms/field";
import { useFormAction } from "@/components/forms/use-form-action";
import type { ActionResult } from "@/server/http/action";

type SaveAction = (
  prev: ActionResult<{ id: string }> | null,
  form: FormData,
) => Promise<ActionResult<{ id: string }>>;

/** Hold notifications back for a while: for one rule, region or satellite, any mix of them, or everything. */
export function SilenceForm({
  action,
  rules,
  regions,
  preset,
}: {
  action: SaveAction;
  rules: { id: string; name: string }[];
  regions: { id: string; name: string }[];
  preset: { ruleId?: string; regionId?: string; satellite?: string };
}) {
  const { state, onSubmit, isPending, errors } = useFormAction(action);
  return (
    <form method="post" onSubmit={onSubmit} className="grid" style={{ gap: 14 }} noValidate>
      <FormError message={state && !state.ok ? state.error.message : null} />
      {state?.ok && (
        <div role="status" className="alert ok">
          Silence set. Alerts it covers still show here, marked silenced.
        </div>
      )}
      <div className="form-grid">
        <Field name="ruleId" label="Rule" errors={errors}>
          {(p) => (
            <select {...p} defaultValue={preset.ruleId ?? ""}>
              <option value="">Any rule</option>
              {rules.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="regionId" label="Region" errors={errors}>
          {(p) => (
            <select {...p} defaultValue={preset.regionId ?? ""}>
              <option value="">Any region</option>
              {regions.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.id} — {r.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="satellite" label="Satellite" hint="its slug; empty: any satellite" errors={errors}>
          {(p) => <input {...p} defaultValue={preset.satellite ?? ""} autoComplete="off" />}
        </Field>
        <Field name="duration" label="For" hint='e.g. "90m", "4h", "2d"; at most 30 days' errors={errors}>
          {(p) => <input {...p} defaultValue="2h" autoComplete="off" />}
        </Field>
        <Field
          name="reason"
          label="Reason"
          className="wide"
          hint="shown beside every alert it holds back"
          errors={errors}
        >
          {(p) => <input {...p} autoComplete="off" />}
        </Field>
      </div>
      <div>
        <button className="btn primary" type="submit" disabled={isPending}>
          {isPending ? "Setting…" : "Set silence"}
        </button>
      </div>
    </form>
  );
}
