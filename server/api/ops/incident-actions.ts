import { setAffectedSatellites } from "../../incidents/affected";
import { dismissProposal, publishIncident } from "../../incidents/publish";
import { getIncident, type IncidentDetail } from "../../incidents/read";
import { postIncidentUpdate, resolveIncident } from "../../incidents/timeline";
import { op, type Operation } from "../operation";
import {
  affectedSatellitesBody,
  incidentSchema,
  incidentUpdateBody,
  resolveIncidentBody,
} from "../schemas/incidents";
import { bodyWith } from "./body-with";
import { idParams, INCIDENT_TAGS, INCIDENT_WRITE, type IdParams } from "./incident-common";

/** An incident's timeline and state changes: each answers the incident as it now is. */
export const incidentActionOps: Operation[] = [
  op<IdParams, IncidentDetail>({
    method: "POST",
    path: "/incidents/{id}/updates",
    id: "postIncidentUpdate",
    summary: "Post an incident update",
    description:
      `${INCIDENT_WRITE} Adds a timeline entry with a status (any, backwards included, while the incident is ` +
      "open; `resolved` closes it), the impact and a message. Audited as incident.update or incident.resolve.",
    tags: INCIDENT_TAGS,
    status: 201,
    params: idParams,
    body: incidentUpdateBody,
    response: incidentSchema,
    handler: async (ctx, { params, body }) => {
      const posted = await postIncidentUpdate(ctx, bodyWith(body, { id: params.id }));
      return getIncident(ctx, posted.id);
    },
  }),
  op<IdParams, IncidentDetail>({
    method: "POST",
    path: "/incidents/{id}/resolve",
    id: "resolveIncident",
    summary: "Resolve an incident",
    description:
      `${INCIDENT_WRITE} Closes the timeline at the incident's impact, with a closing note (a default one ` +
      "when `body` is left out). A recurrence is a new incident. Audited as incident.resolve.",
    tags: INCIDENT_TAGS,
    params: idParams,
    body: resolveIncidentBody,
    response: incidentSchema,
    current: (ctx, params) => getIncident(ctx, params.id),
    handler: async (ctx, { params, body }) => {
      const posted = await resolveIncident(ctx, bodyWith(body, { id: params.id }));
      return getIncident(ctx, posted.id);
    },
  }),
  op<IdParams, IncidentDetail>({
    method: "PUT",
    path: "/incidents/{id}/satellites",
    id: "setAffectedSatellites",
    summary: "Set an incident's affected satellites",
    description:
      `${INCIDENT_WRITE} Replaces the list; the caller's scope must cover the satellites it had and those it ` +
      "gets. Refused once the incident is resolved or dismissed. Audited as incident.satellites.",
    tags: INCIDENT_TAGS,
    params: idParams,
    body: affectedSatellitesBody,
    response: incidentSchema,
    current: (ctx, params) => getIncident(ctx, params.id),
    handler: async (ctx, { params, body }) => {
      await setAffectedSatellites(ctx, bodyWith(body, { id: params.id }));
      return getIncident(ctx, params.id);
    },
  }),
  op<IdParams, IncidentDetail>({
    method: "POST",
    path: "/incidents/{id}/publish",
    id: "publishIncident",
    summary: "Publish an incident",
    description:
      `${INCIDENT_WRITE} Puts a proposal or an internal incident on the status pages. Audited as ` +
      "incident.publish.",
    tags: INCIDENT_TAGS,
    params: idParams,
    response: incidentSchema,
    current: (ctx, params) => getIncident(ctx, params.id),
    handler: async (ctx, { params }) => getIncident(ctx, (await publishIncident(ctx, params)).id),
  }),
  op<IdParams, IncidentDetail>({
    method: "POST",
    path: "/incidents/{id}/dismiss",
    id: "dismissIncidentProposal",
    summary: "Dismiss a proposed incident",
    description:
      `${INCIDENT_WRITE} Turns down a reconciler proposal; it is kept, marked dismissed. Audited as ` +
      "incident.dismiss.",
    tags: INCIDENT_TAGS,
    params: idParams,
    response: incidentSchema,
    current: (ctx, params) => getIncident(ctx, params.id),
    handler: async (ctx, { params }) => getIncident(ctx, (await dismissProposal(ctx, params)).id),
  }),
];
