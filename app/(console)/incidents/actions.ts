"use server";

import { formObject, runAction, type ActionResult } from "@/server/http/action";
import { setAffectedSatellites } from "@/server/incidents/affected";
import { cancelMaintenance, scheduleMaintenance } from "@/server/incidents/maintenance";
import { openIncident } from "@/server/incidents/open";
import { dismissProposal, publishIncident } from "@/server/incidents/publish";
import { postIncidentUpdate, resolveIncident, type PostedUpdate } from "@/server/incidents/timeline";

type Saved = ActionResult<{ id: string }>;
type Posted = ActionResult<PostedUpdate>;
const LISTS = ["/incidents", "/incidents/resolved", "/incidents/maintenance"];

/** The lists, plus the incident's own page when the form names one. */
function pathsFor(form: FormData): string[] {
  if (!(form instanceof FormData)) return LISTS;
  const id = form.get("id");
  return typeof id === "string" && id ? [...LISTS, `/incidents/${id}`] : LISTS;
}

export async function openIncidentAction(_prev: Saved | null, form: FormData): Promise<Saved> {
  return runAction((ctx) => openIncident(ctx, formObject(form)), {
    revalidate: LISTS,
    redirectTo: (i) => `/incidents/${i.id}`,
  });
}

export async function postIncidentUpdateAction(_prev: Posted | null, form: FormData): Promise<Posted> {
  return runAction((ctx) => postIncidentUpdate(ctx, formObject(form)), { revalidate: pathsFor(form) });
}

export async function resolveIncidentAction(_prev: Posted | null, form: FormData): Promise<Posted> {
  return runAction((ctx) => resolveIncident(ctx, formObject(form)), { revalidate: pathsFor(form) });
}

export async function setAffectedSatellitesAction(_prev: Saved | null, form: FormData): Promise<Saved> {
  return runAction((ctx) => setAffectedSatellites(ctx, formObject(form)), { revalidate: pathsFor(form) });
}

export async function publishIncidentAction(_prev: Saved | null, form: FormData): Promise<Saved> {
  return runAction((ctx) => publishIncident(ctx, formObject(form)), { revalidate: pathsFor(form) });
}

export async function dismissProposalAction(_prev: Saved | null, form: FormData): Promise<Saved> {
  return runAction((ctx) => dismissProposal(ctx, formObject(form)), { revalidate: pathsFor(form) });
}

export async function scheduleMaintenanceAction(_prev: Saved | null, form: FormData): Promise<Saved> {
  return runAction((ctx) => scheduleMaintenance(ctx, formObject(form)), {
    revalidate: LISTS,
    redirectTo: () => "/incidents/maintenance",
  });
}

export async function cancelMaintenanceAction(_prev: Saved | null, form: FormData): Promise<Saved> {
  return runAction((ctx) => cancelMaintenance(ctx, formObject(form)), { revalidate: LISTS });
}
