"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import { safeRedirectPath } from "@/lib/safe-redirect";
import { TWO_FACTOR_MESSAGES } from "@/server/twofactor/messages";

const SHOWN = (error: string) =>
  error.startsWith("Too many") ||
  error.startsWith("Password sign-in is off") ||
  TWO_FACTOR_MESSAGES.includes(error);

export function LoginForm({ next }: { next: string }) {
  const [error, setError] = useState<string | null>(null);
  const [isPending, setPending] = useState(false);
  // Shown once the password was right for an account with two-factor on.
  const [needsCode, setNeedsCode] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      code: String(form.get("code") ?? ""),
      redirect: false,
    });
    if (result?.ok && !result.error) {
      // Through the sign-in page, which sends an account that must enrol in two-factor there first.
      // A full load, so the new session cookie is read by the server from the first render.
      const through = new URL("/login", window.location.origin);
      through.searchParams.set("next", safeRedirectPath(next));
      window.location.assign(through);
      return;
    }
    setPending(false);
    const message = result?.error ?? "CredentialsSignin";
    if (TWO_FACTOR_MESSAGES.includes(message)) setNeedsCode(true);
    setError(
      message === "CredentialsSignin"
        ? "Wrong email or password."
        : SHOWN(message)
          ? message
          : "Sign-in failed. Try again in a moment.",
    );
  }

  return (
    <form method="post" onSubmit={onSubmit} className="grid" style={{ gap: 14 }} noValidate>
      {error && (
        <div role="alert" className="alert error">
          {error}
        </div>
      )}
      <div className="field">
        <label htmlFor="email">Email</label>
        <input id="email" name="email" type="email" autoComplete="username" required autoFocus />
      </div>
      <div className="field">
        <label htmlFor="password">Password</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
      </div>
      {needsCode && (
        <div className="field">
          <label htmlFor="code">Two-factor code</label>
          <input
            id="code"
            name="code"
            autoComplete="one-time-code"
            inputMode="text"
            maxLength={11}
            required
            autoFocus
          />
          <span className="hint">from your authenticator app, or a recovery code</span>
        </div>
      )}
      <button type="submit" className="btn primary" disabled={isPending}>
        {isPending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
