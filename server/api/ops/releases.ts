import { z } from "zod";
import { createRelease } from "../../releases/create";
import { deleteRelease } from "../../releases/delete";
import { getRelease, listReleasePage } from "../../releases/list";
import { updateRelease } from "../../releases/update";
import type { ReleaseView } from "../../releases/view";
import { parseInput } from "../../errors";
import { op, type Operation } from "../operation";
import { decodeCursor, listOf, pageFrom, pageQuery, type ListPage } from "../pagination";
import { createReleaseBody, releaseListQuery, releaseSchema, updateReleaseBody } from "../schemas/releases";
import { objectWithId } from "./rollout-input";

const idParams = z.object({ id: z.string().min(1).max(200) });
type IdParams = z.infer<typeof idParams>;
const cursorKey = z.tuple([z.iso.datetime(), z.string().min(1).max(200)]);

const TAGS: [string] = ["Releases"];
const WRITE = "Admins only (`releases.write`); audited as release.";

export const releaseOps: Operation[] = [
  op<Record<string, string>, ListPage<ReleaseView>>({
    method: "GET",
    path: "/releases",
    id: "listReleases",
    permission: "releases.read",
    summary: "List releases",
    description:
      "Newest published first. Any role may read releases. Filter by `version` to find one release's id.",
    tags: TAGS,
    query: releaseListQuery,
    response: listOf(releaseSchema),
    handler: async (ctx, { query, req }) => {
      const { limit, cursor } = parseInput(pageQuery, query);
      const key = decodeCursor(cursor, cursorKey);
      const after = key && { createdAt: key[0], id: key[1] };
      const rows = await listReleasePage(ctx, query, { limit, after });
      return pageFrom(rows, limit, (r) => [r.createdAt, r.id], req.url);
    },
  }),
  op<IdParams, ReleaseView>({
    method: "GET",
    path: "/releases/{id}",
    id: "getRelease",
    permission: "releases.read",
    summary: "Get a release",
    description: "Any role may read it. The answer's ETag is what `If-Match` names on an update or delete.",
    tags: TAGS,
    params: idParams,
    response: releaseSchema,
    handler: (ctx, { params }) => getRelease(ctx, params.id),
  }),
  op<Record<string, string>, ReleaseView>({
    method: "POST",
    path: "/releases",
    id: "createRelease",
    permission: "releases.write",
    summary: "Publish a release",
    description: `${WRITE}create. It is certified for the regions in \`regionIds\`, which must exist; the version must be new.`,
    tags: TAGS,
    status: 201,
    body: createReleaseBody,
    response: releaseSchema,
    handler: (ctx, { body }) => createRelease(ctx, body),
  }),
  op<IdParams, ReleaseView>({
    method: "PATCH",
    path: "/releases/{id}",
    id: "updateRelease",
    permission: "releases.write",
    summary: "Edit a release",
    description:
      `${WRITE}update. Notes, certified regions and minimum agent version may change; the version never does. ` +
      "Withdrawing a region is refused while an active rollout of this release still upgrades satellites there, " +
      "and cancels upgrades to it still queued there.",
    tags: TAGS,
    params: idParams,
    body: updateReleaseBody,
    response: releaseSchema,
    current: (ctx, params) => getRelease(ctx, params.id),
    handler: (ctx, { params, body }) => updateRelease(ctx, objectWithId(body, params.id)),
  }),
  op<IdParams, void>({
    method: "DELETE",
    path: "/releases/{id}",
    id: "deleteRelease",
    permission: "releases.write",
    summary: "Delete a release",
    description: `${WRITE}delete. Only a release no rollout ever used: a rollout keeps its release for the record.`,
    tags: TAGS,
    params: idParams,
    status: 204,
    current: (ctx, params) => getRelease(ctx, params.id),
    handler: async (ctx, { params }) => {
      await deleteRelease(ctx, { id: params.id });
    },
  }),
];
