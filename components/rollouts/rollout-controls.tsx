"use client";

import { useEffect } from "react";
import type { RolloutDetail } from "@/server/rollouts/views";
import { useFormAction } from "../forms/use-form-action";
import { ActionDialog, Reason, type RolloutAction } from "./action-dialog";
import type { RetryAction } from "./left-behind";
import { ResumeDialog } from "./resume-dialog";
import styles from "./rollouts.module.css";

export type { RolloutAction };
export type RolloutActions = {
  retry: RetryAction;
  pause: RolloutAction;
  resume: RolloutAction;
  abort: RolloutAction;
  rollBack: RolloutAction;
  approve: RolloutAction;
  start: RolloutAction;
};

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
      {can.resume && <ResumeDialog rollout={rollout} action={actions.resume} onDone={onDone} />}
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
