"use client";

import { useState } from "react";
import { Field, FormError } from "@/components/forms/field";
import { useFormAction } from "@/components/forms/use-form-action";
import type { ActionResult } from "@/server/http/action";
import styles from "./subscribe.module.css";

export type ComponentChoice = { id: string; name: string; children: { id: string; name: string }[] };
type Result = { kind: "email" | "webhook"; secret?: string };
type Action = (prev: ActionResult<Result> | null, form: FormData) => Promise<ActionResult<Result>>;

/** Regions, each with its sites beneath when the page shows them; used here and on the manage page. */
export type FollowScope = "page" | "components";

/** "Everything on this page" or "Only the parts I choose": the subscribe and the manage forms alike. */
export function ScopeChoice({
  scope,
  onChange,
}: {
  scope: FollowScope;
  onChange: (scope: FollowScope) => void;
}) {
  return (
    <fieldset className={styles.choices}>
      <legend>What to follow</legend>
      <label className={styles.choice}>
        <input
          type="radio"
          name="scope"
          value="page"
          checked={scope === "page"}
          onChange={() => onChange("page")}
        />
        Everything on this page
      </label>
      <label className={styles.choice}>
        <input
          type="radio"
          name="scope"
          value="components"
          checked={scope === "components"}
          onChange={() => onChange("components")}
        />
        Only the parts I choose
      </label>
    </fieldset>
  );
}

export function ComponentPicker({
  choices,
  chosen = [],
  errors,
}: {
  choices: ComponentChoice[];
  chosen?: string[];
  errors?: Record<string, string>;
}) {
  return (
    <div>
      <div className={styles.components} role="group" aria-label="Components to follow">
        {choices.map((r) => (
          <div key={r.id}>
            <label className={styles.choice}>
              <input type="checkbox" name="components" value={r.id} defaultChecked={chosen.includes(r.id)} />
              {r.name}
            </label>
            {r.children.map((s) => (
              <label key={s.id} className={`${styles.choice} ${styles.sub}`}>
                <input
                  type="checkbox"
                  name="components"
                  value={s.id}
                  defaultChecked={chosen.includes(s.id)}
                />
                {s.name}
              </label>
            ))}
          </div>
        ))}
      </div>
      {errors?.components && (
        <span className="error" role="alert" style={{ color: "var(--bad)", fontSize: 13 }}>
          {errors.components}
        </span>
      )}
    </div>
  );
}

type Kind = "email" | "webhook";
const KINDS: [Kind, string][] = [
  ["email", "Email"],
  ["webhook", "Webhook"],
];

/**
 * Subscribe by email (only when the server can send mail) or by webhook, to the whole page or to chosen
 * regions and sites. A webhook's signing secret is shown once, here.
 */
export function SubscribeForm({
  action,
  slug,
  pageKey,
  emailEnabled,
  choices,
}: {
  action: Action;
  slug: string;
  pageKey: string | null;
  emailEnabled: boolean;
  choices: ComponentChoice[];
}) {
  const { state, onSubmit, isPending, errors } = useFormAction(action);
  const [kind, setKind] = useState<Kind>(emailEnabled ? "email" : "webhook");
  const [scope, setScope] = useState<FollowScope>("page");
  if (state?.ok) {
    return (
      <div className={styles.done} role="status">
        {state.data.kind === "email" ? (
          <p>
            <strong>Check your inbox.</strong> We sent a link to confirm the subscription; nothing is sent
            before you confirm.
          </p>
        ) : (
          <>
            <p>
              <strong>Webhook added.</strong> A verification ping is on its way; the subscription is active
              once your receiver answers it with a 2xx.
            </p>
            {state.data.secret && (
              <>
                <p className="small">
                  Signing secret, shown once. Check each delivery&apos;s <code>X-Orrery-Signature</code> with
                  it:
                </p>
                <code className={styles.secret}>{state.data.secret}</code>
              </>
            )}
          </>
        )}
      </div>
    );
  }
  return (
    <form method="post" onSubmit={onSubmit} className={styles.form} noValidate>
      <FormError message={state && !state.ok ? state.error.message : null} />
      <input type="hidden" name="slug" value={slug} />
      {pageKey && <input type="hidden" name="key" value={pageKey} />}
      <div className={styles.trap} aria-hidden="true">
        <label>
          Website <input name="website" tabIndex={-1} autoComplete="off" />
        </label>
      </div>
      {emailEnabled ? (
        <fieldset className={styles.choices}>
          <legend>Tell me by</legend>
          {KINDS.map(([value, label]) => (
            <label key={value} className={styles.choice}>
              <input
                type="radio"
                name="kind"
                value={value}
                checked={kind === value}
                onChange={() => setKind(value)}
              />
              {label}
            </label>
          ))}
        </fieldset>
      ) : (
        <input type="hidden" name="kind" value="webhook" />
      )}
      {errors?.kind && (
        <span role="alert" style={{ color: "var(--bad)", fontSize: 13 }}>
          {errors.kind}
        </span>
      )}
      {kind === "email" ? (
        <Field name="email" label="Email" errors={errors}>
          {(p) => <input {...p} type="email" autoComplete="email" required maxLength={254} />}
        </Field>
      ) : (
        <Field
          name="webhookUrl"
          label="Webhook URL"
          hint="Statuspage-style JSON; Slack and Discord webhook URLs get their own format"
          errors={errors}
        >
          {(p) => <input {...p} type="url" required maxLength={2000} placeholder="https://" />}
        </Field>
      )}
      {choices.length > 0 && <ScopeChoice scope={scope} onChange={setScope} />}
      {scope === "components" && <ComponentPicker choices={choices} errors={errors} />}
      <div className={styles.row}>
        <button className="btn primary" type="submit" disabled={isPending}>
          {isPending ? "Subscribing…" : "Subscribe"}
        </button>
        <span className="muted small">Unsubscribe with one click from any message.</span>
      </div>
    </form>
  );
}
