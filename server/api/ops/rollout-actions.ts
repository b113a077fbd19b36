import { z } from "zod";
import type { Ctx } from "../../auth/context";
import type { Permission } from "../../auth/policy";
import { abortRollout, approveWave, pauseRollout } from "../../rollouts/control";
import { getRollout } from "../../rollouts/get";
import { resumeRollout } from "../../rollouts/resume";
import { retryLeftBehind } from "../../rollouts/retry";
import { rollBackRollout } from "../../rollouts/roll-back";
import { startRollout } from "../../rollouts/start";
import type { RolloutDetail } from "../../rollouts/views";
import { op, type Operation } from "../operation";
import {
  approveWaveBody,
  pauseRolloutBody,
  resumeRolloutBody,
  rolloutSchema,
  stopRolloutBody,
} from "../schemas/rollouts";
import { objectWithId } from "./rollout-input";

export const rolloutIdParams = z.object({ id: z.string().min(1).max(200) });
export type RolloutIdParams = z.infer<typeof rolloutIdParams>;

const TAGS: [string] = ["Rollouts"];
const IN_SCOPE =
  "Operators (`rollouts.write`) whose region scope covers every satellite the rollout takes part with.";

type Verb = (ctx: Ctx, input: unknown) => Promise<{ id: string }>;

/**
 * A state change as a POST sub-resource: the console's own verb with the path's id, answering the rollout as
 * it now is (what GET answers), so a script sees the new status and controls without a second request.
 */
function action(spec: {
  name: string;
  id: string;
  summary: string;
  description: string;
  verb: Verb;
  /** The role's permission, checked before the rollout is read; the verb adds the region scope. */
  permission?: Permission;
  body?: z.ZodType;
  status?: 200 | 202;
}): Operation {
  return op<RolloutIdParams, RolloutDetail>({
    method: "POST",
    path: `/rollouts/{id}/${spec.name}`,
    id: spec.id,
    permission: spec.permission ?? "rollouts.write",
    summary: spec.summary,
    description: spec.description,
    tags: TAGS,
    params: rolloutIdParams,
    body: spec.body,
    status: spec.status,
    response: rolloutSchema,
    handler: async (ctx, { params, body }) => {
      const { id } = await spec.verb(ctx, objectWithId(body, params.id));
      return getRollout(ctx, id);
    },
  });
}

export const rolloutActionOps: Operation[] = [
  action({
    name: "pause",
    id: "pauseRollout",
    summary: "Pause a rollout",
    description:
      "Any operator (`rollouts.write`), whatever their region scope: stopping never carries a release " +
      "anywhere. Nothing new starts; upgrades already sent finish and are recorded. A running rollout or one " +
      "awaiting approval; `reason` is required. Audited as rollout.pause.",
    verb: pauseRollout,
    body: pauseRolloutBody,
  }),
  action({
    name: "resume",
    id: "resumeRollout",
    summary: "Resume a paused rollout",
    description:
      `${IN_SCOPE} The current wave's failed targets are retried when a retry can change their outcome ` +
      "(`failedTargets: retry`, the default) and skipped otherwise; skipping needs a `reason`, kept on each " +
      "skipped target. Audited as rollout.resume.",
    verb: resumeRollout,
    body: resumeRolloutBody,
  }),
  action({
    name: "approve",
    id: "approveRolloutWave",
    summary: "Approve the wave a rollout waits at",
    description:
      "Admins only (`rollouts.approve`). `wave` must be the index the rollout is awaiting approval for " +
      "(`currentWave`), so an approval never lets a different wave start. Audited as rollout.approve.",
    verb: approveWave,
    permission: "rollouts.approve",
    body: approveWaveBody,
  }),
  action({
    name: "rollback",
    id: "rollBackRollout",
    summary: "Roll a rollout back",
    description:
      `${IN_SCOPE} Queued upgrades are cancelled and every satellite it upgraded gets stack.rollback to the ` +
      "version it came from. A finished rollout can be rolled back too, unless another rollout holds its " +
      "satellites now. `reason` is optional. Audited as rollout.rollback.",
    verb: rollBackRollout,
    body: stopRolloutBody,
  }),
  action({
    name: "cancel",
    id: "cancelRollout",
    summary: "Cancel (abort) a rollout",
    description:
      `${IN_SCOPE} Ends it for good, as the console's Abort: queued upgrades are cancelled, delivered ones ` +
      "finish; upgraded satellites stay upgraded (roll back to undo them). `reason` is optional. Audited as " +
      "rollout.abort.",
    verb: abortRollout,
    body: stopRolloutBody,
  }),
  action({
    name: "start",
    id: "startRollout",
    summary: "Start a draft rollout",
    description:
      `${IN_SCOPE} Every planned target is checked again: one that may no longer take the release is ` +
      "excluded with the reason. Audited as rollout.start.",
    verb: startRollout,
  }),
  action({
    name: "retry",
    id: "retryRolloutLeftBehind",
    summary: "Retry the satellites a rollout left behind",
    description:
      "Operators (`rollouts.write`) whose region scope covers every satellite retried. For a rollout that " +
      "completed with exceptions: a new rollout of the same release, pacing and gates for exactly the " +
      "satellites it left behind. Answers 202 with the new rollout. Audited as rollout.retry and rollout.create.",
    verb: retryLeftBehind,
    status: 202,
  }),
];
