import { z } from "zod";

/** Why a command was sent: optional, stored on the command, shown in the list and written to its audit. */
export const CommandReason = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
  z
    .string({ error: "must be text" })
    .trim()
    .max(500, "must be at most 500 characters")
    .meta({ label: "Reason" })
    .optional(),
);

/**
 * Callers from before commands had their own reason put it in the payload (cordon, uncordon, maintenance):
 * it becomes the command's reason and leaves the payload, so agents see one shape.
 */
export function liftReason(
  reason: string | undefined,
  payload: Record<string, unknown>,
): { reason: string | undefined; payload: Record<string, unknown> } {
  if (!("reason" in payload)) return { reason, payload };
  const { reason: old, ...rest } = payload;
  const parsed = CommandReason.safeParse(old);
  return { reason: reason ?? (parsed.success ? parsed.data : undefined), payload: rest };
}
