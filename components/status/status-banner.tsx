import { PUBLIC_STATUS_COLOR } from "@/lib/status/public-status";
import { Time } from "@/components/ui/time";
import type { PublicStatusDocument } from "@/server/status/snapshot";
import styles from "./status.module.css";

/** A mark for each indicator, so the banner reads without its colour too. */
const MARK: Record<PublicStatusDocument["indicator"], string> = {
  none: "✓",
  maintenance: "⚙",
  minor: "!",
  major: "!",
  critical: "✕",
};

/**
 * The page's overall status in words: the first thing a reader sees, and all most readers need. A page with
 * no site in service yet and nothing people said has no status to give: it says so, in grey, rather than
 * "All systems operational" above an empty list.
 */
export function StatusBanner({ doc }: { doc: PublicStatusDocument }) {
  const nothingYet =
    doc.regions.length === 0 && doc.activeIncidents.length === 0 && doc.maintenance.length === 0;
  if (nothingYet) {
    return (
      <section
        className={`${styles.banner} ${styles.bannerEmpty}`}
        aria-label="Overall status"
        data-status="none"
      >
        <span className={styles.mark} aria-hidden="true">
          …
        </span>
        <div>
          <strong>No status to show yet</strong>
          <small>No site on this page has reported yet.</small>
        </div>
      </section>
    );
  }
  return (
    <section
      className={styles.banner}
      style={{ background: PUBLIC_STATUS_COLOR[doc.overall] }}
      aria-label="Overall status"
      data-status={doc.overall}
      data-indicator={doc.indicator}
    >
      <span className={styles.mark} aria-hidden="true">
        {MARK[doc.indicator]}
      </span>
      <div>
        <strong>{doc.description}</strong>
        <small>
          Updated <Time at={doc.generatedAt} />
        </small>
      </div>
    </section>
  );
}
