"use server";

import { redirect } from "next/navigation";
import { deleteRegion, restoreRegion, retireRegion } from "@/server/compliance/retire";
import { createRegion, updateRegion } from "@/server/compliance/save";
import { formObject, runAction, type ActionResult } from "@/server/http/action";

type Saved = Awaited<ReturnType<typeof createRegion>>;
type Done = ActionResult<{ id: string; message: string }>;
// Region colours and names show on most pages; the whole console is revalidated after a change.
const PATHS = ["/admin/regions", "/", "/satellites"];

/** A save answers a preview (stay on the form) or the saved region (go to its page). */
function afterSave(result: ActionResult<Saved>, flag: string): ActionResult<Saved> {
  if (result.ok && result.data.status === "saved") {
    const moved = result.data.moved ? `&moved=${result.data.moved}` : "";
    redirect(`/admin/regions/${encodeURIComponent(result.data.id)}?${flag}=1${moved}`);
  }
  return result;
}

export async function createRegionAction(_prev: ActionResult<Saved> | null, form: FormData) {
  return afterSave(
    await runAction((ctx) => createRegion(ctx, formObject(form)), { revalidate: PATHS }),
    "created",
  );
}

export async function updateRegionAction(_prev: ActionResult<Saved> | null, form: FormData) {
  return afterSave(
    await runAction((ctx) => updateRegion(ctx, formObject(form)), { revalidate: PATHS }),
    "saved",
  );
}

export async function retireRegionAction(_prev: Done | null, form: FormData): Promise<Done> {
  return runAction((ctx) => retireRegion(ctx, formObject(form)), { revalidate: PATHS });
}

export async function restoreRegionAction(_prev: Done | null, form: FormData): Promise<Done> {
  return runAction((ctx) => restoreRegion(ctx, formObject(form)), { revalidate: PATHS });
}

export async function deleteRegionAction(_prev: Done | null, form: FormData): Promise<Done> {
  return runAction((ctx) => deleteRegion(ctx, formObject(form)), {
    revalidate: PATHS,
    redirectTo: () => "/admin/regions?deleted=1",
  });
}
