// Where a `next` or callbackUrl may send someone after signing in or out: a path on this site, nothing else.
// Browsers drop tabs and newlines from URLs and read "\" as "/", so "/\evil" and "/<tab>/evil" leave the site.

export const SAFE_REDIRECT_FALLBACK = "/";

const ORIGIN = "http://orrery.invalid";
const MAX_LENGTH = 2048;
const MAX_DECODES = 3;
// C0 controls, DEL, the C1 controls and the backslash are never part of a path Orrery links to.
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\\]/;

function isSafeLayer(path: string): boolean {
  if (!path.startsWith("/") || path.startsWith("//") || FORBIDDEN.test(path)) return false;
  try {
    return new URL(path, ORIGIN).origin === ORIGIN;
  } catch {
    return false;
  }
}

function decodeOnce(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/**
 * `candidate` if it is a path on this site, in its written form and once or twice percent-decoded (a later
 * hop may decode it again); otherwise the fallback. Absolute URLs are refused, even to this site's origin.
 */
export function safeRedirectPath(candidate: unknown, fallback = SAFE_REDIRECT_FALLBACK): string {
  if (typeof candidate !== "string" || candidate.length === 0 || candidate.length > MAX_LENGTH) {
    return fallback;
  }
  let layer = candidate;
  for (let decodes = 0; decodes <= MAX_DECODES; decodes++) {
    if (!isSafeLayer(layer)) return fallback;
    const decoded = decodeOnce(layer);
    // A stray "%" cannot decode into anything else: the layers checked so far are all there is.
    if (decoded === null || decoded === layer) return candidate;
    layer = decoded;
  }
  return fallback;
}

/**
 * For next-auth's redirect callback: a URL on `baseUrl` built from a safe path. A same-origin absolute URL
 * (next-auth sends the current page's) keeps its path; anything else lands on the fallback.
 */
export function safeRedirectUrl(url: unknown, baseUrl: string, fallback = SAFE_REDIRECT_FALLBACK): string {
  const base = baseUrl.replace(/\/+$/, "");
  if (typeof url !== "string") return base + fallback;
  let path: unknown = url;
  if (!url.startsWith("/")) {
    try {
      const parsed = new URL(url);
      path = parsed.origin === new URL(base).origin ? parsed.pathname + parsed.search + parsed.hash : null;
    } catch {
      path = null;
    }
  }
  return base + safeRedirectPath(path, fallback);
}
