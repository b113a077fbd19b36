import { z } from "zod";
import { parseInput } from "../../errors";
import { decommissionSatellite } from "../../satellites/decommission";
import { getSatellite, type SatelliteDetail } from "../../satellites/get";
import { changeSatelliteLabels } from "../../satellites/labels";
import { listSatellitePage } from "../../satellites/page";
import { registerSatellite } from "../../satellites/register";
import { updateSatellite } from "../../satellites/update";
import type { Ctx } from "../../auth/context";
import { op, type Operation } from "../operation";
import { decodeCursor, pageFrom, pageQuery } from "../pagination";
import {
  createSatelliteBody,
  decommissionBody,
  satelliteDetailSchema,
  satelliteLabelsBody,
  satelliteListQuery,
  satelliteListSchema,
  updateSatelliteBody,
  type SatelliteList,
} from "../schemas/satellites";
import { objectWithId } from "./rollout-input";

const idParams = z.object({
  id: z.string().min(1).max(200).meta({ description: "The satellite's id or slug." }),
});
type IdParams = z.infer<typeof idParams>;
const cursorKey = z.string().min(1).max(200);

const TAGS: [string] = ["Satellites"];
const WRITE = "Admins only, in any region: registering and editing satellites is not region-scoped.";

/** Writes name a satellite by id; the path may give its slug, as the console's addresses do. */
async function idOf(ctx: Ctx, idOrSlug: string): Promise<string> {
  return (await getSatellite(ctx, idOrSlug)).id;
}

const current = (ctx: Ctx, params: IdParams) => getSatellite(ctx, params.id);

export const satelliteOps: Operation[] = [
  op<Record<string, string>, SatelliteList>({
    method: "GET",
    path: "/satellites",
    id: "listSatellites",
    permission: "satellites.read",
    summary: "List satellites",
    description:
      "The Satellites list's filters, in slug order. Any role may read the whole fleet; decommissioned " +
      "satellites are left out unless `lifecycle` names them. Values of one filter are separated by commas " +
      "(`region=eu-gdpr,uk-gdpr`); `label` takes `key=value` pairs. `total` counts every match.",
    tags: TAGS,
    query: satelliteListQuery,
    response: satelliteListSchema,
    handler: async (ctx, { query, req }) => {
      const { limit, cursor } = parseInput(pageQuery, query);
      const after = decodeCursor(cursor, cursorKey);
      const { total, items } = await listSatellitePage(ctx, query, { limit, after });
      return { ...pageFrom(items, limit, (s) => s.slug, req.url), total };
    },
  }),
  op<IdParams, SatelliteDetail>({
    method: "GET",
    path: "/satellites/{id}",
    id: "getSatellite",
    permission: "satellites.read",
    summary: "Get a satellite",
    description:
      "By id or slug, decommissioned ones included, with its derived connectivity and health. Any role may " +
      "read it. The answer's ETag is what `If-Match` names on an edit.",
    tags: TAGS,
    params: idParams,
    response: satelliteDetailSchema,
    handler: (ctx, { params }) => getSatellite(ctx, params.id),
  }),
  op<Record<string, string>, SatelliteDetail>({
    method: "POST",
    path: "/satellites",
    id: "createSatellite",
    permission: "satellites.write",
    summary: "Register a satellite",
    description:
      `${WRITE} It waits as \`pending\` until its agent enrolls. Without \`regionId\` its region follows ` +
      "its country. Audited as satellite.register.",
    tags: TAGS,
    status: 201,
    body: createSatelliteBody,
    response: satelliteDetailSchema,
    handler: async (ctx, { body }) => getSatellite(ctx, (await registerSatellite(ctx, body)).id),
  }),
  op<IdParams, SatelliteDetail>({
    method: "PATCH",
    path: "/satellites/{id}",
    id: "updateSatellite",
    permission: "satellites.write",
    summary: "Edit a satellite",
    description:
      `${WRITE} Only the fields given change; \`labels\` here replaces them all. Changing the country ` +
      "moves an unpinned satellite to that country's region. A decommissioned satellite cannot be edited. " +
      "Audited as satellite.update.",
    tags: TAGS,
    params: idParams,
    body: updateSatelliteBody,
    response: satelliteDetailSchema,
    current,
    handler: async (ctx, { params, body }) => {
      const id = await idOf(ctx, params.id);
      return getSatellite(ctx, (await updateSatellite(ctx, objectWithId(body, id))).id);
    },
  }),
  op<IdParams, SatelliteDetail>({
    method: "PATCH",
    path: "/satellites/{id}/labels",
    id: "changeSatelliteLabels",
    permission: "satellites.write",
    summary: "Change a satellite's labels",
    description:
      `${WRITE} Either \`set\` (replaces every label) or \`merge\` and/or \`remove\`, applied to the ` +
      "labels as they are when the change is written. At most 32 labels. Audited as satellite.update.",
    tags: TAGS,
    params: idParams,
    body: satelliteLabelsBody,
    response: satelliteDetailSchema,
    current,
    handler: async (ctx, { params, body }) => {
      const id = await idOf(ctx, params.id);
      return getSatellite(ctx, (await changeSatelliteLabels(ctx, objectWithId(body, id))).id);
    },
  }),
  op<IdParams, SatelliteDetail>({
    method: "POST",
    path: "/satellites/{id}/decommission",
    id: "decommissionSatellite",
    permission: "satellites.write",
    summary: "Decommission a satellite",
    description:
      `${WRITE} Its agent credentials and join tokens stop working at once, its open commands end, and it ` +
      "leaves lists and the map; its history and audit trail stay. Give a `reason`. Answers the satellite " +
      "as it now is. Audited as satellite.decommission.",
    tags: TAGS,
    params: idParams,
    body: decommissionBody,
    response: satelliteDetailSchema,
    current,
    handler: async (ctx, { params, body }) => {
      const id = await idOf(ctx, params.id);
      return getSatellite(ctx, (await decommissionSatellite(ctx, objectWithId(body, id))).id);
    },
  }),
];
