import { z } from "zod";
import { parseInput } from "../../errors";
import { patchStatusPage } from "../../status/page-patch";
import {
  createStatusPage,
  deleteStatusPage,
  getStatusPage,
  listStatusPages,
  rotateStatusPageSecret,
  type StatusPageSummary,
} from "../../status/pages";
import { op, type Operation } from "../operation";
import { pathId } from "./incident-common";
import { listOf, pageQuery, type ListPage } from "../pagination";
import { createStatusPageBody, statusPageSchema, updateStatusPageBody } from "../schemas/status-pages";
import { pageOfAll } from "./page-in-memory";
import { statusPinOps } from "./status-pins";

const idParams = z.object({ id: pathId });
type IdParams = z.infer<typeof idParams>;
const STATUS_PAGE_TAGS: [string] = ["Status pages"];
const ADMIN = "Admins only (`status-pages.manage`).";

export const statusPageOps: Operation[] = [
  op<Record<string, string>, ListPage<StatusPageSummary>>({
    method: "GET",
    path: "/status-pages",
    id: "listStatusPages",
    summary: "List status pages",
    description: `${ADMIN} By slug.`,
    tags: STATUS_PAGE_TAGS,
    query: pageQuery,
    response: listOf(statusPageSchema),
    handler: async (ctx, { query, req }) => {
      const page = parseInput(pageQuery, query);
      return pageOfAll(await listStatusPages(ctx), page, (p) => p.slug, req.url);
    },
  }),
  op<IdParams, StatusPageSummary>({
    method: "GET",
    path: "/status-pages/{id}",
    id: "getStatusPage",
    summary: "Get a status page",
    description: `${ADMIN} Its selection, thresholds, debounce and visibility.`,
    tags: STATUS_PAGE_TAGS,
    params: idParams,
    response: statusPageSchema,
    handler: (ctx, { params }) => getStatusPage(ctx, params.id),
  }),
  op<Record<string, string>, StatusPageSummary>({
    method: "POST",
    path: "/status-pages",
    id: "createStatusPage",
    summary: "Create a status page",
    description:
      `${ADMIN} Choose the whole fleet, regions, labels or satellites; thresholds must rise ` +
      "(degradedPct < partialPct < majorPct ≤ 100). An unlisted page gets a secret link. Audited as " +
      "status-page.create.",
    tags: STATUS_PAGE_TAGS,
    status: 201,
    body: createStatusPageBody,
    response: statusPageSchema,
    handler: async (ctx, { body }) => getStatusPage(ctx, (await createStatusPage(ctx, body)).id),
  }),
  op<IdParams, StatusPageSummary>({
    method: "PATCH",
    path: "/status-pages/{id}",
    id: "updateStatusPage",
    summary: "Update a status page",
    description:
      `${ADMIN} Only the fields sent change, checked as a whole save is. \`visibility: disabled\` takes the ` +
      "page offline without deleting it; leaving unlisted drops its secret link. Audited as status-page.update.",
    tags: STATUS_PAGE_TAGS,
    params: idParams,
    body: updateStatusPageBody,
    response: statusPageSchema,
    current: (ctx, params) => getStatusPage(ctx, params.id),
    handler: (ctx, { params, body }) => patchStatusPage(ctx, params.id, body),
  }),
  op<IdParams, StatusPageSummary>({
    method: "POST",
    path: "/status-pages/{id}/rotate-link",
    id: "rotateStatusPageLink",
    summary: "Replace a page's secret link",
    description: `${ADMIN} The old link stops working at once. Audited as status-page.rotate-link.`,
    tags: STATUS_PAGE_TAGS,
    params: idParams,
    response: statusPageSchema,
    current: (ctx, params) => getStatusPage(ctx, params.id),
    handler: async (ctx, { params }) => getStatusPage(ctx, (await rotateStatusPageSecret(ctx, params)).id),
  }),
  op<IdParams, undefined>({
    method: "DELETE",
    path: "/status-pages/{id}",
    id: "deleteStatusPage",
    summary: "Delete a status page",
    description:
      `${ADMIN} Its links, badges, feed and embeds stop answering. To take it offline and keep it, PATCH ` +
      "`visibility: disabled` instead. Audited as status-page.delete.",
    tags: STATUS_PAGE_TAGS,
    status: 204,
    params: idParams,
    current: (ctx, params) => getStatusPage(ctx, params.id),
    handler: async (ctx, { params }) => {
      await deleteStatusPage(ctx, params);
      return undefined;
    },
  }),
  ...statusPinOps,
];
