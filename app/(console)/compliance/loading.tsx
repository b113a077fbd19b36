export default function Loading() {
  return (
    <div className="page" aria-busy="true" aria-live="polite">
      <span className="sr-only">Loading compliance…</span>
      <div className="skeleton" style={{ width: 220, height: 26 }} />
      <div className="skeleton" style={{ width: 420, maxWidth: "100%", height: 14 }} />
      <section className="card">
        <div className="skeleton" style={{ height: 240, margin: 12 }} />
      </section>
      <section className="card">
        <div className="skeleton" style={{ height: 260, margin: 12 }} />
      </section>
    </div>
  );
}
