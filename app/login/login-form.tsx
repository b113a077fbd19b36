"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import { safeRedirectPath } from "@/lib/safe-redirect";

export function LoginForm({ next }: { next: string }) {
  const [error, setError] = useState<string | null>(null);
  const [isPending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    if (result?.ok && !result.error) {
      window.location.assign(safeRedirectPath(next));
      return;
    }
    setPending(false);
    setError(
      !result?.error || result.error === "CredentialsSignin"
        ? "Wrong email or password."
        : result.error.startsWith("Too many")
          ? result.error
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
      <button type="submit" className="btn primary" disabled={isPending}>
        {isPending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
