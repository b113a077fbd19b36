import type { Refusal } from "@/server/auth/refusal";
import { PageHead } from "./page-head";

function Forbidden({ message }: { message: string }) {
  return (
    <div className="page">
      <PageHead title="Not allowed" />
      <section className="card empty" role="alert">
        <h2>You cannot open this page</h2>
        <p>{message} Ask an admin if you need it.</p>
      </section>
    </div>
  );
}

/**
 * For pages: the refusal to render instead, or null when the caller may see the page. The page asks
 * `refusal` on the server and passes its answer, so no component re-derives the policy.
 */
export function denyPage(refused: Refusal | null): React.ReactElement | null {
  return refused ? <Forbidden message={refused.message} /> : null;
}
