"use server";

import { formObject, runAction, type ActionResult } from "@/server/http/action";
import { archivePolicy, createPolicy, updatePolicy } from "@/server/policies/manage";
import { policyInput } from "./_lib/policy-input";

type Saved = { id: string; version: number };
const PATHS = ["/compliance", "/compliance/policies", "/"];
const pageOf = (id: string) => `/compliance/policies/${encodeURIComponent(id)}`;

export async function createPolicyAction(
  _prev: ActionResult<Saved> | null,
  form: FormData,
): Promise<ActionResult<Saved>> {
  const input = policyInput(formObject(form), { isCreate: true });
  return runAction((ctx) => createPolicy(ctx, input), { revalidate: PATHS, redirectTo: (d) => pageOf(d.id) });
}

/** Writes the next version; the page it lands on shows it at the top of the history. */
export async function updatePolicyAction(
  _prev: ActionResult<Saved> | null,
  form: FormData,
): Promise<ActionResult<Saved>> {
  const fields = formObject(form);
  const id = typeof fields.policyId === "string" ? fields.policyId : "";
  const input = policyInput(fields, { isCreate: false });
  return runAction((ctx) => updatePolicy(ctx, id, input), {
    revalidate: PATHS,
    redirectTo: (d) => pageOf(d.id),
  });
}

export async function archivePolicyAction(
  _prev: ActionResult<null> | null,
  form: FormData,
): Promise<ActionResult<null>> {
  const { id } = formObject(form);
  return runAction(
    async (ctx) => {
      await archivePolicy(ctx, typeof id === "string" ? id : "");
      return null;
    },
    { revalidate: PATHS },
  );
}
