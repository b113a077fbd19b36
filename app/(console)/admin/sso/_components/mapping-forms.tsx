"use client";

import { useEffect, useRef, useState } from "react";
import { Field, FormError } from "@/components/forms/field";
import { useFormAction } from "@/components/forms/use-form-action";
import type { ActionResult } from "@/server/http/action";
import type { SsoMappingView } from "@/server/sso/mappings";

type Saved = ActionResult<SsoMappingView>;
type Action = (prev: Saved | null, form: FormData) => Promise<Saved>;
type Option = { id: string; name: string };
const ROLES = ["viewer", "auditor", "operator", "admin"] as const;

/** A compact checklist in a disclosure, as on Admin › Users; none ticked means every region. */
function RegionSelect({
  id,
  regions,
  selected,
  form,
  label,
}: {
  id?: string;
  regions: Option[];
  selected: string[];
  form?: string;
  label: string;
}) {
  // The summary follows the ticks, so the closed control shows what will be stored.
  const [chosen, setChosen] = useState(selected);
  const toggle = (id: string, isOn: boolean) =>
    setChosen((prev) =>
      isOn
        ? regions.map((r) => r.id).filter((r) => r === id || prev.includes(r))
        : prev.filter((r) => r !== id),
    );
  return (
    <details className="region-select" id={id}>
      <summary aria-label={label}>{chosen.length ? chosen.join(", ") : "All regions"}</summary>
      <div className="region-select-menu">
        {regions.map((r) => (
          <label key={r.id} title={r.name}>
            <input
              type="checkbox"
              name="regionIds"
              value={r.id}
              form={form}
              checked={chosen.includes(r.id)}
              onChange={(e) => toggle(r.id, e.target.checked)}
            />
            {r.id}
          </label>
        ))}
      </div>
    </details>
  );
}

export function CreateMappingForm({
  action,
  providers,
  regions,
}: {
  action: Action;
  providers: Option[];
  regions: Option[];
}) {
  const { state, onSubmit, isPending, errors } = useFormAction(action);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state]);
  return (
    <form method="post" ref={form} onSubmit={onSubmit} className="grid" style={{ gap: 14 }} noValidate>
      <FormError message={state && !state.ok ? state.error.message : null} />
      {state?.ok && (
        <div role="status" className="alert ok">
          Mapped {state.data.group} to {state.data.role}.
        </div>
      )}
      <div className="form-grid">
        <Field name="provider" label="Provider" errors={errors}>
          {(p) => (
            <select {...p} defaultValue={providers[0]?.id}>
              {providers.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="group" label="Group" hint="exactly as the ID token names it" errors={errors}>
          {(p) => <input {...p} autoComplete="off" required maxLength={200} />}
        </Field>
        <Field name="role" label="Role" errors={errors}>
          {(p) => (
            <select {...p} defaultValue="viewer">
              {ROLES.map((r) => (
                <option key={r}>{r}</option>
              ))}
            </select>
          )}
        </Field>
        <Field name="regionIds" label="Region scope" hint="none ticked: every region" errors={errors}>
          {(p) => (
            // Keyed by the last mapping added, so the next one starts at "All regions".
            <RegionSelect
              key={state?.ok ? state.data.id : "new"}
              id={p.id}
              regions={regions}
              selected={[]}
              label="Region scope"
            />
          )}
        </Field>
      </div>
      <div>
        <button className="btn primary" type="submit" disabled={isPending}>
          {isPending ? "Adding…" : "Add mapping"}
        </button>
      </div>
    </form>
  );
}

export function MappingRow({
  mapping,
  providerName,
  regions,
  updateAction,
  deleteAction,
}: {
  mapping: SsoMappingView;
  providerName: string;
  regions: Option[];
  updateAction: Action;
  deleteAction: (prev: ActionResult<null> | null, form: FormData) => Promise<ActionResult<null>>;
}) {
  const { state, onSubmit, isPending } = useFormAction(updateAction);
  const { state: deleted, onSubmit: onDelete, isPending: isDeleting } = useFormAction(deleteAction);
  const error =
    (state && !state.ok ? state.error.message : null) ??
    (deleted && !deleted.ok ? deleted.error.message : null);
  const formId = `mapping-${mapping.id}`;
  return (
    <tr aria-label={`${mapping.provider} ${mapping.group}`}>
      <td>
        <div className="cell-main">
          <code>{mapping.group}</code>
        </div>
        <div className="cell-sub">{providerName}</div>
        {error && (
          <div role="alert" className="cell-sub" style={{ color: "var(--bad)" }}>
            {error}
          </div>
        )}
      </td>
      <td>
        <form method="post" id={formId} onSubmit={onSubmit}>
          <input type="hidden" name="id" value={mapping.id} />
          <input type="hidden" name="provider" value={mapping.provider} />
          <input type="hidden" name="group" value={mapping.group} />
        </form>
        <label className="sr-only" htmlFor={`${formId}-role`}>
          Role of {mapping.group}
        </label>
        <select
          id={`${formId}-role`}
          form={formId}
          name="role"
          defaultValue={mapping.role}
          style={{ width: 120 }}
        >
          {ROLES.map((r) => (
            <option key={r}>{r}</option>
          ))}
        </select>
      </td>
      <td>
        <RegionSelect
          regions={regions}
          selected={mapping.regionIds}
          form={formId}
          label={`Region scope of ${mapping.group}`}
        />
      </td>
      <td className="num">
        <div className="row" style={{ justifyContent: "flex-end" }}>
          <button className="btn small" type="submit" form={formId} disabled={isPending}>
            {isPending ? "Saving…" : "Save"}
          </button>
          <form method="post" onSubmit={onDelete}>
            <input type="hidden" name="id" value={mapping.id} />
            <button
              className="btn small danger"
              type="submit"
              disabled={isDeleting}
              aria-label={`Delete the mapping of ${mapping.group}`}
            >
              Delete
            </button>
          </form>
        </div>
      </td>
    </tr>
  );
}
