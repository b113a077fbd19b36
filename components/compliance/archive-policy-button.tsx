"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { useFormAction } from "@/components/forms/use-form-action";
import type { ActionResult } from "@/server/http/action";

/** Archives a policy after a confirmation: it stops being evaluated, and its history stays readable. */
export function ArchivePolicyButton({
  id,
  action,
}: {
  id: string;
  action: (prev: ActionResult<null> | null, form: FormData) => Promise<ActionResult<null>>;
}) {
  const { state, onSubmit, isPending } = useFormAction(action);
  const router = useRouter();
  useEffect(() => {
    if (state?.ok) router.push(`/compliance/policies/${encodeURIComponent(id)}`);
  }, [state, router, id]);
  return (
    <form
      method="post"
      onSubmit={(e) => {
        if (!window.confirm("Archive this policy? It stops being evaluated; its history stays readable.")) {
          e.preventDefault();
          return;
        }
        onSubmit(e);
      }}
      className="row"
    >
      <input type="hidden" name="id" value={id} />
      {state && !state.ok && (
        <span role="alert" className="cell-sub" style={{ color: "var(--bad)" }}>
          {state.error.message}
        </span>
      )}
      <button className="btn danger" type="submit" disabled={isPending}>
        {isPending ? "Archiving…" : "Archive"}
      </button>
    </form>
  );
}
