"use server";

import { formObject, runAction } from "@/server/http/action";
import { startDeliveryPass } from "@/server/outbox/background";
import {
  confirmSubscription,
  resubscribe,
  unsubscribe,
  updateSubscription,
} from "@/server/subscribers/manage";
import { subscribe, type SubscribeResult } from "@/server/subscribers/subscribe";
import type { ActionResult } from "@/server/http/action";

// The public subscription forms. Nobody is signed in: the page's visibility or the link's signed token
// is the authorization, checked inside each verb.

export async function subscribeAction(
  _prev: ActionResult<SubscribeResult> | null,
  form: FormData,
): Promise<ActionResult<SubscribeResult>> {
  const result = await runAction((ctx) => subscribe(ctx, formObject(form)));
  // The confirmation or the ping goes out now rather than at the reconciler's next pass.
  if (result.ok) startDeliveryPass();
  return result;
}

export async function confirmAction(
  _prev: ActionResult<{ slug: string }> | null,
  form: FormData,
): Promise<ActionResult<{ slug: string }>> {
  return runAction(() => confirmSubscription(formObject(form).token));
}

export async function updateSubscriptionAction(
  _prev: ActionResult<{ slug: string }> | null,
  form: FormData,
): Promise<ActionResult<{ slug: string }>> {
  return runAction(() => updateSubscription(formObject(form)));
}

export async function unsubscribeAction(
  _prev: ActionResult<{ slug: string }> | null,
  form: FormData,
): Promise<ActionResult<{ slug: string }>> {
  return runAction(() => unsubscribe(formObject(form).token));
}

export async function resubscribeAction(
  _prev: ActionResult<{ slug: string }> | null,
  form: FormData,
): Promise<ActionResult<{ slug: string }>> {
  const result = await runAction(() => resubscribe(formObject(form).token));
  // A fresh confirmation, when one is due, goes out now.
  if (result.ok) startDeliveryPass();
  return result;
}
