import { z } from "zod";

// The facts report (docs/agent-protocol.md, "Facts"). Every fact is optional and nullable: absent or null is
// "unknown", which no policy may read as compliant. Bounds keep a broken or hostile agent's text small.
const FUTURE_MS = 5 * 60_000;
const YEAR_MS = 365 * 86_400_000;

const Text = (max: number) =>
  z
    .string({ error: "must be a string or null" })
    .trim()
    .min(1, "must not be empty (send null when unknown)")
    .max(max, `must be at most ${max} characters`);
const Flag = z.boolean({ error: "must be true, false or null" }).nullish();

export const FactsInput = z.object({
  agentVersion: z
    .string({ error: "is required" })
    .trim()
    .min(1, "is required")
    .max(40)
    .regex(/^[0-9A-Za-z][0-9A-Za-z.+-]*$/, "is not a version"),
  osName: Text(100).nullish(),
  osVersion: Text(100).nullish(),
  kernel: Text(200).nullish(),
  diskEncrypted: Flag,
  timeSynced: Flag,
  clockOffsetMs: z
    .number({ error: "must be a number or null" })
    .min(-YEAR_MS, "must be within one year (±31536000000 ms)")
    .max(YEAR_MS, "must be within one year (±31536000000 ms)")
    .nullish(),
  fipsEnabled: Flag,
  pendingSecurityUpdates: z
    .number({ error: "must be a whole number or null" })
    .int("must be a whole number")
    .min(0, "cannot be negative")
    .max(100_000, "must be at most 100000")
    .nullish(),
  lastBackupAt: z.iso
    .datetime({ offset: true, error: "must be an ISO 8601 date-time or null" })
    .refine((at) => Date.parse(at) >= Date.UTC(2000, 0, 1), "must be after 2000-01-01")
    .nullish(),
});
export type FactsInput = z.infer<typeof FactsInput>;

/** Field errors the schema cannot know: a backup in the future is a broken clock or hook, not a fact. */
export function factsTimeErrors(facts: FactsInput, now: Date): Record<string, string> {
  if (facts.lastBackupAt && Date.parse(facts.lastBackupAt) > now.getTime() + FUTURE_MS) {
    return { lastBackupAt: "is more than 5 min in the future" };
  }
  return {};
}
