"use server";

import { formObject, runAction, type ActionResult } from "@/server/http/action";
import { removeSubscriber } from "@/server/subscribers/admin";

/** Bound to the page's id by the list; the row's button posts the subscriber's. */
export async function removeSubscriberAction(
  pageId: string,
  _prev: ActionResult<null> | null,
  form: FormData,
): Promise<ActionResult<null>> {
  return runAction(
    async (ctx) => {
      await removeSubscriber(ctx, { pageId, subscriberId: formObject(form).id });
      return null;
    },
    { revalidate: [`/admin/status-pages/${pageId}/subscribers`] },
  );
}
