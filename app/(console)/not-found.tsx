import Link from "next/link";

export default function NotFound() {
  return (
    <div className="page">
      <section className="card empty">
        <h2>Not found</h2>
        <p>There is nothing here: the link may be old, or the satellite was renamed.</p>
        <Link className="btn" href="/satellites">
          Back to Satellites
        </Link>
      </section>
    </div>
  );
}
