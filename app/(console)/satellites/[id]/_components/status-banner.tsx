import { Time } from "@/components/ui/time";
import { MAP_STATUS_LABEL } from "@/lib/fleet-map";
import type { StatusReason } from "@/server/satellites/status-reason";
import styles from "../satellite.module.css";

const TONE: Partial<Record<StatusReason["severity"], string>> = {
  critical: styles.bad,
  offline: styles.bad,
  degraded: styles.warn,
  stale: styles.warn,
};

/** Why the satellite needs attention and since when, first on its page; nothing while it is healthy. */
export function StatusBanner({ reason, now }: { reason: StatusReason | null; now: Date }) {
  if (!reason || reason.severity === "healthy") return null;
  return (
    <section
      className={[styles.banner, TONE[reason.severity]].filter(Boolean).join(" ")}
      aria-label="Why this status"
      data-testid="status-reason"
    >
      <p className={styles.bannerHead}>
        <strong>{MAP_STATUS_LABEL[reason.severity]}</strong>: {reason.headline}
        {reason.since && (
          <>
            {" "}
            <span className={styles.since}>
              since <Time at={reason.since} now={now} />
            </span>
          </>
        )}
      </p>
      {reason.details.map((d) => (
        <p key={d} className={styles.bannerDetail}>
          {d}
        </p>
      ))}
    </section>
  );
}
