"use server";

import { formObject, formValues, runAction, type ActionResult } from "@/server/http/action";
import { createWindow, deleteWindow, setWindowEnabled, updateWindow } from "@/server/windows/crud";
import type { WindowView } from "@/server/windows/view";

type Saved = ActionResult<WindowView>;
type Deleted = ActionResult<{ id: string; name: string }>;
const PATHS = ["/admin/windows", "/rollouts"];

// Unticked checkboxes send nothing: the regions are read as a list, the flags as "on" or absent.
function fields(form: FormData) {
  return {
    ...formObject(form),
    regions: formValues(form, "regions"),
    all: form.get("all") === "on",
    enabled: form.get("enabled") === "on",
  };
}

export async function createWindowAction(_prev: Saved | null, form: FormData): Promise<Saved> {
  return runAction((ctx) => createWindow(ctx, fields(form)), { revalidate: PATHS });
}

export async function updateWindowAction(_prev: Saved | null, form: FormData): Promise<Saved> {
  return runAction((ctx) => updateWindow(ctx, fields(form)), { revalidate: PATHS });
}

export async function enableWindowAction(_prev: Saved | null, form: FormData): Promise<Saved> {
  return runAction((ctx) => setWindowEnabled(ctx, formObject(form)), { revalidate: PATHS });
}

export async function deleteWindowAction(_prev: Deleted | null, form: FormData): Promise<Deleted> {
  return runAction((ctx) => deleteWindow(ctx, formObject(form)), {
    revalidate: PATHS,
    redirectTo: () => "/admin/windows",
  });
}
