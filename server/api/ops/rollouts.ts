import { z } from "zod";
import { parseInput } from "../../errors";
import { createRollout, previewRollout, type RolloutPreview } from "../../rollouts/create";
import { getRollout } from "../../rollouts/get";
import { listRolloutPage, type RolloutSummary } from "../../rollouts/list";
import type { RolloutDetail } from "../../rollouts/views";
import { op, type Operation } from "../operation";
import { decodeCursor, listOf, pageFrom, pageQuery, type ListPage } from "../pagination";
import {
  createRolloutBody,
  rolloutListQuery,
  rolloutPreviewSchema,
  rolloutSchema,
  rolloutSummarySchema,
} from "../schemas/rollouts";
import { rolloutActionOps, rolloutIdParams, type RolloutIdParams } from "./rollout-actions";

const cursorKey = z.tuple([z.iso.datetime(), z.string().min(1).max(200)]);
const TAGS: [string] = ["Rollouts"];

const PLAN =
  "`waves` are cumulative percentages of the targets after the canary (e.g. `[1, 10, 50, 100]`, the last " +
  "100); `canarySize` satellites go first; each wave bakes `bakeMinutes`, and the rollout pauses itself when " +
  "more than `failureThresholdPct` % of a wave fails (the health gate). With `requireApproval` an admin " +
  "approves each wave; `isRegionByRegion` makes one wave per region instead of `waves`.";

export const rolloutOps: Operation[] = [
  op<Record<string, string>, ListPage<RolloutSummary>>({
    method: "GET",
    path: "/rollouts",
    id: "listRollouts",
    permission: "rollouts.read",
    summary: "List rollouts",
    description:
      "Newest first, with per-state target counts. Any role may read rollouts. `status` takes one status or " +
      "a group (`active`, `finished`, `draft`); `release` takes a release's id or version.",
    tags: TAGS,
    query: rolloutListQuery,
    response: listOf(rolloutSummarySchema),
    handler: async (ctx, { query, req }) => {
      const { limit, cursor } = parseInput(pageQuery, query);
      const key = decodeCursor(cursor, cursorKey);
      const after = key && { createdAt: key[0], id: key[1] };
      const rows = await listRolloutPage(ctx, query, { limit, after });
      return pageFrom(rows, limit, (r) => [r.createdAt, r.id], req.url);
    },
  }),
  op<RolloutIdParams, RolloutDetail>({
    method: "GET",
    path: "/rollouts/{id}",
    id: "getRollout",
    permission: "rollouts.read",
    summary: "Get a rollout with its waves and progress",
    description:
      "Every wave and target with its state and upgrade command, the counts, and what the caller may do to it " +
      "now (`can`). Any role may read it. Poll it with `If-None-Match`: an unchanged rollout answers 304.",
    tags: TAGS,
    params: rolloutIdParams,
    response: rolloutSchema,
    handler: (ctx, { params }) => getRollout(ctx, params.id),
  }),
  op<Record<string, string>, RolloutDetail>({
    method: "POST",
    path: "/rollouts",
    id: "createRollout",
    permission: "rollouts.write",
    summary: "Start a rollout",
    description:
      "Operators (`rollouts.write`). Plans a release onto the satellites the selector picks (regions, kinds " +
      "and labels intersect; `satellites` adds hand-picked ones) and starts it, or saves it with `isDraft`. " +
      `${PLAN} Satellites that may not take the release are excluded with the reason. Refused whole when a ` +
      "selected satellite is outside the caller's region scope or another active rollout holds a target. " +
      "Audited as rollout.create (rollout.draft). Answers 202: the reconciler opens the canary within seconds.",
    tags: TAGS,
    status: 202,
    body: createRolloutBody,
    response: rolloutSchema,
    handler: async (ctx, { body }) => {
      const created = await createRollout(ctx, body);
      return getRollout(ctx, created.id);
    },
  }),
  op<Record<string, string>, RolloutPreview>({
    method: "POST",
    path: "/rollouts/preview",
    id: "previewRollout",
    permission: "rollouts.write",
    summary: "Preview a rollout without starting it",
    description:
      "Operators (`rollouts.write`). Takes the same body as creating one and writes nothing: the targets, the " +
      "exclusions with their reasons, the waves with estimates, and `blockers`, why creating it now would be " +
      "refused (region scope, satellites another rollout holds, no target).",
    tags: TAGS,
    body: createRolloutBody,
    response: rolloutPreviewSchema,
    handler: (ctx, { body }) => previewRollout(ctx, body),
  }),
  ...rolloutActionOps,
];
