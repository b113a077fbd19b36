"use client";

import { FormError } from "@/components/forms/field";
import { useFormAction } from "@/components/forms/use-form-action";
import type { ActionResult } from "@/server/http/action";
import type { WindowView } from "@/server/windows/view";

type Action<T> = (prev: T | null, form: FormData) => Promise<T>;

/** Enable or disable, and delete: two small forms, each with its refusal beside it. */
export function WindowActions({
  window,
  enable,
  remove,
}: {
  window: WindowView;
  enable: Action<ActionResult<WindowView>>;
  remove: Action<ActionResult<{ id: string; name: string }>>;
}) {
  const toggled = useFormAction(enable);
  const deleted = useFormAction(remove);
  return (
    <div className="grid" style={{ gap: 12 }}>
      <form method="post" onSubmit={toggled.onSubmit} className="row" style={{ gap: 10, flexWrap: "wrap" }}>
        <input type="hidden" name="id" value={window.id} />
        <input type="hidden" name="enabled" value={window.enabled ? "false" : "true"} />
        <button className="btn" type="submit" disabled={toggled.isPending}>
          {window.enabled ? "Disable window" : "Enable window"}
        </button>
        <span className="muted">
          {window.enabled
            ? "A disabled window holds nothing; it can be enabled again."
            : "Disabled: it holds nothing now."}
        </span>
        <FormError message={toggled.state && !toggled.state.ok ? toggled.state.error.message : null} />
      </form>
      <form
        method="post"
        onSubmit={(e) => {
          if (!confirm(`Delete “${window.name}”? The audit log keeps the record.`)) e.preventDefault();
          else deleted.onSubmit(e);
        }}
      >
        <input type="hidden" name="id" value={window.id} />
        <button className="btn danger" type="submit" disabled={deleted.isPending}>
          {deleted.isPending ? "Deleting…" : "Delete window"}
        </button>
        <FormError message={deleted.state && !deleted.state.ok ? deleted.state.error.message : null} />
      </form>
    </div>
  );
}
