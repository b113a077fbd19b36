"use server";

import { formObject, runAction, type ActionResult } from "@/server/http/action";
import {
  createStatusPage,
  deleteStatusPage,
  rotateStatusPageSecret,
  updateStatusPage,
} from "@/server/status/pages";

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
