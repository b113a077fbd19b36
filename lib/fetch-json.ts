// How the console's live views read Orrery's JSON: the error an answer carries (`{ error: { message } }`)
// becomes the thrown message, with a fallback naming what could not be loaded. A 401 is always a
// SignedOutError, so every live view can offer the same way back in (components/ui/live-error.tsx).

type Messages = { fallback: string; unauthorized?: string };

const SIGNED_OUT_MESSAGE = "Your session has ended: sign in again to see live data.";

/** The session expired or was revoked: retrying will not help, signing in again will. */
export class SignedOutError extends Error {
  readonly isSignedOut = true;

  constructor(message = SIGNED_OUT_MESSAGE) {
    super(message);
    this.name = "SignedOutError";
  }
}

export function isSignedOut(error: unknown): error is SignedOutError {
  return error instanceof SignedOutError;
}

/** Orrery answered with an error status; `status` tells a refusal (4xx) from a failure (5xx). */
export class HttpError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = "HttpError";
  }
}

/**
 * react-query's `retry` for live views: once for a network or server failure; never when signed out or
 * refused (a 4xx will not change on a retry).
 */
export function retryUnlessSignedOut(failures: number, error: Error): boolean {
  return failures < 1 && !isSignedOut(error) && !(error instanceof HttpError && error.status < 500);
}

async function failure(res: Response, messages: Messages): Promise<Error> {
  if (res.status === 401) return new SignedOutError(messages.unauthorized);
  // Route handlers answer `{ error: { message } }`; REST operations answer RFC 9457 problems (`detail`).
  const body = (await res.json().catch(() => null)) as {
    error?: { message?: string };
    detail?: string;
  } | null;
  const message = body?.error?.message ?? body?.detail;
  return new HttpError(message ?? `${messages.fallback} (HTTP ${res.status}).`, res.status);
}

/** A 200 that is not JSON (a sign-in page served by a proxy, say) is a failure, not a parse crash. */
async function readJson<T>(res: Response, messages: Messages): Promise<T> {
  try {
    return (await res.json()) as T;
  } catch {
    throw new Error(`${messages.fallback}: the answer was not JSON.`);
  }
}

export async function fetchJson<T>(url: string, messages: Messages, signal?: AbortSignal): Promise<T> {
  const res = await fetch(url, { cache: "no-store", signal, headers: { accept: "application/json" } });
  if (!res.ok) throw await failure(res, messages);
  return readJson<T>(res, messages);
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
      headers: { accept: "application/json", ...(cached ? { "If-None-Match": cached.etag } : {}) },
    });
    if (res.status === 304 && cached) return cached.data;
    if (!res.ok) throw await failure(res, messages);
    const data = await readJson<T>(res, messages);
    const etag = res.headers.get("etag");
    if (etag) last.set(url, { etag, data });
    return data;
  };
}
