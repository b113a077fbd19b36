import { route } from "@/server/http/route";
import { getRollout } from "@/server/rollouts/get";

// A rollout's live state for its page, polled every few seconds: an unchanged rollout answers 304.
// Under /api, so an expired session gets a JSON 401 rather than the sign-in page.
export const GET = route(
  async (ctx, req, { params }: { params: Promise<{ id: string }> }) => getRollout(ctx, (await params).id),
  { etag: true },
);
