import { PageHead } from "./page-head";

/** An honest page for a part of the console that is not built yet. */
export function ComingNext({ title, what }: { title: string; what: string }) {
  return (
    <div className="page">
      <PageHead title={title} />
      <section className="card empty">
        <h2>Not built yet</h2>
        <p>{what}</p>
      </section>
    </div>
  );
}
