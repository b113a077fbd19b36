"use client";

import styles from "./fleet-overview.module.css";

/** "Violating policy X": narrows the map to the satellites with an unwaived violation of one policy. */
export function PostureFilter({
  policies,
  value,
  onChange,
}: {
  policies: { id: string; name: string }[];
  value: string | null;
  onChange: (policyId: string | null) => void;
}) {
  return (
    <label className={styles.toggle}>
      <span>Violating</span>
      <select
        className={styles.select}
        aria-label="Show only satellites violating a policy"
        value={value ?? ""}
        onChange={(e) => onChange(e.target.value || null)}
      >
        <option value="">any policy or none</option>
        {value && !policies.some((p) => p.id === value) && <option value={value}>{value}</option>}
        {policies.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
    </label>
  );
}
