"use server";

import { endMySession } from "@/server/auth/user-sessions";
import { formObject, runAction, type ActionResult } from "@/server/http/action";

export async function endSessionAction(_prev: ActionResult<null> | null, form: FormData) {
  return runAction(
    async (ctx) => {
      await endMySession(ctx, formObject(form));
      return null;
    },
    { revalidate: ["/account"] },
  );
}
