import { formatDateTime, formatRelative } from "@/lib/format";
import type { RolloutDetail } from "@/server/rollouts/views";

/** How many to name before folding the rest into a count. */
const NAMED = 12;

/**
 * Deployment windows on a rollout's page: the satellites waiting for their window ("waiting for window,
 * opens in 3 h 10 min"), and any admin bypass or policy override with its reason. Nothing when none apply.
 */
export function WindowWaits({ rollout, now = new Date() }: { rollout: RolloutDetail; now?: Date }) {
  const waiting = rollout.targets
    .filter((t) => t.state === "pending" && t.waitingUntil)
    .sort(
      (a, b) => (a.waitingUntil ?? "").localeCompare(b.waitingUntil ?? "") || a.slug.localeCompare(b.slug),
    );
  const { windowBypassReason: bypass, policyOverrideReason: override } = rollout;
  if (waiting.length === 0 && !bypass && !override) return null;
  const first = waiting[0]?.waitingUntil;
  return (
    <section className="card" aria-labelledby="window-waits">
      <div className="card-head">
        <h2 id="window-waits">Deployment windows</h2>
      </div>
      <div className="card-body grid" style={{ gap: 10 }}>
        {bypass && (
          <div className="alert info">Deployment windows are bypassed for this rollout. Reason: {bypass}</div>
        )}
        {override && (
          <div className="alert info">
            An admin let this rollout past an enforced policy. Reason: {override}
          </div>
        )}
        {first && (
          <p style={{ margin: 0 }}>
            {waiting.length} satellite{waiting.length === 1 ? " is" : "s are"} waiting for window; the first
            opens {formatRelative(first, now)} ({formatDateTime(first)}).
          </p>
        )}
        {waiting.length > 0 && (
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {waiting.slice(0, NAMED).map((t) => (
              <li key={t.satelliteId}>
                <span className="mono">{t.slug}</span>{" "}
                <span className="muted">
                  waiting for window, opens {t.waitingUntil ? formatRelative(t.waitingUntil, now) : "later"}
                </span>
              </li>
            ))}
            {waiting.length > NAMED && <li className="muted">and {waiting.length - NAMED} more</li>}
          </ul>
        )}
      </div>
    </section>
  );
}
