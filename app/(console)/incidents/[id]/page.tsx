import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AffectedSatellitesCard } from "@/components/incidents/affected-satellites";
import { PublishActions, ResolveForm } from "@/components/incidents/incident-actions";
import { AffectedSatellitesForm, PostUpdateForm } from "@/components/incidents/incident-forms";
import { ImpactPill, IncidentStatusPill, VisibilityPill } from "@/components/incidents/pills";
import { Timeline } from "@/components/incidents/timeline";
import { LiveRefresh } from "@/components/ui/live-refresh";
import { PageHead } from "@/components/ui/page-head";
import { Time } from "@/components/ui/time";
import { formatDuration } from "@/lib/format";
import { mayDo } from "@/server/auth/context";
import { getCtx } from "@/server/auth/session";
import { isAppError } from "@/server/errors";
import { getIncident, type IncidentDetail } from "@/server/incidents/read";
import { INCIDENT_IMPACTS, INCIDENT_STATUSES } from "@/server/incidents/schemas";
import { versionsOf } from "@/server/live/versions";
import {
  dismissProposalAction,
  postIncidentUpdateAction,
  publishIncidentAction,
  resolveIncidentAction,
  setAffectedSatellitesAction,
} from "../actions";

export const metadata: Metadata = { title: "Incident" };

export default async function IncidentPage({ params }: { params: Promise<{ id: string }> }) {
  // Next hands params over decoded; a malformed escape never gets here (server/http/malformed-path.ts).
  const { id } = await params;
  const ctx = await getCtx();
  const now = new Date();
  let incident: IncidentDetail;
  try {
    incident = await getIncident(ctx, id, now);
  } catch (error) {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "VALIDATION")) notFound();
    throw error;
  }
  // Read after the incident is known, so a made-up id never reaches the live scopes.
  const scopes = ["incidents", `incident:${incident.id}`];
  const live = await versionsOf(ctx, ...scopes);
  const canAct = mayDo(ctx, "incidents.write", { regions: incident.regionIds });
  const isOpen = !incident.resolvedAt && !incident.isDismissed;
  const takesUpdates = isOpen && !incident.isProposed;

  return (
    <div className="page">
      <PageHead
        crumbs={[
          {
            href: incident.resolvedAt || incident.isDismissed ? "/incidents/resolved" : "/incidents",
            label: "Incidents",
          },
        ]}
        title={incident.title}
        description={
          <span className="row">
            <IncidentStatusPill value={incident.status} />
            <ImpactPill value={incident.impact} />
            <VisibilityPill
              isProposed={incident.isProposed}
              isPublished={incident.isPublished}
              isDismissed={incident.isDismissed}
            />
            <span>
              started <Time at={incident.startedAt} now={now} />
              {incident.resolvedAt &&
                ` · resolved after ${formatDuration(incident.startedAt, incident.resolvedAt)}`}
            </span>
          </span>
        }
        actions={
          <>
            <LiveRefresh scopes={scopes} initial={live} />
            {canAct && takesUpdates && (
              <ResolveForm incidentId={incident.id} action={resolveIncidentAction} />
            )}
          </>
        }
      />

      {incident.isProposed && !incident.isDismissed && (
        <div className="alert info" role="note">
          <div className="row-between">
            <span>
              The reconciler proposed this draft when satellites in {incident.regionId ?? "one region"} went
              offline together. It is not on any status page until an operator publishes it.
            </span>
            {canAct && (
              <PublishActions
                incidentId={incident.id}
                canDismiss
                publishAction={publishIncidentAction}
                dismissAction={dismissProposalAction}
              />
            )}
          </div>
        </div>
      )}
      {!incident.isProposed && !incident.isPublished && (
        <div className="alert info" role="note">
          <div className="row-between">
            <span>This incident is internal: status pages do not show it.</span>
            {canAct && (
              <PublishActions
                incidentId={incident.id}
                canDismiss={false}
                publishAction={publishIncidentAction}
                dismissAction={dismissProposalAction}
              />
            )}
          </div>
        </div>
      )}
      {mayDo(ctx, "incidents.write") && !canAct && isOpen && (
        <div className="alert info" role="note">
          This incident touches {incident.regionIds.join(", ")}; your region scope allows only{" "}
          {ctx.actor?.regionIds?.join(", ")}, so you can read it but not change it.
        </div>
      )}

      <div className="grid grid-2" style={{ alignItems: "start" }}>
        <div className="grid">
          {canAct && takesUpdates && (
            <section className="card" aria-labelledby="post-heading">
              <div className="card-head">
                <h2 id="post-heading">Post an update</h2>
              </div>
              <div className="card-body">
                <PostUpdateForm
                  key={incident.updatedAt}
                  incidentId={incident.id}
                  status={incident.status}
                  impact={incident.impact}
                  componentStatus={incident.componentStatus}
                  statuses={INCIDENT_STATUSES}
                  impacts={INCIDENT_IMPACTS}
                  action={postIncidentUpdateAction}
                />
              </div>
            </section>
          )}
          <Timeline updates={incident.updates} now={now} />
        </div>

        <div className="grid">
          <AffectedSatellitesCard
            satellites={incident.satellites}
            editor={
              canAct && isOpen ? (
                <AffectedSatellitesForm
                  key={incident.updatedAt}
                  incidentId={incident.id}
                  slugs={incident.satellites.map((s) => s.slug)}
                  action={setAffectedSatellitesAction}
                />
              ) : undefined
            }
          />
          <section className="card" aria-labelledby="facts-heading">
            <div className="card-head">
              <h2 id="facts-heading">Details</h2>
            </div>
            <div className="card-body">
              <dl className="facts">
                <dt>Opened by</dt>
                <dd>{incident.createdBy ?? "the reconciler"}</dd>
                <dt>Started</dt>
                <dd>
                  <Time at={incident.startedAt} now={now} />
                </dd>
                <dt>Resolved</dt>
                <dd>{incident.resolvedAt ? <Time at={incident.resolvedAt} now={now} /> : "not yet"}</dd>
                {incident.dismissedAt && (
                  <>
                    <dt>Dismissed</dt>
                    <dd>
                      <Time at={incident.dismissedAt} now={now} />
                    </dd>
                  </>
                )}
                <dt>Regions</dt>
                <dd>{incident.regionIds.join(", ") || "—"}</dd>
                <dt>Status pages</dt>
                <dd>{incident.isPublished ? "shown" : "not shown"}</dd>
                <dt>Incident id</dt>
                <dd className="mono">{incident.id}</dd>
              </dl>
            </div>
          </section>
        </div>
      </div>
    </div>
  );
}
