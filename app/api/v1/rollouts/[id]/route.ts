import { createHash } from "node:crypto";
import { conditionalJson, route } from "@/server/http/route";
import { getRollout } from "@/server/rollouts/get";

// A rollout's live state for its page, polled every few seconds: an unchanged rollout answers 304.
// Under /api, so an expired session gets a JSON 401 rather than the sign-in page.
export const GET = route(async (ctx, req, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const json = JSON.stringify(await getRollout(ctx, id));
  return conditionalJson(req, json, `"${createHash("sha1").update(json).digest("base64url")}"`);
});
