export default function Loading() {
  return (
    <div className="page" aria-busy="true" aria-live="polite">
      <span className="sr-only">Loading…</span>
      <div className="skeleton" style={{ width: 220, height: 26 }} />
      <div className="skeleton" style={{ width: 360, height: 14 }} />
      <div className="card" style={{ padding: 16, display: "grid", gap: 12 }}>
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="skeleton" style={{ height: 18, width: `${90 - (i % 3) * 12}%` }} />
        ))}
      </div>
    </div>
  );
}
