"use client";

import { useEffect, useRef, useState } from "react";
import { Field, FormError } from "@/components/forms/field";
import { useFormAction } from "@/components/forms/use-form-action";
import type { ActionResult } from "@/server/http/action";
import type { Role } from "@/server/auth/policy";
import type { ApiTokenView, CreatedApiToken } from "@/server/tokens/schemas";
import styles from "./api-tokens.module.css";

type Created = ActionResult<CreatedApiToken>;
type Revoked = ActionResult<ApiTokenView>;
type Region = { id: string; name: string };
type Person = { id: string; email: string; role: Role };

const EXPIRY_CHOICES = [30, 90, 180, 365] as const;

/** The secret, shown once, in a box that selects whole and copies with one press. */
function NewSecret({ created }: { created: CreatedApiToken }) {
  const [isCopied, setCopied] = useState(false);
  return (
    <div role="status" className={`alert ok ${styles.secret}`}>
      <strong>Copy this token now. It will not be shown again.</strong>
      <div className={styles.secretLine}>
        <code data-testid="new-api-token">{created.secret}</code>
        <button
          type="button"
          className="btn small"
          onClick={async () => {
            await navigator.clipboard?.writeText(created.secret);
            setCopied(true);
          }}
        >
          {isCopied ? "Copied" : "Copy"}
        </button>
      </div>
      <span className={styles.secretHint}>
        {created.token.name} ({created.token.prefix}…) acts as {created.token.role}. Send it as{" "}
        <code>Authorization: Bearer {created.token.prefix}…</code>; Orrery keeps only a hash of it.
      </span>
    </div>
  );
}

/**
 * Name, role, regions and expiry; an admin's form also picks the owner. The roles and regions offered are
 * only those the caller may give; the server checks them again against the owner.
 */
export function CreateApiTokenForm({
  action,
  roles,
  regions,
  scopeLabel,
  people,
}: {
  action: (prev: Created | null, form: FormData) => Promise<Created>;
  roles: readonly Role[];
  regions: Region[];
  /** What no ticked region means: "all your regions", "every region the owner may act in". */
  scopeLabel: string;
  people?: Person[];
}) {
  const { state, onSubmit, isPending, errors } = useFormAction(action);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state]);
  return (
    <form method="post" ref={form} onSubmit={onSubmit} className="grid" style={{ gap: 14 }} noValidate>
      <FormError message={state && !state.ok ? state.error.message : null} />
      {state?.ok && <NewSecret created={state.data} />}
      <div className="form-grid">
        {people && (
          <Field
            name="userId"
            label="Owner"
            hint="the token acts as this user, never above them"
            errors={errors}
          >
            {(p) => (
              <select {...p} defaultValue="">
                <option value="">Me</option>
                {people.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.email} ({u.role})
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field name="name" label="Name" hint="what uses it, e.g. ci-deploy" errors={errors}>
          {(p) => <input {...p} required maxLength={80} autoComplete="off" placeholder="ci-deploy" />}
        </Field>
        <Field
          name="role"
          label="Role"
          hint={people ? "at most the owner's role" : "at most your own role"}
          errors={errors}
        >
          {(p) => (
            <select {...p} defaultValue={roles[0]}>
              {roles.map((r) => (
                <option key={r}>{r}</option>
              ))}
            </select>
          )}
        </Field>
        <Field name="expiresInDays" label="Valid for" errors={errors}>
          {(p) => (
            <select {...p} defaultValue="90">
              {EXPIRY_CHOICES.map((d) => (
                <option key={d} value={d}>
                  {d} days
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <fieldset className={styles.regions} aria-describedby="token-regions-hint">
        <legend>Regions</legend>
        <div className={styles.regionList}>
          {regions.map((r) => (
            <label key={r.id} title={r.name}>
              <input type="checkbox" name="regionIds" value={r.id} />
              <span className="mono">{r.id}</span>
            </label>
          ))}
        </div>
        <span id="token-regions-hint" className={styles.hint}>
          Tick regions to limit the token to them; none ticked means {scopeLabel}.
        </span>
        {errors?.regionIds && (
          <span className="error" role="alert">
            {errors.regionIds}
          </span>
        )}
      </fieldset>
      <div>
        <button className="btn primary" type="submit" disabled={isPending}>
          {isPending ? "Creating…" : "Create API token"}
        </button>
      </div>
    </form>
  );
}

/** Revoke, after a confirmation that names the token and takes an optional reason for the audit log. */
export function RevokeApiTokenButton({
  token,
  action,
}: {
  token: Pick<ApiTokenView, "id" | "name" | "prefix">;
  action: (prev: Revoked | null, form: FormData) => Promise<Revoked>;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const { state, onSubmit, isPending, errors } = useFormAction(
    async (prev: Revoked | null, form: FormData) => {
      const result = await action(prev, form);
      if (result.ok) dialog.current?.close();
      return result;
    },
  );
  const title = `Revoke ${token.name}?`;
  const titleId = `revoke-${token.id}-title`;
  return (
    <>
      <button
        type="button"
        className="btn small danger"
        onClick={() => dialog.current?.showModal()}
        aria-label={`Revoke API token ${token.name}`}
      >
        Revoke
      </button>
      <dialog ref={dialog} aria-labelledby={titleId} className={styles.dialog}>
        <form method="post" onSubmit={onSubmit} className="grid" style={{ gap: 14, padding: 20 }}>
          <h2 id={titleId}>{title}</h2>
          <p className="muted" style={{ margin: 0 }}>
            Requests with <span className="mono">{token.prefix}…</span> are refused from now on. This cannot
            be undone; create a new token if it is still needed.
          </p>
          <FormError message={state && !state.ok ? state.error.message : null} />
          <input type="hidden" name="id" value={token.id} />
          <Field
            id={`revoke-${token.id}-reason`}
            name="reason"
            label="Reason"
            hint="optional; kept in the audit log"
            errors={errors}
          >
            {(p) => <input {...p} maxLength={200} placeholder="no longer used" />}
          </Field>
          <div className="row" style={{ justifyContent: "flex-end" }}>
            <button type="button" className="btn" onClick={() => dialog.current?.close()}>
              Cancel
            </button>
            <button type="submit" className="btn danger" disabled={isPending}>
              {isPending ? "Revoking…" : "Revoke token"}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
