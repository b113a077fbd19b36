"use client";

import { Field, FormError } from "@/components/forms/field";
import { useFormAction } from "@/components/forms/use-form-action";
import type { ActionResult } from "@/server/http/action";
import styles from "./two-factor.module.css";

type Action = (prev: ActionResult<string[]> | null, form: FormData) => Promise<ActionResult<string[]>>;

/** The recovery codes, shown once: each signs in once in place of a code. */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  return (
    <div className={styles.codes}>
      <p>
        <strong>Save these recovery codes now.</strong> Each one signs you in once if you lose your phone;
        they are not shown again.
      </p>
      <ol aria-label="Recovery codes">
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ol>
    </div>
  );
}

/** Enrolment: add the account to an authenticator app, then confirm it with a first code. */
export function EnrolForm({
  secret,
  uri,
  qrSvg,
  action,
  continueHref,
}: {
  secret: string;
  uri: string;
  /** The link as an SVG QR code, drawn on the server from our own data. */
  qrSvg: string;
  action: Action;
  continueHref: string;
}) {
  const { state, onSubmit, isPending, errors } = useFormAction(action);
  if (state?.ok) {
    return (
      <div className="grid" style={{ gap: 14 }}>
        <div role="status" className="alert ok">
          Two-factor is on.
        </div>
        <RecoveryCodes codes={state.data} />
        <a className="btn primary" href={continueHref}>
          I saved them, continue
        </a>
      </div>
    );
  }
  return (
    <form method="post" onSubmit={onSubmit} className="grid" style={{ gap: 14 }} noValidate>
      <ol className={styles.steps}>
        <li>
          Scan this code with your authenticator app:
          <div
            className={styles.qr}
            role="img"
            aria-label="QR code of the two-factor key"
            dangerouslySetInnerHTML={{ __html: qrSvg }}
          />
          Or add an account with this key (or open the link on your phone):
          <code className={styles.secret} aria-label="Secret key">
            {secret.match(/.{1,4}/g)?.join(" ")}
          </code>
          <a className={styles.uri} href={uri}>
            Open in an authenticator app
          </a>
        </li>
        <li>Enter the 6-digit code it shows.</li>
      </ol>
      <FormError message={state && !state.ok ? state.error.message : null} />
      <Field name="code" label="Code" errors={errors}>
        {(p) => (
          <input
            {...p}
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9]{6}"
            maxLength={6}
            required
          />
        )}
      </Field>
      <button type="submit" className="btn primary" disabled={isPending}>
        {isPending ? "Checking…" : "Turn on two-factor"}
      </button>
    </form>
  );
}

/** New recovery codes after the password; the old ones stop working. */
export function RegenerateCodesForm({ action }: { action: Action }) {
  const { state, onSubmit, isPending, errors } = useFormAction(action);
  if (state?.ok) return <RecoveryCodes codes={state.data} />;
  return (
    <form method="post" onSubmit={onSubmit} className="grid" style={{ gap: 12 }} noValidate>
      <FormError message={state && !state.ok ? state.error.message : null} />
      <Field
        name="password"
        label="Your password"
        hint="to show new recovery codes; the old ones stop working"
        errors={errors}
      >
        {(p) => <input {...p} type="password" autoComplete="current-password" required />}
      </Field>
      <div>
        <button type="submit" className="btn" disabled={isPending}>
          {isPending ? "Making codes…" : "New recovery codes"}
        </button>
      </div>
    </form>
  );
}
