"use client";

import { isSignedOut } from "@/lib/fetch-json";

/** Where to sign in so the console comes back to this very page afterwards. */
export function signInAgainHref(): string {
  const here = typeof window === "undefined" ? "/" : window.location.pathname + window.location.search;
  return `/login?next=${encodeURIComponent(here)}`;
}

/**
 * How every live view shows a failed refresh: a signed-out session gets a link to sign in again and come
 * back here; anything else shows the server's message. `inlineClass` drops the alert box for tight spots.
 */
export function LiveError({ error, inlineClass }: { error: Error; inlineClass?: string }) {
  const body = isSignedOut(error) ? (
    <>
      {error.message}{" "}
      <a href={signInAgainHref()} data-testid="sign-in-again">
        Sign in again
      </a>
    </>
  ) : (
    error.message
  );
  if (inlineClass !== undefined) return <span className={inlineClass}>{body}</span>;
  return (
    <div role="alert" className="alert error">
      {body}
    </div>
  );
}
