"use client";

import { useRef } from "react";
import type { ActionResult } from "@/server/http/action";
import { Field, FormError } from "./field";
import { useFormAction } from "./use-form-action";

type Result = ActionResult<{ id: string; slug: string }>;

export function DecommissionForm({
  id,
  slug,
  action,
}: {
  id: string;
  slug: string;
  action: (prev: Result | null, form: FormData) => Promise<Result>;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const { state, onSubmit, isPending, errors } = useFormAction(action);

  return (
    <>
      <p className="muted" style={{ marginTop: 0 }}>
        Revokes the agent&apos;s credentials and join tokens at once, cancels queued commands and removes the
        satellite from the map and lists. Its history and audit trail stay.
      </p>
      <button type="button" className="btn danger" onClick={() => dialog.current?.showModal()}>
        Decommission {slug}…
      </button>
      <dialog ref={dialog} aria-labelledby="decommission-title">
        <form method="post" onSubmit={onSubmit} className="grid" style={{ gap: 14, padding: 20 }}>
          <h2 id="decommission-title">Decommission {slug}?</h2>
          <p className="muted" style={{ margin: 0 }}>
            This cannot be undone: the agent stops being accepted at once.
          </p>
          <FormError message={state && !state.ok ? state.error.message : null} />
          <input type="hidden" name="id" value={id} />
          <Field name="reason" label="Reason" hint="recorded in the audit log" errors={errors}>
            {(p) => <input {...p} required minLength={3} autoFocus />}
          </Field>
          <div className="row" style={{ justifyContent: "flex-end" }}>
            <button type="button" className="btn" onClick={() => dialog.current?.close()}>
              Cancel
            </button>
            <button type="submit" className="btn danger" disabled={isPending}>
              {isPending ? "Decommissioning…" : "Decommission"}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
