import { anchorOf, type Entry, type OpenApiDoc } from "../openapi-view";
import { Prose } from "./prose";
import { SchemaFields } from "./schema-fields";
import styles from "../docs.module.css";

/** One operation: method and path, what it does, what it takes and what it answers. */
export function OperationCard({ doc, entry, base }: { doc: OpenApiDoc; entry: Entry; base: string }) {
  const { method, path, op } = entry;
  const params = op.parameters ?? [];
  const body = op.requestBody?.content?.["application/json"]?.schema;
  return (
    <article className={`card ${styles.op}`} id={anchorOf(op.operationId)}>
      <header className={styles.opHead}>
        <span className={styles.method} data-method={method}>
          {method.toUpperCase()}
        </span>
        <code className={styles.path}>
          {base}
          {path}
        </code>
        {op.security && op.security.length === 0 ? <span className="pill plain">public</span> : null}
      </header>
      <h3 className={styles.opTitle}>
        <a href={`#${anchorOf(op.operationId)}`}>{op.summary ?? op.operationId}</a>
      </h3>
      <Prose text={op.description} className={styles.prose} />
      {params.length > 0 ? (
        <section>
          <h4 className={styles.h4}>Parameters</h4>
          <dl className={styles.fields}>
            {params.map((p) => (
              <div key={`${p.in}:${p.name}`} className={styles.field} data-depth={0}>
                <dt>
                  <code className={styles.fieldName}>{p.name}</code>
                  <span className={styles.fieldType}>
                    {p.in} · {p.schema?.type ? String(p.schema.type) : "string"}
                  </span>
                  {p.required ? <span className={styles.required}>required</span> : null}
                </dt>
                <dd>
                  <Prose text={p.description ?? p.schema?.description} />
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}
      {body ? (
        <section>
          <h4 className={styles.h4}>Request body</h4>
          <SchemaFields doc={doc} schema={body} />
        </section>
      ) : null}
      <section>
        <h4 className={styles.h4}>Responses</h4>
        <ul className={styles.responses}>
          {Object.entries(op.responses).map(([status, response]) => {
            const content = response.content ?? {};
            const type = Object.keys(content)[0];
            const isSuccess = status.startsWith("2");
            return (
              <li key={status}>
                <details open={isSuccess && status !== "204" ? true : undefined}>
                  <summary>
                    <span className={styles.status} data-ok={isSuccess}>
                      {status}
                    </span>
                    <span>{response.description}</span>
                    {type ? <code className={styles.mediaType}>{type}</code> : null}
                  </summary>
                  {isSuccess && type ? <SchemaFields doc={doc} schema={content[type].schema} /> : null}
                  {!isSuccess && type ? (
                    <p className={styles.schemaType}>
                      A <a href="#problem">Problem</a>.
                    </p>
                  ) : null}
                </details>
              </li>
            );
          })}
        </ul>
      </section>
    </article>
  );
}
