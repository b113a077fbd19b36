"use client";

import { useState } from "react";
import type { RolloutDetail, RolloutTargetView } from "@/server/rollouts/views";
import { ActionDialog, Reason, type RolloutAction } from "./action-dialog";
import styles from "./rollouts.module.css";

/** Satellites named in the dialog; the count covers the rest. */
const NAMED = 8;

function FailureList({ targets, label }: { targets: RolloutTargetView[]; label: string }) {
  return (
    <ul className={styles.failureList} aria-label={label}>
      {targets.slice(0, NAMED).map((t) => (
        <li key={t.satelliteId}>
          <span className="mono">{t.slug}</span>
          <span className="cell-sub">{t.failure?.reason ?? "failed"}</span>
        </li>
      ))}
      {targets.length > NAMED && <li className="muted">and {targets.length - NAMED} more</li>}
    </ul>
  );
}

/** What going on without the skipped satellites gives up: the canary's proof, or one wave's. */
function skipWarning(rollout: RolloutDetail): string {
  const wave = rollout.waves.find((w) => w.index === rollout.currentWave);
  if (!wave || wave.index === 0) {
    const passed = wave?.counts.succeeded ?? 0;
    return passed === 0
      ? "The release goes on without a validated canary: the next waves start although no satellite has run it successfully."
      : `The canary is validated by only ${passed} of ${wave?.counts.total ?? passed} satellites; the release goes on to the next waves.`;
  }
  return `The release goes on without the validation of wave ${wave.index} (${wave.label}) for these satellites. They stay on their version and are listed when the rollout ends, with a way to retry them.`;
}

/**
 * Resuming a paused rollout. Failures a retry can change (the agent was offline or stale, the upgrade
 * timed out) may be retried or skipped; failures the agent reported would happen again, so they are only
 * skipped. Skipping warns what the release goes on without and asks why, for the audit log.
 */
export function ResumeDialog({
  rollout,
  action,
  onDone,
}: {
  rollout: RolloutDetail;
  action: RolloutAction;
  onDone: () => void;
}) {
  const failed = rollout.targets.filter((t) => t.waveIndex === rollout.currentWave && t.state === "failed");
  const retryable = failed.filter((t) => t.failure?.isRetryable);
  const final = failed.filter((t) => !t.failure?.isRetryable);
  const [choice, setChoice] = useState<"retry" | "skip">("retry");
  const isSkipping = final.length > 0 || (retryable.length > 0 && choice === "skip");
  const submit = failed.length === 0 ? "Resume" : isSkipping ? "Skip and resume" : "Retry and resume";
  return (
    <ActionDialog
      id={rollout.id}
      action={action}
      onDone={onDone}
      title="Resume this rollout"
      button="Resume…"
      submit={submit}
      tone="primary"
    >
      {failed.length === 0 && (
        <p className="muted">The halted wave starts again, and its bake starts afresh.</p>
      )}
      {retryable.length > 0 && (
        <fieldset className={styles.resumeGroup}>
          <legend>
            {retryable.length} failure{retryable.length === 1 ? "" : "s"} a retry can change
          </legend>
          <FailureList targets={retryable} label="Failures a retry can change" />
          <label className={styles.radio}>
            <input
              type="radio"
              name="failedTargets"
              value="retry"
              checked={choice === "retry"}
              onChange={() => setChoice("retry")}
            />
            Retry them with a fresh upgrade
          </label>
          <label className={styles.radio}>
            <input
              type="radio"
              name="failedTargets"
              value="skip"
              checked={choice === "skip"}
              onChange={() => setChoice("skip")}
            />
            Skip them and go on with the others
          </label>
        </fieldset>
      )}
      {final.length > 0 && (
        <div className={styles.resumeGroup}>
          <strong>
            {final.length} failure{final.length === 1 ? "" : "s"} the agent reported: skipped
          </strong>
          <p className="muted">A retry would fail the same way, so these satellites are skipped.</p>
          <FailureList targets={final} label="Failures the agent reported" />
        </div>
      )}
      {retryable.length === 0 && final.length > 0 && (
        <input type="hidden" name="failedTargets" value="skip" />
      )}
      {isSkipping && (
        <>
          <div className={styles.skipWarning} role="note">
            {skipWarning(rollout)}
          </div>
          <Reason id="skip-reason" label="Why go on without them?" isRequired />
        </>
      )}
    </ActionDialog>
  );
}
