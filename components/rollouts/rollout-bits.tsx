import type { TargetCounts } from "@/server/rollouts/views";
import type { RolloutStatus, TargetState, WaveStatus } from "@/server/rollouts/types";
import styles from "./rollouts.module.css";

const STATUS_TONE: Record<RolloutStatus, string> = {
  draft: "plain",
  running: "info",
  awaiting_approval: "accent",
  paused: "warn",
  completed: "ok",
  completed_with_exceptions: "warn",
  aborted: "",
  rolling_back: "warn",
  rolled_back: "bad",
};

const TARGET_TONE: Record<TargetState, string> = {
  pending: "",
  excluded: "plain",
  upgrading: "info",
  succeeded: "ok",
  failed: "bad",
  skipped: "plain",
  rolled_back: "warn",
};

const WAVE_TONE: Record<WaveStatus, string> = {
  pending: "",
  awaiting_approval: "accent",
  running: "info",
  baking: "accent",
  completed: "ok",
  skipped: "plain",
  halted: "warn",
};

const words = (value: string) => value.replace(/_/g, " ");

export function RolloutStatusPill({ status }: { status: RolloutStatus }) {
  return <span className={`pill ${STATUS_TONE[status]}`}>{words(status)}</span>;
}

export function TargetStatePill({ state }: { state: TargetState }) {
  return <span className={`pill ${TARGET_TONE[state]}`}>{words(state)}</span>;
}

export function WaveStatusPill({ status }: { status: WaveStatus }) {
  return <span className={`pill ${WAVE_TONE[status]}`}>{words(status)}</span>;
}

/**
 * Succeeded, failed, skipped, in flight and rolled back, as shares of the targets (excluded ones do not
 * count); skipped is hatched grey, so a skipped wave never reads as done.
 */
export function ProgressBar({ counts }: { counts: TargetCounts }) {
  const total = counts.total;
  const pct = (n: number) => (total ? `${(n / total) * 100}%` : "0%");
  const label =
    `${counts.succeeded} of ${total} upgraded` +
    (counts.failed ? `, ${counts.failed} failed` : "") +
    (counts.skipped ? `, ${counts.skipped} skipped` : "") +
    (counts.upgrading ? `, ${counts.upgrading} upgrading` : "") +
    (counts.rolled_back ? `, ${counts.rolled_back} rolled back` : "");
  return (
    <div className={styles.progressCell}>
      <div
        className={styles.stack}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={counts.succeeded}
      >
        <span className={styles.ok} style={{ width: pct(counts.succeeded) }} />
        <span className={styles.bad} style={{ width: pct(counts.failed) }} />
        <span className={styles.skipped} style={{ width: pct(counts.skipped) }} />
        <span className={styles.busy} style={{ width: pct(counts.upgrading) }} />
        <span className={styles.back} style={{ width: pct(counts.rolled_back) }} />
      </div>
      <span className="cell-sub">{label}</span>
    </div>
  );
}

/** "45 min", "3 h 20 min". */
export function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? `${h} h ${m} min` : `${h} h`;
}
