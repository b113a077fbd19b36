"use server";

import { createJoinToken, revokeJoinToken } from "@/server/agents/join-tokens";
import { formObject, runAction, type ActionResult } from "@/server/http/action";
import type { ApiTokenView, CreatedApiToken } from "@/server/tokens/schemas";
import { createApiToken, revokeApiToken } from "@/server/tokens/tokens";

const API_TOKEN_PATHS = ["/admin/tokens", "/settings/tokens"];

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

export async function createApiTokenForUserAction(
  _prev: ActionResult<CreatedApiToken> | null,
  form: FormData,
) {
  return runAction((ctx) => createApiToken(ctx, formObject(form)), { revalidate: API_TOKEN_PATHS });
}

export async function revokeAnyApiTokenAction(_prev: ActionResult<ApiTokenView> | null, form: FormData) {
  return runAction(
    (ctx) => {
      const { id, reason } = formObject(form);
      return revokeApiToken(ctx, id, reason);
    },
    { revalidate: API_TOKEN_PATHS },
  );
}
