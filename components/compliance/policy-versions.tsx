import { Time } from "@/components/ui/time";
import type { PolicyVersionView } from "@/server/policies/read";
import styles from "./report.module.css";

function describeScope(scope: unknown): string {
  if (!scope || typeof scope !== "object") return "—";
  const s = scope as { all?: boolean; regions?: string[]; kinds?: string[]; labels?: Record<string, string> };
  if (s.all) return "all satellites";
  const parts = [
    s.regions?.length && `regions ${s.regions.join(", ")}`,
    s.kinds?.length && `kinds ${s.kinds.join(", ")}`,
    s.labels &&
      Object.keys(s.labels).length &&
      `labels ${Object.entries(s.labels)
        .map(([k, v]) => `${k}=${v}`)
        .join(", ")}`,
  ].filter(Boolean);
  return parts.join("; ") || "—";
}

function paramsText(params: unknown): string {
  if (!params || typeof params !== "object") return "";
  return Object.entries(params as Record<string, unknown>)
    .map(([k, v]) => `${k} ${Array.isArray(v) ? v.join(", ") : String(v)}`)
    .join(" · ");
}

/** Every version of a policy, newest first: a change writes a new one, so what was checked when stays readable. */
export function PolicyVersions({ versions }: { versions: PolicyVersionView[] }) {
  return (
    <section className="card" aria-labelledby="versions-title">
      <div className="card-head">
        <h2 id="versions-title">Versions</h2>
      </div>
      <div className={styles.tableWrap}>
        <table className={styles.table} data-testid="policy-versions">
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Rule</th>
              <th scope="col">Scope</th>
              <th scope="col">Mode</th>
              <th scope="col">Evidences</th>
              <th scope="col">Written</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.version}>
                <td>
                  v{v.version}
                  <div className="cell-sub">{v.name}</div>
                </td>
                <td className="mono">
                  {v.kind}
                  {paramsText(v.params) && <div className="cell-sub">{paramsText(v.params)}</div>}
                </td>
                <td className={styles.reason}>{describeScope(v.scope)}</td>
                <td>
                  {v.mode} · {v.severity}
                </td>
                <td>{v.frameworks.join(", ") || "—"}</td>
                <td className="nowrap">
                  <Time at={v.createdAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
