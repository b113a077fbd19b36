"use client";

import { RowActionButton } from "@/components/forms/row-action-button";
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
  return (
    <RowActionButton
      id={id}
      action={action}
      label="End"
      pendingLabel="Ending…"
      ariaLabel={`End the session of ${device}`}
    />
  );
}
