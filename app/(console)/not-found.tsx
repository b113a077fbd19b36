import Link from "next/link";

export default function NotFound() {
  return (
    <div className="page">
      <section className="card empty">
        <h2>Not found</h2>
        <p>There is nothing at this address: the link may be old, or what it named was renamed or removed.</p>
        <Link className="btn" href="/">
          Back to the overview
        </Link>
      </section>
    </div>
  );
}
