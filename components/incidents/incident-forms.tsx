"use client";

import { useState } from "react";
import { Field, FormError } from "@/components/forms/field";
import { PUBLIC_STATUS_LABEL, PUBLIC_STATUSES, type PublicStatus } from "@/lib/status/public-status";
import { INCIDENT_IMPACT_STATUS } from "@/lib/status/status-model";
import { useFormAction } from "@/components/forms/use-form-action";
import type { ActionResult } from "@/server/http/action";
import type { IncidentImpact, IncidentStatus } from "@/server/incidents/schemas";
import styles from "./incidents.module.css";
import { SatellitePicker } from "./satellite-picker";

export type Action<T> = (prev: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;
type Options = { statuses: readonly IncidentStatus[]; impacts: readonly IncidentImpact[] };

/**
 * "Status of affected components": what the status pages show for the regions this incident names, or
 * "auto" to follow the impact (docs/status-model.md). `keep` adds a first choice that leaves it as it is.
 */
function ComponentStatusField({
  impact,
  initial,
  errors,
  isKeepOffered = false,
}: {
  impact: IncidentImpact;
  initial: PublicStatus | "auto" | "";
  errors: Record<string, string> | undefined;
  isKeepOffered?: boolean;
}) {
  return (
    <Field
      name="componentStatus"
      label="Status of affected components"
      hint="what the status pages show for the regions it names"
      errors={errors}
    >
      {(p) => (
        <select {...p} defaultValue={initial}>
          {isKeepOffered && <option value="">Keep as it is</option>}
          <option value="auto">
            From the impact ({PUBLIC_STATUS_LABEL[INCIDENT_IMPACT_STATUS[impact]]})
          </option>
          {PUBLIC_STATUSES.map((s) => (
            <option key={s} value={s}>
              {PUBLIC_STATUS_LABEL[s]}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function errorOf<T>(state: ActionResult<T> | null): string | null {
  return state && !state.ok ? state.error.message : null;
}

export function OpenIncidentForm({
  action,
  statuses,
  impacts,
}: Options & { action: Action<{ id: string }> }) {
  const { state, onSubmit, isPending, errors } = useFormAction(action);
  const [impact, setImpact] = useState<IncidentImpact>("minor");
  return (
    <form method="post" onSubmit={onSubmit} className="grid" style={{ gap: 14 }} noValidate>
      <FormError message={errorOf(state)} />
      <div className="form-grid">
        <Field name="title" label="Title" className="wide" errors={errors}>
          {(p) => <input {...p} required minLength={3} maxLength={200} autoFocus />}
        </Field>
        <Field name="impact" label="Impact" errors={errors}>
          {(p) => (
            <select {...p} value={impact} onChange={(e) => setImpact(e.target.value as IncidentImpact)}>
              {impacts.map((i) => (
                <option key={i}>{i}</option>
              ))}
            </select>
          )}
        </Field>
        <ComponentStatusField impact={impact} initial="auto" errors={errors} />
        <Field name="status" label="Status" errors={errors}>
          {(p) => (
            <select {...p} defaultValue="investigating">
              {statuses.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
          )}
        </Field>
        <Field
          name="body"
          label="What is happening"
          hint="the first update on the timeline"
          className="wide"
          errors={errors}
        >
          {(p) => <textarea {...p} required rows={4} />}
        </Field>
        <Field
          name="satellites"
          label="Affected satellites"
          hint="type a slug or name; Enter adds it"
          className="wide"
          errors={errors}
        >
          {(p) => (
            <SatellitePicker
              id={p.id}
              name={p.name}
              invalid={p["aria-invalid"]}
              describedBy={p["aria-describedby"]}
            />
          )}
        </Field>
        <label className={`${styles.check} wide`}>
          <input type="checkbox" name="isPublished" defaultChecked />
          Publish on status pages
        </label>
      </div>
      <div>
        <button className="btn primary" type="submit" disabled={isPending}>
          {isPending ? "Opening…" : "Open incident"}
        </button>
      </div>
    </form>
  );
}

/** Keyed by the incident's last change in the page, so a posted update starts the next one afresh. */
export function PostUpdateForm<T>({
  incidentId,
  status,
  impact,
  statuses,
  impacts,
  action,
  componentStatus,
}: Options & {
  incidentId: string;
  status: IncidentStatus;
  impact: IncidentImpact;
  action: Action<T>;
  /** The incident's current choice (null follows the impact); left out, the form offers to keep it. */
  componentStatus?: PublicStatus | null;
}) {
  const { state, onSubmit, isPending, errors } = useFormAction(action);
  const [nextImpact, setNextImpact] = useState<IncidentImpact>(impact);
  return (
    <form method="post" onSubmit={onSubmit} className="grid" style={{ gap: 12 }} noValidate>
      <FormError message={errorOf(state)} />
      <input type="hidden" name="id" value={incidentId} />
      <div className="form-grid">
        <Field name="status" label="Status" errors={errors}>
          {(p) => (
            <select {...p} defaultValue={status}>
              {statuses.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
          )}
        </Field>
        <Field name="impact" label="Impact" errors={errors}>
          {(p) => (
            <select
              {...p}
              value={nextImpact}
              onChange={(e) => setNextImpact(e.target.value as IncidentImpact)}
            >
              {impacts.map((i) => (
                <option key={i}>{i}</option>
              ))}
            </select>
          )}
        </Field>
        <ComponentStatusField
          impact={nextImpact}
          initial={componentStatus === undefined ? "" : (componentStatus ?? "auto")}
          isKeepOffered={componentStatus === undefined}
          errors={errors}
        />
        <Field
          name="body"
          label="Update"
          hint="shown on the status pages when published"
          className="wide"
          errors={errors}
        >
          {(p) => <textarea {...p} required rows={3} />}
        </Field>
      </div>
      <div>
        <button className="btn primary" type="submit" disabled={isPending}>
          {isPending ? "Posting…" : "Post update"}
        </button>
      </div>
    </form>
  );
}

export function AffectedSatellitesForm<T>({
  incidentId,
  slugs,
  action,
}: {
  incidentId: string;
  slugs: string[];
  action: Action<T>;
}) {
  const { state, onSubmit, isPending, errors } = useFormAction(action);
  return (
    <details className={styles.editor} open={!!errors}>
      <summary>Edit affected satellites</summary>
      <form method="post" onSubmit={onSubmit} className="grid" style={{ gap: 12 }} noValidate>
        <FormError message={errorOf(state)} />
        <input type="hidden" name="id" value={incidentId} />
        <Field name="satellites" label="Affected satellites" hint="remove with ×; Enter adds" errors={errors}>
          {(p) => (
            <SatellitePicker
              id={p.id}
              name={p.name}
              initial={slugs}
              invalid={p["aria-invalid"]}
              describedBy={p["aria-describedby"]}
            />
          )}
        </Field>
        <div>
          <button className="btn" type="submit" disabled={isPending}>
            {isPending ? "Saving…" : "Save satellites"}
          </button>
        </div>
      </form>
    </details>
  );
}
