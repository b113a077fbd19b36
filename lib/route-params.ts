// Path segments as typed by users: a malformed escape (`%E0%A4%A`, `%zz`, a lone `%`) names nothing, so it
// must end in a 404 rather than a URIError thrown out of a page or handler.

/** The decoded segment, or null when it holds a malformed escape. */
export function decodeSegment(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

/** True when some segment of the URL's path (the query is not looked at) cannot be decoded. */
export function hasMalformedPath(url: string): boolean {
  const end = url.search(/[?#]/);
  const path = end < 0 ? url : url.slice(0, end);
  // Every request passes here: a path with no escape at all needs no decoding. A malformed escape in any
  // segment makes the whole path undecodable, so one decode answers for all of them.
  return path.includes("%") && decodeSegment(path) === null;
}
