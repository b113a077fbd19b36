"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { FormError } from "@/components/forms/field";
import { useFormAction } from "@/components/forms/use-form-action";
import type { ActionResult } from "@/server/http/action";
import { ComponentPicker, ScopeChoice, type ComponentChoice, type FollowScope } from "./subscribe-form";
import styles from "./subscribe.module.css";

type Action = (
  prev: ActionResult<{ slug: string }> | null,
  form: FormData,
) => Promise<ActionResult<{ slug: string }>>;

/**
 * One button that posts the link's token: confirming, unsubscribing or subscribing again. With `refresh`,
 * success re-reads the page (or goes to the address given), so everything on it, the status line too,
 * tells the new state at once.
 */
export function TokenButton({
  action,
  token,
  label,
  pendingLabel,
  doneText,
  back,
  isDanger = false,
  refresh = false,
  autoFocus = false,
}: {
  action: Action;
  token: string;
  label: string;
  pendingLabel: string;
  doneText: string;
  back: { href: string; title: string };
  isDanger?: boolean;
  refresh?: boolean | string;
  autoFocus?: boolean;
}) {
  const { state, onSubmit, isPending } = useFormAction(action);
  const router = useRouter();
  const ok = !!state?.ok;
  useEffect(() => {
    if (!ok || !refresh) return;
    if (typeof refresh === "string") router.replace(refresh);
    else router.refresh();
  }, [ok, refresh, router]);
  if (ok) {
    return (
      <p role="status">
        <strong>{doneText}</strong> <a href={back.href}>Back to {back.title}</a>
      </p>
    );
  }
  return (
    <form method="post" onSubmit={onSubmit} className={styles.row}>
      <FormError message={state && !state.ok ? state.error.message : null} />
      <input type="hidden" name="token" value={token} />
      <button
        className={isDanger ? "btn danger" : "btn primary"}
        type="submit"
        disabled={isPending}
        autoFocus={autoFocus}
      >
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
