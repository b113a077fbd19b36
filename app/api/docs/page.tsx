import type { Metadata } from "next";
import Link from "next/link";
import { Logo } from "@/components/ui/logo";
import { docOps } from "@/server/api/ops/docs";
import { API_BASE } from "@/server/api/paths";
import { OperationCard } from "./_components/operation-card";
import { Prose } from "./_components/prose";
import { SchemaFields } from "./_components/schema-fields";
import { anchorOf, byTag, type OpenApiDoc } from "./openapi-view";
import styles from "./docs.module.css";

export const metadata: Metadata = {
  title: "API reference",
  description: "Orrery's REST API: every operation, its parameters and answers.",
};

/** The served document itself: GET /api/v1/openapi.json's own handler, in-process. */
async function loadDocument(): Promise<OpenApiDoc> {
  const served = docOps.find((op) => op.path === "/openapi.json");
  if (!served) throw new Error("The OpenAPI operation is missing.");
  const req = new Request(`http://localhost${API_BASE}/openapi.json`);
  const doc = await served.handler({ actor: null }, { params: {}, query: {}, body: undefined, req });
  return doc as OpenApiDoc;
}

function Contents({ groups }: { groups: ReturnType<typeof byTag> }) {
  return (
    <ol className={styles.tocList}>
      <li>
        <a href="#introduction">Introduction</a>
      </li>
      {groups.map(({ tag, entries }) => (
        <li key={tag}>
          <a href={`#${anchorOf(tag)}`}>{tag}</a>
          <ol>
            {entries.map(({ method, op }) => (
              <li key={op.operationId}>
                <a href={`#${anchorOf(op.operationId)}`}>
                  <span className={styles.miniMethod} data-method={method}>
                    {method === "delete" ? "DEL" : method.toUpperCase()}
                  </span>
                  {op.summary ?? op.operationId}
                </a>
              </li>
            ))}
          </ol>
        </li>
      ))}
      <li>
        <a href="#problem">Errors: Problem</a>
      </li>
    </ol>
  );
}

// Public, like the document it renders: it names operations, never data. Server-rendered, no script needed.
export default async function ApiDocsPage() {
  const doc = await loadDocument();
  const groups = byTag(doc);
  const count = groups.reduce((n, g) => n + g.entries.length, 0);
  return (
    <div className={styles.shell}>
      <header className={styles.top}>
        <Link href="/" className={styles.brand}>
          <Logo size={24} />
          <span>Orrery</span>
        </Link>
        <span className={styles.topTitle}>API reference</span>
        <span className="pill plain">v{doc.info.version}</span>
        <nav className={styles.topLinks} aria-label="Downloads">
          <a href={`${API_BASE}/openapi.json`}>openapi.json</a>
        </nav>
      </header>
      <div className={styles.layout}>
        <nav className={styles.sidebar} aria-label="Operations">
          <Contents groups={groups} />
        </nav>
        <main className={styles.main}>
          <section id="introduction" className={styles.intro}>
            <h1>{doc.info.title}</h1>
            <p className={styles.lede}>
              {count} operations under <code>{API_BASE}</code>. The machine-readable description is{" "}
              <a href={`${API_BASE}/openapi.json`}>{API_BASE}/openapi.json</a> (OpenAPI 3.1); the{" "}
              <code>orrery</code> command line is built on it (<code>npx orrery --help</code>).
            </p>
            <Prose text={doc.info.description} className={styles.prose} />
            <details className={styles.phoneToc}>
              <summary>Contents</summary>
              <Contents groups={groups} />
            </details>
          </section>
          {groups.map(({ tag, entries }) => (
            <section key={tag} id={anchorOf(tag)} className={styles.tag}>
              <h2>{tag}</h2>
              {entries.map((entry) => (
                <OperationCard key={entry.op.operationId} doc={doc} entry={entry} base={API_BASE} />
              ))}
            </section>
          ))}
          <section id="problem" className={styles.tag}>
            <h2>Errors: Problem</h2>
            <div className={`card ${styles.op}`}>
              <p className={styles.prose}>
                Every error answers <code>application/problem+json</code> (RFC 9457) in this shape; a request
                with wrong input names each field in <code>errors</code>.
              </p>
              <SchemaFields doc={doc} schema={{ $ref: "#/components/schemas/Problem" }} />
            </div>
          </section>
        </main>
      </div>
    </div>
  );
}
