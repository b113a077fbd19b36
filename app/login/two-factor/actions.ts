"use server";

import { formObject, runAction, type ActionResult } from "@/server/http/action";
import { confirmEnrolment, regenerateRecoveryCodes } from "@/server/twofactor/enrolment";
import { enrolleeOf } from "@/server/twofactor/enrollee";

export async function confirmEnrolmentAction(_prev: ActionResult<string[]> | null, form: FormData) {
  // No revalidation: the enrolment pages would re-render as enrolled and move on before the recovery codes
  // are read. The "continue" link loads the next page afresh.
  return runAction(async (ctx) => confirmEnrolment(await enrolleeOf(ctx), formObject(form)));
}

export async function regenerateRecoveryCodesAction(_prev: ActionResult<string[]> | null, form: FormData) {
  return runAction(async (ctx) => regenerateRecoveryCodes(await enrolleeOf(ctx), formObject(form)), {
    revalidate: ["/account"],
  });
}
