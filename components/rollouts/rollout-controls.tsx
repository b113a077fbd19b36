"use client";

import { useEffect, useRef } from "react";
import type { ActionResult } from "@/server/http/action";
import type { RolloutActionResult } from "@/server/rollouts/control";
import type { RolloutDetail } from "@/server/rollouts/views";
import { FormError } from "../forms/field";
import { useFormAction } from "../forms/use-form-action";
import styles from "./rollouts.module.css";

type Acted = ActionResult<RolloutActionResult>;
export type RolloutAction = (prev: Acted | null, form: FormData) => Promise<Acted>;
export type RolloutActions = {
  pause: RolloutAction;
  resume: RolloutAction;
  abort: RolloutAction;
  rollBack: RolloutAction;
  approve: RolloutAction;
  start: RolloutAction;
};

/** A button that opens a dialog holding the action's form; it closes once the action succeeded. */
function ActionDialog({
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
          <FormError message={state && !state.ok ? state.error.message : null} />
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

function Reason({ id, label, isRequired }: { id: string; label: string; isRequired: boolean }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} name="reason" rows={3} required={isRequired} maxLength={500} />
    </div>
  );
}

/** What an operator may do to the rollout now; the server checks every action again. */
export function RolloutControls({
  rollout,
  actions,
  onDone,
}: {
  rollout: RolloutDetail;
  actions: RolloutActions;
  onDone: () => void;
}) {
  const { can } = rollout;
  const failedHere = rollout.waves.find((w) => w.index === rollout.currentWave)?.counts.failed ?? 0;
  const { state: startState, onSubmit: onStart, isPending: isStarting } = useFormAction(actions.start);
  useEffect(() => {
    if (startState?.ok) onDone();
  }, [startState, onDone]);
  return (
    <div className={styles.controls} aria-label="Rollout controls" role="group">
      {can.start && (
        <form method="post" onSubmit={onStart}>
          <input type="hidden" name="id" value={rollout.id} />
          <button className="btn primary" type="submit" disabled={isStarting}>
            {isStarting ? "Starting…" : "Start rollout"}
          </button>
        </form>
      )}
      {startState && !startState.ok && (
        <span className={styles.inlineError} role="alert">
          {startState.error.message}
        </span>
      )}
      {can.pause && (
        <ActionDialog
          id={rollout.id}
          action={actions.pause}
          onDone={onDone}
          title="Pause this rollout"
          button="Pause"
          submit="Pause now"
        >
          <p className="muted">Nothing new starts; upgrades already sent finish and are recorded.</p>
          <Reason id="pause-reason" label="Why pause?" isRequired />
        </ActionDialog>
      )}
      {can.resume && (
        <ActionDialog
          id={rollout.id}
          action={actions.resume}
          onDone={onDone}
          title="Resume this rollout"
          button="Resume"
          submit="Resume"
          tone="primary"
        >
          {failedHere > 0 ? (
            <fieldset>
              <legend>
                {failedHere} satellite{failedHere === 1 ? "" : "s"} of the current wave failed
              </legend>
              <label className={styles.radio}>
                <input type="radio" name="failedTargets" value="retry" defaultChecked />
                Retry them with a fresh upgrade
              </label>
              <label className={styles.radio}>
                <input type="radio" name="failedTargets" value="skip" />
                Skip them and go on with the others
              </label>
            </fieldset>
          ) : (
            <p className="muted">The halted wave starts again, and its bake starts afresh.</p>
          )}
        </ActionDialog>
      )}
      {can.rollBack && (
        <ActionDialog
          id={rollout.id}
          action={actions.rollBack}
          onDone={onDone}
          title="Roll this rollout back"
          button="Roll back"
          submit="Roll back now"
          tone="danger"
        >
          <p className="muted">
            Queued upgrades are cancelled, and every satellite it upgraded returns to the version it came
            from.
          </p>
          <Reason id="rollback-reason" label="Reason (optional)" isRequired={false} />
        </ActionDialog>
      )}
      {can.abort && (
        <ActionDialog
          id={rollout.id}
          action={actions.abort}
          onDone={onDone}
          title="Abort this rollout"
          button="Abort"
          submit="Abort now"
          tone="danger"
        >
          <p className="muted">
            It ends for good: queued upgrades are cancelled; satellites already upgraded stay upgraded.
          </p>
          <Reason id="abort-reason" label="Reason (optional)" isRequired={false} />
        </ActionDialog>
      )}
    </div>
  );
}
