"use server";

import { authorize } from "@/server/auth/context";
import { AppError } from "@/server/errors";
import { formObject, runAction, type ActionResult } from "@/server/http/action";
import { createWaiver, revokeWaiver } from "@/server/policies/waiver-verbs";
import { waiverInput } from "./_lib/waiver-input";

const PATHS = ["/compliance", "/compliance/policies", "/"];

/** Grants a waiver from the form and goes back to the policy, where it now shows. */
export async function createWaiverAction(
  _prev: ActionResult<{ id: string }> | null,
  form: FormData,
): Promise<ActionResult<{ id: string }>> {
  const { input, problem } = waiverInput(formObject(form));
  return runAction(
    async (ctx) => {
      authorize(ctx, "policies.manage");
      if (problem) throw new AppError("VALIDATION", `labels: ${problem}`, { fields: { labels: problem } });
      const made = await createWaiver(ctx, input);
      return { id: made.id };
    },
    {
      revalidate: PATHS,
      redirectTo: () => `/compliance/policies/${encodeURIComponent(String(input.policyId))}?waived=1`,
    },
  );
}

export async function revokeWaiverAction(
  _prev: ActionResult<null> | null,
  form: FormData,
): Promise<ActionResult<null>> {
  const { id } = formObject(form);
  return runAction(
    async (ctx) => {
      await revokeWaiver(ctx, id);
      return null;
    },
    { revalidate: PATHS },
  );
}
