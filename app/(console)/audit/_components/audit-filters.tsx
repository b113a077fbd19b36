import Link from "next/link";
import { AutoSubmit } from "@/components/tables/auto-submit";
import type { FieldErrors } from "@/server/errors";
import styles from "../audit.module.css";

export type AuditFilterValues = Partial<
  Record<"actor" | "actorType" | "action" | "targetType" | "target" | "from" | "to" | "q", string>
>;

/** Namespaces first ("release."), then every action seen, as suggestions for the action filter. */
function actionSuggestions(actions: string[]): string[] {
  const namespaces = new Set(actions.flatMap((a) => (a.includes(".") ? [`${a.split(".")[0]}.`] : [])));
  return [...namespaces, ...actions];
}

function Text({
  name,
  label,
  value,
  errors,
  className,
  ...rest
}: {
  name: keyof AuditFilterValues;
  label: string;
  value: AuditFilterValues;
  errors?: FieldErrors;
  className?: string;
} & Omit<React.InputHTMLAttributes<HTMLInputElement>, "name" | "value">) {
  return (
    <div className={`field ${className ?? ""}`}>
      <label htmlFor={`a-${name}`}>{label}</label>
      <input
        id={`a-${name}`}
        name={name}
        defaultValue={value[name] ?? ""}
        aria-invalid={errors?.[name] ? true : undefined}
        aria-describedby={errors?.[name] ? "audit-filter-error" : undefined}
        {...rest}
      />
    </div>
  );
}

export function AuditFilters({
  values,
  errors,
  actions,
  targetTypes,
}: {
  values: AuditFilterValues;
  errors?: FieldErrors;
  actions: string[];
  targetTypes: string[];
}) {
  return (
    <form id="audit-filters" className="filters" method="get" role="search" aria-label="Filter the audit log">
      <Text
        name="actor"
        label="Actor"
        value={values}
        errors={errors}
        className={styles.text}
        placeholder="email, satellite slug or system"
        autoComplete="off"
      />
      <div className="field">
        <label htmlFor="a-actorType">Actor kind</label>
        <select id="a-actorType" name="actorType" defaultValue={values.actorType ?? ""}>
          <option value="">All</option>
          <option value="user">People</option>
          <option value="apiToken">API tokens</option>
          <option value="agent">Agents</option>
          <option value="system">System</option>
        </select>
      </div>
      <Text
        name="action"
        label="Action"
        value={values}
        errors={errors}
        className={styles.text}
        placeholder="release. or user.disable"
        list="audit-actions"
        autoComplete="off"
      />
      <datalist id="audit-actions">
        {actionSuggestions(actions).map((a) => (
          <option key={a} value={a} />
        ))}
      </datalist>
      <div className="field">
        <label htmlFor="a-targetType">Target type</label>
        <select
          id="a-targetType"
          name="targetType"
          defaultValue={values.targetType ?? ""}
          aria-invalid={errors?.targetType ? true : undefined}
        >
          <option value="">All</option>
          {/* A type from a shared link may not be recorded here yet; keep it selected rather than hide it. */}
          {[...new Set([...targetTypes, ...(values.targetType ? [values.targetType] : [])])].map((t) => (
            <option key={t}>{t}</option>
          ))}
        </select>
      </div>
      <Text
        name="target"
        label="Target"
        value={values}
        errors={errors}
        placeholder="slug, email, version or id"
        autoComplete="off"
      />
      <Text
        name="from"
        label="From (UTC)"
        value={values}
        errors={errors}
        className={styles.time}
        type="datetime-local"
      />
      <Text
        name="to"
        label="To (UTC)"
        value={values}
        errors={errors}
        className={styles.time}
        type="datetime-local"
      />
      <Text name="q" label="Summary" value={values} errors={errors} type="search" placeholder="contains…" />
      <button className="btn" type="submit">
        Apply
      </button>
      <Link className="btn ghost" href="/audit">
        Clear
      </Link>
      <AutoSubmit formId="audit-filters" />
    </form>
  );
}
