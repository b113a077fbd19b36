"use server";

import { formObject, runAction, type ActionResult } from "@/server/http/action";
import { patchStatusPage } from "@/server/status/page-patch";

type Saved = ActionResult<{ id: string }>;

/** Binds the page to one of STATUS_CUSTOM_HOSTS, or unbinds it (blank); audited as a page update. */
export async function setCustomHostAction(_prev: Saved | null, form: FormData): Promise<Saved> {
  return runAction(
    async (ctx) => {
      const { id, customHost } = formObject(form);
      const page = await patchStatusPage(ctx, String(id ?? ""), { customHost: customHost ?? "" });
      return { id: page.id };
    },
    { revalidate: ["/admin/status-pages"], redirectTo: (p) => `/admin/status-pages/${p.id}?host=1` },
  );
}
