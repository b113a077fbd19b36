"use client";

import { Field, FormError } from "@/components/forms/field";
import { useFormAction } from "@/components/forms/use-form-action";
import type { ActionResult } from "@/server/http/action";
import styles from "./incidents.module.css";
import { SatellitePicker } from "./satellite-picker";

type Action<T> = (prev: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;

export function ScheduleMaintenanceForm<T>({
  action,
  defaultStart,
  defaultEnd,
}: {
  action: Action<T>;
  /** datetime-local values in UTC, filled in by the page so server and browser agree. */
  defaultStart: string;
  defaultEnd: string;
}) {
  const { state, onSubmit, isPending, errors } = useFormAction(action);
  return (
    <form method="post" onSubmit={onSubmit} className="grid" style={{ gap: 14 }} noValidate>
      <FormError message={state && !state.ok ? state.error.message : null} />
      <div className="form-grid">
        <Field name="title" label="Title" className="wide" errors={errors}>
          {(p) => <input {...p} required minLength={3} maxLength={200} autoFocus />}
        </Field>
        <Field name="startsAt" label="Starts (UTC)" errors={errors}>
          {(p) => <input {...p} type="datetime-local" defaultValue={defaultStart} required />}
        </Field>
        <Field name="endsAt" label="Ends (UTC)" hint="after the start" errors={errors}>
          {(p) => <input {...p} type="datetime-local" defaultValue={defaultEnd} required />}
        </Field>
        <Field
          name="description"
          label="Description"
          hint="what customers should expect; shown on the status pages"
          className="wide"
          errors={errors}
        >
          {(p) => <textarea {...p} rows={3} />}
        </Field>
        <Field
          name="satellites"
          label="Satellites"
          hint="type a slug or name; Enter adds it"
          className="wide"
          errors={errors}
        >
          {(p) => (
            <SatellitePicker
              id={p.id}
              name={p.name}
              invalid={p["aria-invalid"]}
              describedBy={p["aria-describedby"]}
            />
          )}
        </Field>
      </div>
      <div>
        <button className="btn primary" type="submit" disabled={isPending}>
          {isPending ? "Scheduling…" : "Schedule maintenance"}
        </button>
      </div>
    </form>
  );
}

/** "Cancel" before the window starts; "End now" while it runs (the server decides which it was). */
export function CancelMaintenanceButton<T>({
  id,
  title,
  isActive,
  action,
}: {
  id: string;
  title: string;
  isActive: boolean;
  action: Action<T>;
}) {
  const { state, onSubmit, isPending } = useFormAction(action);
  const label = isActive ? "End now" : "Cancel";
  return (
    <form method="post" onSubmit={onSubmit}>
      <input type="hidden" name="id" value={id} />
      <div className={styles.actions}>
        <button
          className="btn small danger"
          type="submit"
          disabled={isPending}
          aria-label={`${label}: ${title}`}
        >
          {isPending ? "…" : label}
        </button>
      </div>
      {state && !state.ok && (
        <div role="alert" className={styles.rowError}>
          {state.error.message}
        </div>
      )}
    </form>
  );
}
