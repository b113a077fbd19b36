"use client";

import { useEffect, useRef } from "react";
import type { ActionResult } from "@/server/http/action";
import type { RolloutActionResult } from "@/server/rollouts/control";
import { FormError } from "../forms/field";
import { useFormAction } from "../forms/use-form-action";
import styles from "./rollouts.module.css";

type Acted = ActionResult<RolloutActionResult>;
export type RolloutAction = (prev: Acted | null, form: FormData) => Promise<Acted>;

/** A button that opens a dialog holding the action's form; it closes once the action succeeded. */
export function ActionDialog({
  id,
  action,
  onDone,
  title,
  button,
  submit,
  tone,
  children,
}: {
  id: string;
  action: RolloutAction;
  onDone: () => void;
  title: string;
  button: string;
  submit: string;
  tone?: "danger" | "primary";
  children?: React.ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const { state, onSubmit, isPending, errors } = useFormAction(action);
  useEffect(() => {
    if (state?.ok) {
      dialog.current?.close();
      onDone();
    }
  }, [state, onDone]);
  return (
    <>
      <button type="button" className={`btn ${tone ?? ""}`} onClick={() => dialog.current?.showModal()}>
        {button}
      </button>
      <dialog ref={dialog} aria-label={title}>
        <form method="post" onSubmit={onSubmit} className={styles.dialogBody} noValidate>
          <h2>{title}</h2>
          <input type="hidden" name="id" value={id} />
          {/* A refused reason is shown beside the field, not twice. */}
          <FormError message={state && !state.ok && !errors?.reason ? state.error.message : null} />
          {children}
          {errors?.reason && (
            <span className={styles.inlineError} role="alert">
              {errors.reason}
            </span>
          )}
          <div className="row">
            <button type="submit" className={`btn ${tone ?? "primary"}`} disabled={isPending}>
              {isPending ? "Working…" : submit}
            </button>
            <button type="button" className="btn ghost" onClick={() => dialog.current?.close()}>
              Cancel
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}

export function Reason({ id, label, isRequired }: { id: string; label: string; isRequired: boolean }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} name="reason" rows={3} required={isRequired} maxLength={500} />
    </div>
  );
}
