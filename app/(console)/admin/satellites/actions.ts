"use server";

import { revokeAgentCredentials, type RevokedCredentials } from "@/server/agents/revoke";
import { formObject, runAction, type ActionResult } from "@/server/http/action";
import { decommissionSatellite } from "@/server/satellites/decommission";
import { registerSatellite } from "@/server/satellites/register";
import { updateSatellite } from "@/server/satellites/update";

type Saved = ActionResult<{ id: string; slug: string }>;
const PATHS = ["/", "/satellites", "/admin/satellites"];

export async function registerSatelliteAction(_prev: Saved | null, form: FormData): Promise<Saved> {
  return runAction((ctx) => registerSatellite(ctx, formObject(form)), {
    revalidate: PATHS,
    redirectTo: (s) => `/satellites/${s.slug}`,
  });
}

export async function updateSatelliteAction(_prev: Saved | null, form: FormData): Promise<Saved> {
  return runAction((ctx) => updateSatellite(ctx, formObject(form)), {
    revalidate: PATHS,
    redirectTo: (s) => `/satellites/${s.slug}`,
  });
}

export async function decommissionSatelliteAction(_prev: Saved | null, form: FormData): Promise<Saved> {
  return runAction((ctx) => decommissionSatellite(ctx, formObject(form)), {
    revalidate: PATHS,
    redirectTo: (s) => `/satellites/${s.slug}`,
  });
}

/** No redirect: the page shows the new join token once, from this result. */
export async function revokeCredentialsAction(
  _prev: ActionResult<RevokedCredentials> | null,
  form: FormData,
): Promise<ActionResult<RevokedCredentials>> {
  return runAction((ctx) => revokeAgentCredentials(ctx, formObject(form)), {
    revalidate: ["/admin/satellites"],
  });
}
