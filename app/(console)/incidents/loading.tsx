export default function Loading() {
  return (
    <div className="page" aria-busy="true" aria-live="polite">
      <span className="sr-only">Loading incidents…</span>
      <div className="skeleton" style={{ width: 200, height: 26 }} />
      <div className="kpis">
        {Array.from({ length: 3 }, (_, i) => (
          <div key={i} className="card kpi">
            <div className="skeleton" style={{ height: 12, width: "50%" }} />
            <div className="skeleton" style={{ height: 26, width: "30%", marginTop: 8 }} />
          </div>
        ))}
      </div>
      <div className="card" style={{ padding: 16, display: "grid", gap: 12 }}>
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className="skeleton" style={{ height: 18, width: `${92 - (i % 3) * 10}%` }} />
        ))}
      </div>
    </div>
  );
}
