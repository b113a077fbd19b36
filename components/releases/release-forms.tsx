"use client";

import { useEffect, useRef } from "react";
import { Field, FormError } from "@/components/forms/field";
import { useFormAction } from "@/components/forms/use-form-action";
import type { ActionResult } from "@/server/http/action";
import type { ReleaseView } from "@/server/releases/view";
import { RegionChecklist, type RegionOption } from "./region-checklist";

type Saved = ActionResult<ReleaseView>;
type Deleted = ActionResult<{ id: string; version: string }>;
type Action<T> = (prev: T | null, form: FormData) => Promise<T>;

export function CreateReleaseForm({ action, regions }: { action: Action<Saved>; regions: RegionOption[] }) {
  const { state, onSubmit, isPending, errors } = useFormAction(action);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state]);
  return (
    <form method="post" ref={form} onSubmit={onSubmit} className="grid" style={{ gap: 14 }} noValidate>
      <FormError message={state && !state.ok ? state.error.message : null} />
      {state?.ok && (
        <div role="status" className="alert ok">
          Published {state.data.version}, certified for {state.data.regionIds.join(", ")}.
        </div>
      )}
      <div className="form-grid">
        <Field
          name="version"
          label="Version"
          hint="dotted, e.g. 2026.12.0; cannot change later"
          errors={errors}
        >
          {(p) => <input {...p} required autoComplete="off" />}
        </Field>
        <Field name="artifactSizeMb" label="Artifact size (MB)" errors={errors}>
          {(p) => <input {...p} type="number" inputMode="decimal" min="0" step="any" required />}
        </Field>
        <Field
          name="minAgentVersion"
          label="Minimum agent version"
          hint="for example 1.4.0; satellites on an older agent are skipped"
          errors={errors}
        >
          {(p) => <input {...p} required autoComplete="off" />}
        </Field>
        <Field name="notes" label="Notes" className="wide" errors={errors}>
          {(p) => <textarea {...p} rows={3} />}
        </Field>
        <RegionChecklist regions={regions} selected={[]} errors={errors} />
      </div>
      <div>
        <button className="btn primary" type="submit" disabled={isPending}>
          {isPending ? "Publishing…" : "Publish release"}
        </button>
      </div>
    </form>
  );
}

export function EditReleaseForm({
  action,
  release,
  regions,
}: {
  action: Action<Saved>;
  release: ReleaseView;
  regions: RegionOption[];
}) {
  const { state, onSubmit, isPending, errors } = useFormAction(action);
  return (
    <form method="post" onSubmit={onSubmit} className="grid" style={{ gap: 14 }} noValidate>
      <FormError message={state && !state.ok ? state.error.message : null} />
      {state?.ok && (
        <div role="status" className="alert ok">
          Saved {state.data.version}.
        </div>
      )}
      <input type="hidden" name="id" value={release.id} />
      <div className="form-grid">
        <Field name="minAgentVersion" label="Minimum agent version" errors={errors}>
          {(p) => <input {...p} defaultValue={release.minAgentVersion} required autoComplete="off" />}
        </Field>
        <Field name="notes" label="Notes" className="wide" errors={errors}>
          {(p) => <textarea {...p} rows={5} defaultValue={release.notes} />}
        </Field>
        <RegionChecklist regions={regions} selected={release.regionIds} errors={errors} />
      </div>
      <div>
        <button className="btn primary" type="submit" disabled={isPending}>
          {isPending ? "Saving…" : "Save changes"}
        </button>
      </div>
    </form>
  );
}

export function DeleteReleaseForm({
  id,
  version,
  action,
}: {
  id: string;
  version: string;
  action: Action<Deleted>;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const { state, onSubmit, isPending } = useFormAction(action);
  return (
    <>
      <p className="muted" style={{ marginTop: 0 }}>
        No rollout has used this release, so it can be deleted. Satellites already running it keep running it.
      </p>
      <button type="button" className="btn danger" onClick={() => dialog.current?.showModal()}>
        Delete {version}…
      </button>
      <dialog ref={dialog} aria-labelledby="delete-release-title">
        <form method="post" onSubmit={onSubmit} className="grid" style={{ gap: 14, padding: 20 }}>
          <h2 id="delete-release-title">Delete release {version}?</h2>
          <p className="muted" style={{ margin: 0 }}>
            Its notes and certifications go with it; the audit log keeps the record.
          </p>
          <FormError message={state && !state.ok ? state.error.message : null} />
          <input type="hidden" name="id" value={id} />
          <div className="row" style={{ justifyContent: "flex-end" }}>
            <button type="button" className="btn" onClick={() => dialog.current?.close()}>
              Cancel
            </button>
            <button type="submit" className="btn danger" disabled={isPending}>
              {isPending ? "Deleting…" : "Delete"}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
