"use server";

import { createJoinToken, revokeJoinToken } from "@/server/agents/join-tokens";
import { formObject, runAction, type ActionResult } from "@/server/http/action";

export async function createJoinTokenAction(
  _prev: ActionResult<{ id: string; token: string; expiresAt: string }> | null,
  form: FormData,
) {
  return runAction((ctx) => createJoinToken(ctx, formObject(form)), { revalidate: ["/admin/tokens"] });
}

export async function revokeJoinTokenAction(_prev: ActionResult<null> | null, form: FormData) {
  return runAction(
    async (ctx) => {
      await revokeJoinToken(ctx, formObject(form));
      return null;
    },
    { revalidate: ["/admin/tokens"] },
  );
}
