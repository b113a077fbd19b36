"use server";

import { formObject, runAction, type ActionResult } from "@/server/http/action";
import {
  createSsoMapping,
  deleteSsoMapping,
  updateSsoMapping,
  type SsoMappingView,
} from "@/server/sso/mappings";
import { resetTwoFactor } from "@/server/twofactor/admin";
import { setTwoFactorRequirement, type TwoFactorRequirement } from "@/server/twofactor/policy";

export async function createSsoMappingAction(_prev: ActionResult<SsoMappingView> | null, form: FormData) {
  return runAction((ctx) => createSsoMapping(ctx, formObject(form)), { revalidate: ["/admin/sso"] });
}

export async function updateSsoMappingAction(_prev: ActionResult<SsoMappingView> | null, form: FormData) {
  return runAction((ctx) => updateSsoMapping(ctx, formObject(form)), { revalidate: ["/admin/sso"] });
}

export async function deleteSsoMappingAction(_prev: ActionResult<null> | null, form: FormData) {
  return runAction(
    async (ctx) => {
      await deleteSsoMapping(ctx, formObject(form));
      return null;
    },
    { revalidate: ["/admin/sso"] },
  );
}

export async function setTwoFactorRequirementAction(
  _prev: ActionResult<TwoFactorRequirement> | null,
  form: FormData,
) {
  return runAction((ctx) => setTwoFactorRequirement(ctx, formObject(form)), { revalidate: ["/admin/sso"] });
}

export async function resetTwoFactorAction(_prev: ActionResult<null> | null, form: FormData) {
  return runAction(
    async (ctx) => {
      await resetTwoFactor(ctx, formObject(form));
      return null;
    },
    { revalidate: ["/admin/sso"] },
  );
}
