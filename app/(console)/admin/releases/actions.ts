"use server";

import { formObject, formValues, runAction, type ActionResult } from "@/server/http/action";
import { createRelease } from "@/server/releases/create";
import { deleteRelease } from "@/server/releases/delete";
import { updateRelease } from "@/server/releases/update";
import type { ReleaseView } from "@/server/releases/view";

type Saved = ActionResult<ReleaseView>;
type Deleted = ActionResult<{ id: string; version: string }>;
const PATHS = ["/admin/releases", "/rollouts"];

// Unticked checkboxes send nothing, so the regions are read as a list even when none is ticked.
export async function createReleaseAction(_prev: Saved | null, form: FormData): Promise<Saved> {
  return runAction(
    (ctx) => createRelease(ctx, { ...formObject(form), regionIds: formValues(form, "regionIds") }),
    {
      revalidate: PATHS,
    },
  );
}

export async function updateReleaseAction(_prev: Saved | null, form: FormData): Promise<Saved> {
  return runAction(
    (ctx) => updateRelease(ctx, { ...formObject(form), regionIds: formValues(form, "regionIds") }),
    {
      revalidate: PATHS,
    },
  );
}

export async function deleteReleaseAction(_prev: Deleted | null, form: FormData): Promise<Deleted> {
  return runAction((ctx) => deleteRelease(ctx, formObject(form)), {
    revalidate: PATHS,
    redirectTo: () => "/admin/releases",
  });
}
