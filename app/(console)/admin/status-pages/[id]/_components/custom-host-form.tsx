"use client";

import { Field, FormError } from "@/components/forms/field";
import { useFormAction } from "@/components/forms/use-form-action";
import type { ActionResult } from "@/server/http/action";

type Action = (
  prev: ActionResult<{ id: string }> | null,
  form: FormData,
) => Promise<ActionResult<{ id: string }>>;

/** Picks the custom host the page also answers on, from the operator's fixed list (STATUS_CUSTOM_HOSTS). */
export function CustomHostForm({
  action,
  statusPageId,
  hosts,
  current,
}: {
  action: Action;
  statusPageId: string;
  hosts: string[];
  current: string | null;
}) {
  const { state, onSubmit, isPending, errors } = useFormAction(action);
  return (
    <form method="post" onSubmit={onSubmit} className="grid" style={{ gap: 14 }} noValidate>
      <FormError message={state && !state.ok ? state.error.message : null} />
      <input type="hidden" name="id" value={statusPageId} />
      <Field
        name="customHost"
        label="Custom host"
        hint="the page answers at https://<host>/ and its Statuspage API at /api/v2/"
        errors={errors}
      >
        {(p) => (
          <select {...p} defaultValue={current ?? ""}>
            <option value="">None</option>
            {hosts.map((h) => (
              <option key={h} value={h}>
                {h}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div>
        <button type="submit" className="btn primary" disabled={isPending}>
          {isPending ? "Saving…" : "Save custom host"}
        </button>
      </div>
    </form>
  );
}
