"use client";

import type { ActionResult } from "@/server/http/action";
import { formatDateTime } from "@/lib/format";
import { Field, FormError } from "./field";
import { useFormAction } from "./use-form-action";

type Created = { id: string; token: string; expiresAt: string };

export function CreateJoinTokenForm({
  action,
}: {
  action: (prev: ActionResult<Created> | null, form: FormData) => Promise<ActionResult<Created>>;
}) {
  const { state, onSubmit, isPending, errors } = useFormAction(action);
  return (
    <form method="post" onSubmit={onSubmit} className="grid" style={{ gap: 14 }} noValidate>
      <FormError message={state && !state.ok ? state.error.message : null} />
      {state?.ok && (
        <div role="status" className="alert ok">
          <strong>Copy this join token now — it will not be shown again.</strong>
          <div className="row" style={{ marginTop: 8 }}>
            <code data-testid="new-join-token" style={{ userSelect: "all", wordBreak: "break-all" }}>
              {state.data.token}
            </code>
            <button
              type="button"
              className="btn small"
              onClick={() => navigator.clipboard?.writeText(state.data.token)}
            >
              Copy
            </button>
          </div>
          <div className="cell-sub" style={{ marginTop: 6 }}>
            Start an agent with <code>--join-token</code> set to it before{" "}
            {formatDateTime(state.data.expiresAt)}.
          </div>
        </div>
      )}
      <div className="form-grid">
        <Field name="uses" label="Uses" hint="how many agents may enroll with it" errors={errors}>
          {(p) => <input {...p} defaultValue="1" inputMode="numeric" />}
        </Field>
        <Field name="expiresIn" label="Expires in" hint='e.g. "90m", "24h", "7d"' errors={errors}>
          {(p) => <input {...p} defaultValue="24h" />}
        </Field>
        <Field
          name="satelliteId"
          label="Bound to satellite"
          hint="slug of a registered satellite; optional"
          errors={errors}
        >
          {(p) => <input {...p} placeholder="any new satellite" autoComplete="off" />}
        </Field>
        <Field name="note" label="Note" errors={errors}>
          {(p) => <input {...p} placeholder="rack 4, Frankfurt" />}
        </Field>
      </div>
      <div>
        <button className="btn primary" type="submit" disabled={isPending}>
          {isPending ? "Creating…" : "Create join token"}
        </button>
      </div>
    </form>
  );
}

export function RevokeJoinTokenButton({
  id,
  hint,
  action,
}: {
  id: string;
  hint: string;
  action: (prev: ActionResult<null> | null, form: FormData) => Promise<ActionResult<null>>;
}) {
  const { state, onSubmit, isPending } = useFormAction(action);
  return (
    <form method="post" onSubmit={onSubmit}>
      <input type="hidden" name="id" value={id} />
      <button
        className="btn small danger"
        type="submit"
        disabled={isPending}
        aria-label={`Revoke join token ${hint}`}
      >
        Revoke
      </button>
      {state && !state.ok && <span className="error">{state.error.message}</span>}
    </form>
  );
}
