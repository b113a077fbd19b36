"use server";

import { createJoinToken } from "@/server/agents/join-tokens";
import { formObject, runAction } from "@/server/http/action";

/**
 * One join token bound to this satellite, one use, for a day: the page's one-click enrollment. The verb
 * authorizes (tokens.manage), validates the satellite and audits, as in Admin → Join tokens.
 */
export async function createBoundJoinTokenAction(_prev: unknown, form: FormData) {
  return runAction((ctx) => {
    const { satelliteId } = formObject(form);
    return createJoinToken(ctx, {
      satelliteId,
      uses: 1,
      expiresIn: "24h",
      note: "created on the satellite's page to enroll it",
    });
  });
}
