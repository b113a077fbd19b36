"use server";

import { formObject, runAction, type ActionResult } from "@/server/http/action";
import { abortRollout, approveWave, pauseRollout, type RolloutActionResult } from "@/server/rollouts/control";
import {
  createRollout,
  previewRollout,
  type CreatedRollout,
  type RolloutPreview,
} from "@/server/rollouts/create";
import { resumeRollout } from "@/server/rollouts/resume";
import { retryLeftBehind } from "@/server/rollouts/retry";
import { rollBackRollout } from "@/server/rollouts/roll-back";
import { startRollout } from "@/server/rollouts/start";

type Acted = ActionResult<RolloutActionResult>;
type Verb = (ctx: Parameters<typeof pauseRollout>[0], input: unknown) => Promise<RolloutActionResult>;

/** The form's live preview: nothing is written. */
export async function previewRolloutAction(form: FormData): Promise<ActionResult<RolloutPreview>> {
  return runAction((ctx) => previewRollout(ctx, formObject(form)));
}

export async function createRolloutAction(
  _prev: ActionResult<CreatedRollout> | null,
  form: FormData,
): Promise<ActionResult<CreatedRollout>> {
  return runAction((ctx) => createRollout(ctx, formObject(form)), {
    revalidate: ["/rollouts", "/"],
    redirectTo: (r) => `/rollouts/${r.id}`,
  });
}

function act(verb: Verb, form: FormData): Promise<Acted> {
  const id = form instanceof FormData ? String(form.get("id") ?? "") : "";
  return runAction((ctx) => verb(ctx, formObject(form)), { revalidate: ["/rollouts", `/rollouts/${id}`] });
}

export async function pauseRolloutAction(_prev: Acted | null, form: FormData): Promise<Acted> {
  return act(pauseRollout, form);
}

export async function resumeRolloutAction(_prev: Acted | null, form: FormData): Promise<Acted> {
  return act(resumeRollout, form);
}

export async function abortRolloutAction(_prev: Acted | null, form: FormData): Promise<Acted> {
  return act(abortRollout, form);
}

export async function rollBackRolloutAction(_prev: Acted | null, form: FormData): Promise<Acted> {
  return act(rollBackRollout, form);
}

export async function approveWaveAction(_prev: Acted | null, form: FormData): Promise<Acted> {
  return act(approveWave, form);
}

export async function startRolloutAction(_prev: Acted | null, form: FormData): Promise<Acted> {
  return act(startRollout, form);
}

/** "Retry these": a new rollout for the satellites this one left behind; the browser goes to it. */
export async function retryLeftBehindAction(
  _prev: ActionResult<CreatedRollout> | null,
  form: FormData,
): Promise<ActionResult<CreatedRollout>> {
  return runAction((ctx) => retryLeftBehind(ctx, formObject(form)), {
    revalidate: ["/rollouts", "/"],
    redirectTo: (r) => `/rollouts/${r.id}`,
  });
}
