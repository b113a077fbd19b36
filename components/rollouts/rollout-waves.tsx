"use client";

import { useEffect } from "react";
import type { RolloutDetail } from "@/server/rollouts/views";
import { Time } from "@/components/ui/time";
import { useFormAction } from "../forms/use-form-action";
import { formatMinutes, ProgressBar, WaveStatusPill } from "./rollout-bits";
import type { RolloutAction } from "./rollout-controls";
import styles from "./rollouts.module.css";

/** One card per wave: its status, progress, estimate and the moments it started, baked and finished. */
export function RolloutWaves({
  rollout,
  approve,
  onDone,
}: {
  rollout: RolloutDetail;
  approve: RolloutAction;
  onDone: () => void;
}) {
  if (rollout.waves.length === 0) return null;
  return (
    <section className="card" aria-label="Waves">
      <div className="card-head">
        <h2>Waves</h2>
        <span className="muted small">
          up to {rollout.maxConcurrency} at a time · bake {rollout.bakeMinutes} min · gate{" "}
          {rollout.failureThresholdPct} %
          {rollout.requireApproval ? " · approval before each wave after the canary" : ""}
        </span>
      </div>
      <ol className={`card-body ${styles.waves}`}>
        {rollout.waves.map((w) => {
          const isCurrent =
            w.index === rollout.currentWave &&
            !["completed", "completed_with_exceptions", "draft"].includes(rollout.status);
          return (
            <li
              key={w.index}
              className={`${styles.wave} ${isCurrent ? styles.waveCurrent : ""}`}
              aria-label={`Wave ${w.index} (${w.label})`}
              aria-current={isCurrent ? "step" : undefined}
            >
              <div className={styles.waveHead}>
                <strong>
                  Wave {w.index} · {w.label}
                </strong>
                <WaveStatusPill status={w.status} />
              </div>
              <ProgressBar counts={w.counts} />
              <div className={styles.waveTimes}>
                <span>estimate {formatMinutes(w.estimateMinutes)}</span>
                {w.startedAt && (
                  <span>
                    started <Time at={w.startedAt} />
                  </span>
                )}
                {w.status === "baking" && w.bakeUntil && (
                  <span>
                    baking until <Time at={w.bakeUntil} />
                  </span>
                )}
                {w.finishedAt && (
                  <span>
                    finished <Time at={w.finishedAt} />
                  </span>
                )}
                {w.approvedAt && (
                  <span>
                    approved by {w.approvedBy ?? "an admin"} <Time at={w.approvedAt} />
                  </span>
                )}
              </div>
              {rollout.can.approve && w.status === "awaiting_approval" && w.index === rollout.currentWave && (
                <ApproveWaveButton rolloutId={rollout.id} wave={w.index} action={approve} onDone={onDone} />
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** The admin's approval of the wave the rollout waits at. */
function ApproveWaveButton({
  rolloutId,
  wave,
  action,
  onDone,
}: {
  rolloutId: string;
  wave: number;
  action: RolloutAction;
  onDone: () => void;
}) {
  const { state, onSubmit, isPending } = useFormAction(action);
  useEffect(() => {
    if (state?.ok) onDone();
  }, [state, onDone]);
  return (
    <form method="post" onSubmit={onSubmit}>
      <input type="hidden" name="id" value={rolloutId} />
      <input type="hidden" name="wave" value={wave} />
      <button className="btn small primary" type="submit" disabled={isPending}>
        {isPending ? "Approving…" : `Approve wave ${wave}`}
      </button>
      {state && !state.ok && (
        <span className={styles.inlineError} role="alert">
          {state.error.message}
        </span>
      )}
    </form>
  );
}
