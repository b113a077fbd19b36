"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import styles from "./login.module.css";

/**
 * "Sign in with …" for each identity provider. Links, since they lead to another site; next-auth's client
 * posts the CSRF token and starts the redirect. Without JavaScript the link lands back here, harmlessly.
 */
export function SsoButtons({ providers, next }: { providers: { id: string; name: string }[]; next: string }) {
  const [pending, setPending] = useState<string | null>(null);
  return (
    <div className={styles.sso}>
      {providers.map((p) => (
        <a
          key={p.id}
          className={`btn ${styles.ssoButton}`}
          href={`/api/auth/signin/${encodeURIComponent(p.id)}`}
          aria-disabled={pending !== null}
          onClick={(event) => {
            event.preventDefault();
            if (pending) return;
            setPending(p.id);
            void signIn(p.id, { callbackUrl: next });
          }}
        >
          {pending === p.id ? `Redirecting to ${p.name}…` : `Sign in with ${p.name}`}
        </a>
      ))}
    </div>
  );
}
