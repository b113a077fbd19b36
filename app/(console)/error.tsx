"use client";

export default function ConsoleError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <div className="page">
      <section className="card empty" role="alert">
        <h2>This page could not be loaded</h2>
        <p>
          Something went wrong on our side. Try again; if it keeps failing, give this reference to whoever
          runs Orrery: <code>{error.digest ?? "no reference"}</code>
        </p>
        <button type="button" className="btn" onClick={reset}>
          Try again
        </button>
      </section>
    </div>
  );
}
