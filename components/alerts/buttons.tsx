"use client";

import { useFormAction } from "@/components/forms/use-form-action";
import type { TestResult } from "@/server/alerts/channel-test";
import type { ActionResult } from "@/server/http/action";
import styles from "./alerts.module.css";

type Action<T> = (prev: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;

/** Delete a channel or rule, end a silence: asks first, then shows a refusal beside the button. */
export function ConfirmButton({
  action,
  id,
  label,
  confirm,
  ariaLabel,
}: {
  action: Action<null>;
  id: string;
  label: string;
  confirm: string;
  ariaLabel: string;
}) {
  const { state, onSubmit, isPending } = useFormAction(action);
  return (
    <form
      method="post"
      onSubmit={(e) => {
        if (!window.confirm(confirm)) e.preventDefault();
        else onSubmit(e);
      }}
    >
      <input type="hidden" name="id" value={id} />
      <button className="btn small danger" type="submit" disabled={isPending} aria-label={ariaLabel}>
        {label}
      </button>
      {state && !state.ok && (
        <span className={`${styles.testResult} ${styles.error}`}>{state.error.message}</span>
      )}
    </form>
  );
}

/** "Send test": the answer (delivered, or why not) appears under the button. */
export function SendTestButton({
  action,
  id,
  name,
}: {
  action: Action<TestResult>;
  id: string;
  name: string;
}) {
  const { state, onSubmit, isPending } = useFormAction(action);
  const result = state?.ok ? state.data : state ? { ok: false, message: state.error.message } : null;
  return (
    <form method="post" onSubmit={onSubmit}>
      <input type="hidden" name="id" value={id} />
      <button className="btn small" type="submit" disabled={isPending} aria-label={`Send a test to ${name}`}>
        {isPending ? "Sending…" : "Send test"}
      </button>
      {result && (
        <span role="status" className={`${styles.testResult} ${result.ok ? "" : styles.error}`}>
          {result.message}
        </span>
      )}
    </form>
  );
}
