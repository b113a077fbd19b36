"use client";

import type { RegionLifecycleResult } from "@/server/compliance/retire";
import type { ActionResult } from "@/server/http/action";
import { Field, FormError } from "../forms/field";
import { useFormAction } from "../forms/use-form-action";

type Done = ActionResult<RegionLifecycleResult>;
export type RegionLifecycleAction = (prev: Done | null, form: FormData) => Promise<Done>;

/** Retires a live region, with an optional reason for the audit log. */
export function RetireRegionForm({
  id,
  name,
  action,
}: {
  id: string;
  name: string;
  action: RegionLifecycleAction;
}) {
  const { state, onSubmit, isPending, errors } = useFormAction(action);
  return (
    <form method="post" onSubmit={onSubmit} className="grid" noValidate>
      <input type="hidden" name="id" value={id} />
      <p className="muted">
        A retired region keeps its satellites and its history, but is offered for nothing new: no satellite,
        user, status page, release certification or rollout can pick it, and its countries take no new
        satellites. It can be restored.
      </p>
      <FormError message={state && !state.ok ? state.error.message : null} />
      <Field name="reason" id="retire-reason" label="Reason (optional)" errors={errors}>
        {(p) => <input {...p} maxLength={500} />}
      </Field>
      <div className="row">
        <button className="btn" type="submit" disabled={isPending}>
          {isPending ? "Retiring…" : `Retire ${name}`}
        </button>
      </div>
    </form>
  );
}

/** One button: restore a retired region, or delete an unused one (confirmed first). */
export function RegionButtonForm({
  id,
  action,
  label,
  confirm,
  isDanger = false,
}: {
  id: string;
  action: RegionLifecycleAction;
  label: string;
  confirm?: string;
  isDanger?: boolean;
}) {
  const { state, onSubmit, isPending } = useFormAction(action);
  return (
    <form
      method="post"
      onSubmit={(e) => {
        if (confirm && !window.confirm(confirm)) e.preventDefault();
        else onSubmit(e);
      }}
      className="grid"
    >
      <input type="hidden" name="id" value={id} />
      <FormError message={state && !state.ok ? state.error.message : null} />
      <div className="row">
        <button className={`btn ${isDanger ? "danger" : "primary"}`} type="submit" disabled={isPending}>
          {label}
        </button>
      </div>
    </form>
  );
}
