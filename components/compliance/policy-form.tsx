"use client";

import { useState } from "react";
import { Field, FormError } from "@/components/forms/field";
import { useFormAction } from "@/components/forms/use-form-action";
import { PARAM_FIELDS } from "./param-fields";
import { MODES, RULE_KINDS, RULE_LABELS, SEVERITIES, type RuleKind } from "@/lib/policies/kinds";
import type { ActionResult } from "@/server/http/action";

export type PolicyFormValues = {
  id?: string;
  name: string;
  description: string;
  kind: RuleKind;
  params: Record<string, unknown>;
  scope: { all?: boolean; regions?: string[]; kinds?: string[]; labels?: Record<string, string> };
  severity: string;
  mode: string;
  frameworks: string[];
};

const SATELLITE_KINDS = ["datacenter", "edge", "cloud", "colo"] as const;

const show = (v: unknown) =>
  Array.isArray(v) ? v.join(", ") : v === undefined || v === null ? "" : String(v);

/** Creates a policy, or writes its next version: the rule and its parameters, the scope, mode and frameworks. */
export function PolicyForm({
  values,
  regions,
  action,
}: {
  values?: PolicyFormValues;
  regions: { id: string; name: string }[];
  action: (
    prev: ActionResult<{ id: string; version: number }> | null,
    form: FormData,
  ) => Promise<ActionResult<{ id: string; version: number }>>;
}) {
  const { state, onSubmit, isPending, errors } = useFormAction(action);
  const isCreate = !values?.id;
  const [kind, setKind] = useState<RuleKind>(values?.kind ?? "disk-encryption");
  const [isAll, setAll] = useState(values ? Boolean(values.scope.all) : true);
  return (
    <form method="post" onSubmit={onSubmit} className="grid" style={{ gap: 14 }} noValidate>
      <FormError message={state && !state.ok ? state.error.message : null} />
      {!isCreate && <input type="hidden" name="policyId" value={values?.id} />}
      <div className="form-grid">
        {isCreate && (
          <Field
            name="id"
            label="Id"
            hint="lower-case letters, digits and dashes; never changes"
            errors={errors}
          >
            {(p) => <input {...p} autoComplete="off" required placeholder="disk-encryption" />}
          </Field>
        )}
        <Field name="name" label="Name" errors={errors}>
          {(p) => <input {...p} defaultValue={values?.name} required />}
        </Field>
        <Field name="kind" label="Rule" errors={errors}>
          {(p) => (
            <select {...p} value={kind} onChange={(e) => setKind(e.target.value as RuleKind)}>
              {RULE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {RULE_LABELS[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        {PARAM_FIELDS[kind].map((f) => (
          <Field
            key={`${kind}-${f.name}`}
            name={`params.${f.name}`}
            label={f.label}
            hint={f.hint}
            errors={errors}
          >
            {(p) => (
              <input
                {...p}
                inputMode={f.type === "number" ? "numeric" : undefined}
                defaultValue={values?.kind === kind ? show(values.params[f.name]) : ""}
                required
              />
            )}
          </Field>
        ))}
        <Field name="severity" label="Severity" errors={errors}>
          {(p) => (
            <select {...p} defaultValue={values?.severity ?? "medium"}>
              {SEVERITIES.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
          )}
        </Field>
        <Field
          name="mode"
          label="Mode"
          hint="enforce refuses rollouts and commands that leave a violation"
          errors={errors}
        >
          {(p) => (
            <select {...p} defaultValue={values?.mode ?? "audit"}>
              {MODES.map((m) => (
                <option key={m}>{m}</option>
              ))}
            </select>
          )}
        </Field>
        <Field
          name="frameworks"
          label="Evidences"
          hint="comma-separated, e.g. GDPR Art. 32, ISO 27001 A.8.24"
          errors={errors}
          className="wide"
        >
          {(p) => <input {...p} defaultValue={show(values?.frameworks)} />}
        </Field>
        <Field name="description" label="Description" errors={errors} className="wide">
          {(p) => <textarea {...p} rows={2} defaultValue={values?.description} />}
        </Field>
      </div>
      <fieldset
        className="grid"
        style={{ gap: 8, border: "1px solid var(--border)", borderRadius: 8, padding: 12 }}
      >
        <legend>Scope</legend>
        <label className="check">
          <input
            type="checkbox"
            name="scopeAll"
            value="1"
            checked={isAll}
            onChange={(e) => setAll(e.target.checked)}
          />
          Every satellite
        </label>
        {!isAll && (
          <>
            <div className="row" role="group" aria-label="Regions">
              {regions.map((r) => (
                <label key={r.id} className="check" title={r.name}>
                  <input
                    type="checkbox"
                    name="scope.regions"
                    value={r.id}
                    defaultChecked={values?.scope.regions?.includes(r.id)}
                  />
                  {r.id}
                </label>
              ))}
            </div>
            <div className="row" role="group" aria-label="Kinds">
              {SATELLITE_KINDS.map((k) => (
                <label key={k} className="check">
                  <input
                    type="checkbox"
                    name="scope.kinds"
                    value={k}
                    defaultChecked={values?.scope.kinds?.includes(k)}
                  />
                  {k}
                </label>
              ))}
            </div>
            <Field name="scope.labels" label="Labels" hint="key=value, all must match" errors={errors}>
              {(p) => (
                <input
                  {...p}
                  defaultValue={Object.entries(values?.scope.labels ?? {})
                    .map(([k, v]) => `${k}=${v}`)
                    .join(", ")}
                />
              )}
            </Field>
          </>
        )}
        {errors?.scope && (
          <span className="error" role="alert">
            {errors.scope}
          </span>
        )}
      </fieldset>
      <div>
        <button className="btn primary" type="submit" disabled={isPending}>
          {isPending ? "Saving…" : isCreate ? "Create policy" : "Save as a new version"}
        </button>
      </div>
    </form>
  );
}
