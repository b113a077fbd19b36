"use client";

import { useEffect, useRef } from "react";
import { Field, FormError } from "@/components/forms/field";
import { useFormAction } from "@/components/forms/use-form-action";
import { errorOf, type Action } from "./incident-forms";
import styles from "./incidents.module.css";

export function ResolveForm<T>({ incidentId, action }: { incidentId: string; action: Action<T> }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const { state, onSubmit, isPending, errors } = useFormAction(action);
  const noteId = `resolve-note-${incidentId}`;
  useEffect(() => {
    if (state?.ok) dialog.current?.close();
  }, [state]);
  return (
    <>
      <button type="button" className="btn" onClick={() => dialog.current?.showModal()}>
        Resolve…
      </button>
      <dialog ref={dialog} aria-labelledby={`resolve-${incidentId}`}>
        <form method="post" onSubmit={onSubmit} className="grid" style={{ gap: 14, padding: 20 }} noValidate>
          <h2 id={`resolve-${incidentId}`}>Resolve this incident?</h2>
          <p className="muted" style={{ margin: 0 }}>
            Resolving closes the timeline for good. If the problem comes back, open a new incident.
          </p>
          <FormError message={errorOf(state)} />
          <input type="hidden" name="id" value={incidentId} />
          <Field
            id={noteId}
            name="body"
            label="Closing note"
            hint="optional; published like any update (empty: “This incident has been resolved.”)"
            errors={errors}
          >
            {(p) => <textarea {...p} rows={3} />}
          </Field>
          <div className="row" style={{ justifyContent: "flex-end" }}>
            <button type="button" className="btn" onClick={() => dialog.current?.close()}>
              Cancel
            </button>
            <button type="submit" className="btn primary" disabled={isPending}>
              {isPending ? "Resolving…" : "Resolve incident"}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}

/** Publish (and, for a reconciler proposal, Dismiss) as two small forms, with any refusal shown beside. */
export function PublishActions<T>({
  incidentId,
  canDismiss,
  publishAction,
  dismissAction,
}: {
  incidentId: string;
  canDismiss: boolean;
  publishAction: Action<T>;
  dismissAction: Action<T>;
}) {
  const publish = useFormAction(publishAction);
  const dismiss = useFormAction(dismissAction);
  const error = errorOf(publish.state) ?? errorOf(dismiss.state);
  return (
    <div>
      <div className={styles.actions}>
        <form method="post" onSubmit={publish.onSubmit}>
          <input type="hidden" name="id" value={incidentId} />
          <button className="btn small primary" type="submit" disabled={publish.isPending}>
            {publish.isPending ? "Publishing…" : "Publish"}
          </button>
        </form>
        {canDismiss && (
          <form method="post" onSubmit={dismiss.onSubmit}>
            <input type="hidden" name="id" value={incidentId} />
            <button className="btn small danger" type="submit" disabled={dismiss.isPending}>
              {dismiss.isPending ? "Dismissing…" : "Dismiss"}
            </button>
          </form>
        )}
      </div>
      {error && (
        <div role="alert" className={styles.rowError}>
          {error}
        </div>
      )}
    </div>
  );
}
