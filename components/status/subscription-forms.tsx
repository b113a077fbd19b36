"use client";

import { useState } from "react";
import { FormError } from "@/components/forms/field";
import { useFormAction } from "@/components/forms/use-form-action";
import type { ActionResult } from "@/server/http/action";
import { ComponentPicker, ScopeChoice, type ComponentChoice, type FollowScope } from "./subscribe-form";
import styles from "./subscribe.module.css";

type Action = (
  prev: ActionResult<{ slug: string }> | null,
  form: FormData,
) => Promise<ActionResult<{ slug: string }>>;

/** One button that posts the link's token: confirming, or unsubscribing. */
export function TokenButton({
  action,
  token,
  label,
  pendingLabel,
  doneText,
  isDanger = false,
}: {
  action: Action;
  token: string;
  label: string;
  pendingLabel: string;
  doneText: string;
  isDanger?: boolean;
}) {
  const { state, onSubmit, isPending } = useFormAction(action);
  if (state?.ok) {
    return (
      <p role="status">
        <strong>{doneText}</strong> <a href={`/status/${state.data.slug}`}>Back to the status page</a>
      </p>
    );
  }
  return (
    <form method="post" onSubmit={onSubmit} className={styles.row}>
      <FormError message={state && !state.ok ? state.error.message : null} />
      <input type="hidden" name="token" value={token} />
      <button className={isDanger ? "btn danger" : "btn primary"} type="submit" disabled={isPending}>
        {isPending ? pendingLabel : label}
      </button>
    </form>
  );
}

/** What a subscription follows: the whole page, or chosen regions and sites. */
export function ManageForm({
  action,
  token,
  choices,
  wholePage,
  chosen,
}: {
  action: Action;
  token: string;
  choices: ComponentChoice[];
  wholePage: boolean;
  chosen: string[];
}) {
  const { state, onSubmit, isPending, errors } = useFormAction(action);
  const [scope, setScope] = useState<FollowScope>(wholePage ? "page" : "components");
  return (
    <form method="post" onSubmit={onSubmit} className={styles.form} noValidate>
      <FormError message={state && !state.ok ? state.error.message : null} />
      {state?.ok && (
        <p role="status" className="small">
          Saved.
        </p>
      )}
      <input type="hidden" name="token" value={token} />
      <ScopeChoice scope={scope} onChange={setScope} />
      {scope === "components" && <ComponentPicker choices={choices} chosen={chosen} errors={errors} />}
      <div>
        <button className="btn primary" type="submit" disabled={isPending}>
          {isPending ? "Saving…" : "Save"}
        </button>
      </div>
    </form>
  );
}
