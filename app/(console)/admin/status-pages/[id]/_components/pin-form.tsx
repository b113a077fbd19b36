"use client";

import { useState } from "react";
import { Field, FormError } from "@/components/forms/field";
import { useFormAction } from "@/components/forms/use-form-action";
import { MAX_PIN_DAYS, PIN_DURATION_LABEL, PIN_DURATIONS, type PinDuration } from "@/lib/status/pins";
import { PUBLIC_STATUS_LABEL, PUBLIC_STATUSES } from "@/lib/status/public-status";
import type { ActionResult } from "@/server/http/action";

type Action = (
  prev: ActionResult<{ id: string }> | null,
  form: FormData,
) => Promise<ActionResult<{ id: string }>>;

/** Pins one region of the page to a status for a while; the reason goes to the audit log. */
export function PinForm({
  action,
  statusPageId,
  regions,
}: {
  action: Action;
  statusPageId: string;
  regions: { id: string; name: string }[];
}) {
  const { state, onSubmit, isPending, errors } = useFormAction(action);
  const [duration, setDuration] = useState<PinDuration>("1h");
  return (
    <form method="post" onSubmit={onSubmit} className="grid" style={{ gap: 14 }} noValidate>
      <FormError message={state && !state.ok ? state.error.message : null} />
      <input type="hidden" name="statusPageId" value={statusPageId} />
      <div className="form-grid">
        <Field name="component" label="Region" errors={errors}>
          {(p) => (
            <select {...p} defaultValue={regions[0]?.id ?? ""}>
              {regions.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name} ({r.id})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="status" label="Status" errors={errors}>
          {(p) => (
            <select {...p} defaultValue="partial_outage">
              {PUBLIC_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {PUBLIC_STATUS_LABEL[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="duration" label="For" hint={`at most ${MAX_PIN_DAYS} days`} errors={errors}>
          {(p) => (
            <select {...p} value={duration} onChange={(e) => setDuration(e.target.value as PinDuration)}>
              {PIN_DURATIONS.map((d) => (
                <option key={d} value={d}>
                  {PIN_DURATION_LABEL[d]}
                </option>
              ))}
            </select>
          )}
        </Field>
        {duration === "until" && (
          <Field name="until" label="Until" hint="UTC" errors={errors}>
            {(p) => <input {...p} type="datetime-local" required />}
          </Field>
        )}
        <Field
          name="reason"
          label="Reason"
          hint="shown here and in the audit log, never on the public page"
          className="wide"
          errors={errors}
        >
          {(p) => <textarea {...p} rows={2} required maxLength={500} />}
        </Field>
      </div>
      <div>
        <button className="btn primary" type="submit" disabled={isPending}>
          {isPending ? "Pinning…" : "Pin status"}
        </button>
      </div>
    </form>
  );
}

/** Ends a pin before its time. */
export function ClearPinButton({ action, id, label }: { action: Action; id: string; label: string }) {
  const { state, onSubmit, isPending } = useFormAction(action);
  return (
    <form method="post" onSubmit={onSubmit}>
      <input type="hidden" name="id" value={id} />
      <FormError message={state && !state.ok ? state.error.message : null} />
      <button className="btn small" type="submit" disabled={isPending} aria-label={label}>
        {isPending ? "Clearing…" : "Clear"}
      </button>
    </form>
  );
}
