import Link from "next/link";
import { withParams, type SearchParams } from "@/lib/search-params";

/** Previous / next over a server-paged list; `param` names the page so several lists can share a URL. */
export function Pager({
  path,
  params,
  param = "page",
  page,
  limit,
  total,
  label,
}: {
  path: string;
  params: SearchParams;
  param?: string;
  page: number;
  limit: number;
  total: number;
  label: string;
}) {
  const pages = Math.max(1, Math.ceil(total / limit));
  if (total <= limit && page === 1) return null;
  const link = (to: number, text: string, rel: "prev" | "next", isEnabled: boolean) =>
    isEnabled ? (
      <Link className="btn small" rel={rel} href={`${path}${withParams(params, { [param]: to })}`}>
        {text}
      </Link>
    ) : (
      <span className="btn small" aria-disabled="true" style={{ opacity: 0.5 }}>
        {text}
      </span>
    );
  return (
    <nav className="pager" aria-label={label}>
      <span>
        {Math.min((page - 1) * limit + 1, total).toLocaleString("en")}–
        {Math.min(page * limit, total).toLocaleString("en")} of {total.toLocaleString("en")}
      </span>
      <span className="row">
        {link(page - 1, "← Previous", "prev", page > 1)}
        <span className="muted">
          Page {page} of {pages}
        </span>
        {link(page + 1, "Next →", "next", page < pages)}
      </span>
    </nav>
  );
}
