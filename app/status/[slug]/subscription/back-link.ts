// The way back from the subscription pages to the status page. An unlisted page's key is carried only when
// this page's own URL already has it: it is never looked up or invented.

type Search = Record<string, string | string[] | undefined>;

export function statusPageHref(slug: string, search: Search): string {
  const key = typeof search.key === "string" && search.key ? `?key=${encodeURIComponent(search.key)}` : "";
  return `/status/${encodeURIComponent(slug)}${key}`;
}
