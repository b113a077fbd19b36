import styles from "./commands.module.css";
import { resultFields, type ResultField, type ResultValue } from "./result-fields";

function Value({ value }: { value: ResultValue }) {
  switch (value.kind) {
    case "text":
      return (
        <span className={`${value.isMono ? "mono" : ""} ${value.tone ? styles[value.tone] : ""}`}>
          {value.text}
        </span>
      );
    case "list":
      return (
        <ul className={styles.resultList}>
          {value.items.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ul>
      );
    case "table":
      return (
        <table className={styles.resultTable}>
          <thead>
            <tr>
              {value.columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {value.rows.map((row, i) => (
              <tr key={i}>
                {row.map((cell, j) => (
                  <td key={j}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
    case "group":
      return <Fields fields={value.fields} />;
  }
}

function Fields({ fields }: { fields: ResultField[] }) {
  return (
    <dl className={styles.resultFields}>
      {fields.map((f) => (
        <div key={f.key} className={styles.resultRow}>
          <dt>{f.label}</dt>
          <dd>
            <Value value={f.value} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** Shown at once; a longer result opens on demand, its first few scalars in the summary. */
const INLINE_FIELDS = 4;

/** What an agent reported for a command, as labelled fields rather than its JSON. */
export function CommandResult({ result }: { result: unknown }) {
  const fields = resultFields(result);
  if (fields.length === 0) return null;
  if (fields.length <= INLINE_FIELDS && !fields.some((f) => f.value.kind === "table")) {
    return (
      <div className={styles.result}>
        <Fields fields={fields} />
      </div>
    );
  }
  const glimpse = fields
    .flatMap((f) => (f.value.kind === "text" ? [`${f.label} ${f.value.text}`] : []))
    .slice(0, 2)
    .join(" · ");
  return (
    <details className={styles.result}>
      <summary>
        {fields.length} fields{glimpse && ` — ${glimpse}`}
      </summary>
      <Fields fields={fields} />
    </details>
  );
}
