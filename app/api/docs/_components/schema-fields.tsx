import { constraintsOf, refName, resolve, typeOf, type OpenApiDoc, type Schema } from "../openapi-view";
import { Prose } from "./prose";
import styles from "../docs.module.css";

type Row = { name: string; depth: number; schema: Schema; required: boolean };

const MAX_DEPTH = 3;

/** The object's fields, nested objects and lists of objects opened beneath their parent, a few levels deep. */
function rowsOf(doc: OpenApiDoc, schema: Schema | undefined, depth = 0, seen = new Set<string>()): Row[] {
  const own = resolve(doc, schema);
  if (!own?.properties || depth >= MAX_DEPTH) return [];
  const required = new Set(own.required ?? []);
  return Object.entries(own.properties).flatMap(([name, child]) => {
    const row: Row = { name, depth, schema: child, required: required.has(name) };
    const inner = child.items ?? child;
    // A schema that contains itself is shown once: its name says the rest.
    const ref = inner.$ref ? refName(inner.$ref) : null;
    if (ref && seen.has(ref)) return [row];
    const next = ref ? new Set([...seen, ref]) : seen;
    return [row, ...rowsOf(doc, inner, depth + 1, next)];
  });
}

export function SchemaFields({ doc, schema }: { doc: OpenApiDoc; schema: Schema | undefined }) {
  const rows = rowsOf(doc, schema);
  const own = resolve(doc, schema);
  if (rows.length === 0) {
    return (
      <p className={styles.schemaType}>
        <code>{typeOf(schema)}</code>
        {own?.description ? ` — ${own.description}` : ""}
      </p>
    );
  }
  return (
    <>
      {schema?.$ref || schema?.items?.$ref ? (
        <p className={styles.schemaType}>
          <code>{typeOf(schema)}</code>
        </p>
      ) : null}
      <dl className={styles.fields}>
        {rows.map((row, i) => {
          const own = resolve(doc, row.schema) ?? row.schema;
          const notes = constraintsOf(own);
          return (
            <div key={i} className={styles.field} data-depth={row.depth}>
              <dt>
                <code className={styles.fieldName}>{row.name}</code>
                <span className={styles.fieldType}>{typeOf(row.schema)}</span>
                {row.required ? <span className={styles.required}>required</span> : null}
              </dt>
              <dd>
                <Prose text={row.schema.description ?? own.description} />
                {notes ? <span className={styles.notes}>{notes}</span> : null}
              </dd>
            </div>
          );
        })}
      </dl>
    </>
  );
}
