"use client";

import { RowActionButton } from "@/components/forms/row-action-button";
import { revokeWaiverAction } from "../waiver-actions";

export function RevokeWaiverButton({ id }: { id: string }) {
  return (
    <RowActionButton
      id={id}
      action={revokeWaiverAction}
      label="Revoke"
      pendingLabel="Revoking…"
      ariaLabel="Revoke this waiver"
      isDanger
    />
  );
}
