"use client";

import { FormError } from "@/components/forms/field";
import { RowActionButton } from "@/components/forms/row-action-button";
import { useFormAction } from "@/components/forms/use-form-action";
import type { ActionResult } from "@/server/http/action";
import type { TwoFactorRequirement } from "@/server/twofactor/policy";

const CHOICES: { value: TwoFactorRequirement; label: string }[] = [
  { value: "off", label: "Nobody (each person chooses)" },
  { value: "admins", label: "Admins" },
  { value: "all", label: "Every local account" },
];

export function RequirementForm({
  current,
  action,
}: {
  current: TwoFactorRequirement;
  action: (
    prev: ActionResult<TwoFactorRequirement> | null,
    form: FormData,
  ) => Promise<ActionResult<TwoFactorRequirement>>;
}) {
  const { state, onSubmit, isPending } = useFormAction(action);
  return (
    <form method="post" onSubmit={onSubmit} className="row" style={{ flexWrap: "wrap", gap: 10 }}>
      <FormError message={state && !state.ok ? state.error.message : null} />
      <label htmlFor="twofactor-required">Two-factor required for</label>
      <select id="twofactor-required" name="required" defaultValue={current} style={{ width: "auto" }}>
        {CHOICES.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
      <button type="submit" className="btn" disabled={isPending}>
        {isPending ? "Saving…" : "Save"}
      </button>
      {state?.ok && (
        <span role="status" className="muted">
          Saved.
        </span>
      )}
    </form>
  );
}

export function ResetTwoFactorButton({
  id,
  email,
  action,
}: {
  id: string;
  email: string;
  action: (prev: ActionResult<null> | null, form: FormData) => Promise<ActionResult<null>>;
}) {
  return (
    <RowActionButton
      id={id}
      action={action}
      label="Reset"
      pendingLabel="Resetting…"
      ariaLabel={`Reset the two-factor of ${email}`}
      isDanger
    />
  );
}
