"use client";

import { useFormAction } from "@/components/forms/use-form-action";
import type { ActionResult } from "@/server/http/action";

/** One button in a table row that posts the row's id; a refusal shows beside it. */
export function RowActionButton({
  id,
  action,
  label,
  pendingLabel,
  ariaLabel,
  isDanger = false,
}: {
  id: string;
  action: (prev: ActionResult<null> | null, form: FormData) => Promise<ActionResult<null>>;
  label: string;
  pendingLabel: string;
  ariaLabel: string;
  isDanger?: boolean;
}) {
  const { state, onSubmit, isPending } = useFormAction(action);
  return (
    <form method="post" onSubmit={onSubmit}>
      <input type="hidden" name="id" value={id} />
      {state && !state.ok && (
        <span role="alert" className="cell-sub" style={{ color: "var(--bad)" }}>
          {state.error.message}
        </span>
      )}
      <button
        className={isDanger ? "btn small danger" : "btn small"}
        type="submit"
        disabled={isPending}
        aria-label={ariaLabel}
      >
        {isPending ? pendingLabel : label}
      </button>
    </form>
  );
}
