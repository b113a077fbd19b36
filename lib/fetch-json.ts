// How the console's live views read Orrery's JSON: the error an answer carries (`{ error: { message } }`)
// becomes the thrown message, with a fallback naming what could not be loaded.

type Messages = { fallback: string; unauthorized?: string };

async function failure(res: Response, messages: Messages): Promise<Error> {
  const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  if (res.status === 401 && messages.unauthorized) return new Error(messages.unauthorized);
  return new Error(body?.error?.message ?? `${messages.fallback} (HTTP ${res.status}).`);
}

export async function fetchJson<T>(url: string, messages: Messages): Promise<T> {
  const res = await fetch(url, { cache: "no-store" });
  if (!res.ok) throw await failure(res, messages);
  return (await res.json()) as T;
}

/**
 * A poller's fetch: it sends the ETag of its last answer for the same URL, and a 304 hands back that same
 * object, so nothing downstream re-renders when nothing changed.
 */
export function etagFetcher<T>(messages: Messages): (url: string) => Promise<T> {
  const last = new Map<string, { etag: string; data: T }>();
  return async (url) => {
    const cached = last.get(url);
    const res = await fetch(url, {
      cache: "no-store",
      headers: cached ? { "If-None-Match": cached.etag } : {},
    });
    if (res.status === 304 && cached) return cached.data;
    if (!res.ok) throw await failure(res, messages);
    const data = (await res.json()) as T;
    const etag = res.headers.get("etag");
    if (etag) last.set(url, { etag, data });
    return data;
  };
}
