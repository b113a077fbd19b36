"use server";

import { formObject, runAction } from "@/server/http/action";
import { createApiToken, revokeApiToken } from "@/server/tokens/tokens";
import type { ApiTokenView, CreatedApiToken } from "@/server/tokens/schemas";
import type { ActionResult } from "@/server/http/action";

const PATHS = ["/settings/tokens", "/admin/tokens"];

/** A token for the signed-in person themselves: an owner named in the form is ignored here. */
export async function createOwnApiTokenAction(_prev: ActionResult<CreatedApiToken> | null, form: FormData) {
  return runAction((ctx) => createApiToken(ctx, { ...formObject(form), userId: undefined }), {
    revalidate: PATHS,
  });
}

export async function revokeApiTokenAction(_prev: ActionResult<ApiTokenView> | null, form: FormData) {
  return runAction(
    (ctx) => {
      const { id, reason } = formObject(form);
      return revokeApiToken(ctx, id, reason);
    },
    { revalidate: PATHS },
  );
}
