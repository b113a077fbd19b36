"use server";

import { formObject, runAction, type ActionResult } from "@/server/http/action";
import {
  createStatusPage,
  deleteStatusPage,
  rotateStatusPageSecret,
  updateStatusPage,
} from "@/server/status/pages";
import { clearPin, pinComponent } from "@/server/status/pins";

type Saved = ActionResult<{ id: string; slug: string }>;
const PATHS = ["/admin/status-pages"];

export async function createStatusPageAction(_prev: Saved | null, form: FormData): Promise<Saved> {
  return runAction((ctx) => createStatusPage(ctx, formObject(form)), {
    revalidate: PATHS,
    redirectTo: (p) => `/admin/status-pages/${p.id}`,
  });
}

export async function updateStatusPageAction(_prev: Saved | null, form: FormData): Promise<Saved> {
  return runAction((ctx) => updateStatusPage(ctx, formObject(form)), {
    revalidate: PATHS,
    redirectTo: (p) => `/admin/status-pages/${p.id}?saved=1`,
  });
}

export async function rotateStatusPageSecretAction(_prev: Saved | null, form: FormData): Promise<Saved> {
  return runAction((ctx) => rotateStatusPageSecret(ctx, formObject(form)), {
    revalidate: PATHS,
    redirectTo: (p) => `/admin/status-pages/${p.id}?rotated=1`,
  });
}

export async function deleteStatusPageAction(_prev: Saved | null, form: FormData): Promise<Saved> {
  return runAction((ctx) => deleteStatusPage(ctx, formObject(form)), {
    revalidate: PATHS,
    redirectTo: () => "/admin/status-pages",
  });
}

type Pinned = ActionResult<{ id: string }>;

export async function pinComponentAction(_prev: Pinned | null, form: FormData): Promise<Pinned> {
  return runAction((ctx) => pinComponent(ctx, formObject(form)), {
    revalidate: PATHS,
    redirectTo: () => `/admin/status-pages/${String(form.get("statusPageId"))}?pinned=1#pins`,
  });
}

export async function clearPinAction(_prev: Pinned | null, form: FormData): Promise<Pinned> {
  return runAction((ctx) => clearPin(ctx, formObject(form)), {
    revalidate: PATHS,
    redirectTo: (p) => `/admin/status-pages/${p.statusPageId}?unpinned=1#pins`,
  });
}
