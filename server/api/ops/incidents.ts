import { editIncident } from "../../incidents/edit";
import { listIncidentPage } from "../../incidents/feed";
import { openIncident } from "../../incidents/open";
import { getIncident, type IncidentDetail, type IncidentSummary } from "../../incidents/read";
import { parseInput } from "../../errors";
import { op, type Operation } from "../operation";
import { decodeCursor, listOf, pageFrom, pageQuery, type ListPage } from "../pagination";
import {
  editIncidentBody,
  incidentListQuery,
  incidentSchema,
  incidentSummarySchema,
  openIncidentBody,
} from "../schemas/incidents";
import { incidentActionOps } from "./incident-actions";
import { cursorKey, idParams, INCIDENT_TAGS, INCIDENT_WRITE, type IdParams } from "./incident-common";

export const incidentOps: Operation[] = [
  op<Record<string, string>, ListPage<IncidentSummary>>({
    method: "GET",
    path: "/incidents",
    id: "listIncidents",
    summary: "List incidents",
    description:
      "Newest first. Any role may read incidents, in every region, as in the console. Filter by `filter` (the " +
      "console's tabs), timeline `status`, or a `region` the incident touches.",
    tags: INCIDENT_TAGS,
    query: incidentListQuery,
    response: listOf(incidentSummarySchema),
    handler: async (ctx, { query, req }) => {
      const { limit, cursor } = parseInput(pageQuery, query);
      const key = decodeCursor(cursor, cursorKey);
      const after = key && { at: key[0], id: key[1] };
      const rows = await listIncidentPage(ctx, query, { limit, after });
      return pageFrom(rows, limit, (r) => [r.startedAt, r.id], req.url);
    },
  }),
  op<IdParams, IncidentDetail>({
    method: "GET",
    path: "/incidents/{id}",
    id: "getIncident",
    summary: "Get an incident",
    description: "With its timeline (newest first) and affected satellites. Any role may read it.",
    tags: INCIDENT_TAGS,
    params: idParams,
    response: incidentSchema,
    handler: (ctx, { params }) => getIncident(ctx, params.id),
  }),
  op<Record<string, string>, IncidentDetail>({
    method: "POST",
    path: "/incidents",
    id: "openIncident",
    summary: "Open an incident",
    description:
      `${INCIDENT_WRITE} Name affected satellites by slug or id. The first update is \`body\`; ` +
      "`isPublished` puts it on the status pages at once. Audited as incident.open.",
    tags: INCIDENT_TAGS,
    status: 201,
    body: openIncidentBody,
    response: incidentSchema,
    handler: async (ctx, { body }) => getIncident(ctx, (await openIncident(ctx, body)).id),
  }),
  op<IdParams, IncidentDetail>({
    method: "PATCH",
    path: "/incidents/{id}",
    id: "editIncident",
    summary: "Correct an incident",
    description:
      `${INCIDENT_WRITE} Changes the title, impact or the status of affected components of an open incident ` +
      "or a proposal, without a timeline entry; to tell readers what changed, post an update instead. A " +
      "resolved or dismissed incident is refused (412). Audited as incident.edit.",
    tags: INCIDENT_TAGS,
    params: idParams,
    body: editIncidentBody,
    response: incidentSchema,
    current: (ctx, params) => getIncident(ctx, params.id),
    handler: async (ctx, { params, body }) => getIncident(ctx, (await editIncident(ctx, params.id, body)).id),
  }),
  ...incidentActionOps,
];
