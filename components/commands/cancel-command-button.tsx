"use client";

import { cancelCommandAction } from "@/app/(console)/commands/actions";
import { useFormAction } from "../forms/use-form-action";

export function CancelCommandButton({ id, label }: { id: string; label: string }) {
  // The action revalidates, so whichever page lists this command re-renders with its new state.
  const { state, onSubmit, isPending } = useFormAction(cancelCommandAction);
  return (
    <form method="post" onSubmit={onSubmit}>
      <input type="hidden" name="id" value={id} />
      <button type="submit" className="btn small danger" disabled={isPending} aria-label={`Cancel ${label}`}>
        {isPending ? "Cancelling…" : "Cancel"}
      </button>
      {state && !state.ok && (
        <div role="alert" className="cell-sub" style={{ color: "var(--bad)", maxWidth: 240 }}>
          {state.error.message}
        </div>
      )}
    </form>
  );
}
