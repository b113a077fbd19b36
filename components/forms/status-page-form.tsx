"use client";

import { useState } from "react";
import type { ActionResult } from "@/server/http/action";
import { Checklist } from "../releases/region-checklist";
import { Field, FormError } from "./field";
import styles from "./status-page-form.module.css";
import { useFormAction } from "./use-form-action";

type Saved = ActionResult<{ id: string; slug: string }>;

export type StatusPageFormValues = {
  id?: string;
  slug?: string;
  title?: string;
  description?: string;
  visibility?: "public" | "unlisted" | "disabled";
  includeAll?: boolean;
  regionIds?: string[];
  labels?: string[];
  satelliteSlugs?: string[];
  showSatellites?: boolean;
  allowedOrigins?: string[];
  logoUrl?: string | null;
  accentColor?: string | null;
  degradedPct?: number;
  partialPct?: number;
  majorPct?: number;
  debounceSec?: number;
};

/** Creates or edits a status page: what it covers, who may see and frame it, and how it looks. */
export function StatusPageForm({
  action,
  initial,
  regions,
  submitLabel,
}: {
  action: (prev: Saved | null, form: FormData) => Promise<Saved>;
  initial: StatusPageFormValues;
  regions: { id: string; name: string; color: string }[];
  submitLabel: string;
}) {
  const { state, onSubmit, isPending, errors } = useFormAction(action);
  const [isWholeFleet, setWholeFleet] = useState(initial.includeAll ?? false);
  return (
    <form method="post" onSubmit={onSubmit} className="grid" style={{ gap: 20 }} noValidate>
      <FormError message={state && !state.ok ? state.error.message : null} />
      {initial.id && <input type="hidden" name="id" value={initial.id} />}
      <fieldset className={styles.section}>
        <legend>Page</legend>
        <div className="form-grid">
          <Field name="slug" label="Slug" hint="the page lives at /status/<slug>" errors={errors}>
            {(p) => <input {...p} defaultValue={initial.slug ?? ""} required autoComplete="off" />}
          </Field>
          <Field name="title" label="Title" errors={errors}>
            {(p) => <input {...p} defaultValue={initial.title ?? ""} required />}
          </Field>
          <Field
            name="visibility"
            label="Visibility"
            hint="unlisted: only with its secret link; leaving unlisted retires the link for good"
            errors={errors}
          >
            {(p) => (
              <select {...p} defaultValue={initial.visibility ?? "public"}>
                <option value="public">public</option>
                <option value="unlisted">unlisted</option>
                <option value="disabled">disabled</option>
              </select>
            )}
          </Field>
        </div>
        <Field name="description" label="Description" errors={errors}>
          {(p) => (
            <textarea {...p} className={styles.prose} rows={2} defaultValue={initial.description ?? ""} />
          )}
        </Field>
      </fieldset>
      <fieldset className={styles.section}>
        <legend>Satellites on the page</legend>
        <label className="check">
          <input
            type="checkbox"
            name="includeAll"
            checked={isWholeFleet}
            onChange={(e) => setWholeFleet(e.target.checked)}
          />
          The whole fleet (new satellites join by themselves)
        </label>
        <Checklist
          name="regionIds"
          legend="Or these compliance regions"
          options={regions.map((r) => ({ value: r.id, title: r.name, color: r.color }))}
          selected={initial.regionIds}
          hint={
            isWholeFleet
              ? "not needed while the whole fleet is on the page"
              : "satellites in any of them are on the page"
          }
          error={errors?.regionIds}
          isDisabled={isWholeFleet}
        />
        <div className="form-grid">
          <Field
            name="labels"
            label="Labels"
            hint="key=value, one per line; satellites with any of them are added"
            errors={errors}
          >
            {(p) => <textarea {...p} rows={3} defaultValue={(initial.labels ?? []).join("\n")} />}
          </Field>
          <Field
            name="satelliteSlugs"
            label="Satellites"
            hint="slugs, one per line; added too"
            errors={errors}
          >
            {(p) => <textarea {...p} rows={3} defaultValue={(initial.satelliteSlugs ?? []).join("\n")} />}
          </Field>
        </div>
        <label className="check">
          <input type="checkbox" name="showSatellites" defaultChecked={initial.showSatellites ?? true} /> Show
          each satellite (unticked: only per-region roll-ups are public)
        </label>
      </fieldset>
      <fieldset className={styles.section}>
        <legend>How regions are judged</legend>
        <p className="muted small">
          A region&apos;s status follows the share of its satellites that are offline or critical (those in
          maintenance are left out). A new status is published only after it has held for the time below, so a
          site that blinks does not turn the page orange. Pins, incidents and maintenance apply at once.
        </p>
        <div className={`form-grid ${styles.thresholds}`}>
          <Field
            name="degradedPct"
            label="Degraded performance from"
            hint="% of satellites impacted"
            errors={errors}
          >
            {(p) => (
              <input
                {...p}
                type="number"
                min={0.1}
                max={100}
                step="any"
                inputMode="decimal"
                defaultValue={initial.degradedPct ?? 10}
              />
            )}
          </Field>
          <Field
            name="partialPct"
            label="Partial outage from"
            hint="%, above the degraded threshold"
            errors={errors}
          >
            {(p) => (
              <input
                {...p}
                type="number"
                min={0.1}
                max={100}
                step="any"
                inputMode="decimal"
                defaultValue={initial.partialPct ?? 25}
              />
            )}
          </Field>
          <Field
            name="majorPct"
            label="Major outage from"
            hint="%, above the partial threshold, at most 100"
            errors={errors}
          >
            {(p) => (
              <input
                {...p}
                type="number"
                min={0.1}
                max={100}
                step="any"
                inputMode="decimal"
                defaultValue={initial.majorPct ?? 50}
              />
            )}
          </Field>
          <Field
            name="debounceSec"
            label="Hold a new status for"
            hint="seconds, 0 to 3600; going worse or better"
            errors={errors}
          >
            {(p) => (
              <input
                {...p}
                type="number"
                min={0}
                max={3600}
                step={1}
                inputMode="numeric"
                defaultValue={initial.debounceSec ?? 120}
              />
            )}
          </Field>
        </div>
      </fieldset>
      <fieldset className={styles.section}>
        <legend>Embedding and branding</legend>
        <div className="form-grid">
          <Field
            name="allowedOrigins"
            label="Origins allowed to embed the widget"
            hint="one per line, e.g. https://intranet.example.com"
            className="wide"
            errors={errors}
          >
            {(p) => <textarea {...p} rows={3} defaultValue={(initial.allowedOrigins ?? []).join("\n")} />}
          </Field>
          <Field name="logoUrl" label="Logo URL" hint="optional, https://…" errors={errors}>
            {(p) => <input {...p} type="url" defaultValue={initial.logoUrl ?? ""} />}
          </Field>
          <Field name="accentColor" label="Accent colour" hint="optional, e.g. #4f46e5" errors={errors}>
            {(p) => <input {...p} defaultValue={initial.accentColor ?? ""} placeholder="#4f46e5" />}
          </Field>
        </div>
      </fieldset>
      <div className="row">
        <button className="btn primary" type="submit" disabled={isPending}>
          {isPending ? "Saving…" : submitLabel}
        </button>
      </div>
    </form>
  );
}

/** A small form with one button, for the page's secret-link rotation and deletion. */
export function StatusPageButtonForm({
  action,
  id,
  label,
  confirm,
  danger = false,
}: {
  action: (prev: Saved | null, form: FormData) => Promise<Saved>;
  id: string;
  label: string;
  confirm: string;
  danger?: boolean;
}) {
  const { state, onSubmit, isPending } = useFormAction(action);
  return (
    <form
      method="post"
      onSubmit={(e) => {
        if (!window.confirm(confirm)) e.preventDefault();
        else onSubmit(e);
      }}
    >
      <input type="hidden" name="id" value={id} />
      <FormError message={state && !state.ok ? state.error.message : null} />
      <button className={`btn ${danger ? "danger" : ""}`} type="submit" disabled={isPending}>
        {label}
      </button>
    </form>
  );
}
