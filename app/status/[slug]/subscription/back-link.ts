// Links between the subscription pages and the status page. An unlisted page's key is carried only when
// this page's own URL already has it: it is never looked up or invented.

type Search = Record<string, string | string[] | undefined>;

/** The key this page's URL carries, as a query parameter to append, or "". */
function keyParam(search: Search): string {
  return typeof search.key === "string" && search.key ? `key=${encodeURIComponent(search.key)}` : "";
}

export function statusPageHref(slug: string, search: Search): string {
  const key = keyParam(search);
  return `/status/${encodeURIComponent(slug)}${key ? `?${key}` : ""}`;
}

/** The plain manage page of this token, without `leave=1`. */
export function manageHref(slug: string, token: string, search: Search): string {
  const key = keyParam(search);
  return `/status/${encodeURIComponent(slug)}/subscription?token=${encodeURIComponent(token)}${key ? `&${key}` : ""}`;
}
