"use client";

import { useFormAction } from "@/components/forms/use-form-action";
import type { ActionResult } from "@/server/http/action";

export function EndSessionButton({
  id,
  device,
  action,
}: {
  id: string;
  device: string;
  action: (prev: ActionResult<null> | null, form: FormData) => Promise<ActionResult<null>>;
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
        className="btn small"
        type="submit"
        disabled={isPending}
        aria-label={`End the session of ${device}`}
      >
        {isPending ? "Ending…" : "End"}
      </button>
    </form>
  );
}
