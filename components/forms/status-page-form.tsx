"use client";

import { useState } from "react";
import type { ActionResult } from "@/server/http/action";
import { DEFAULT_DEBOUNCE_SEC, DEFAULT_STATUS_THRESHOLDS, MAX_DEBOUNCE_SEC } from "@/lib/status/status-model";
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

type ThresholdField = {
  name: "degradedPct" | "partialPct" | "majorPct" | "debounceSec";
  label: string;
  hint: string;
  fallback: number;
  max: number;
  isWhole?: boolean;
};
/** The page's thresholds and debounce (docs/status-model.md), one number field each. */
const THRESHOLD_FIELDS: ThresholdField[] = [
  {
    name: "degradedPct",
    label: "Degraded performance from",
    hint: "% of satellites impacted",
    fallback: DEFAULT_STATUS_THRESHOLDS.degradedPct,
    max: 100,
  },
  {
    name: "partialPct",
    label: "Partial outage from",
    hint: "%, above the degraded threshold",
    fallback: DEFAULT_STATUS_THRESHOLDS.partialPct,
    max: 100,
  },
  {
    name: "majorPct",
    label: "Major outage from",
    hint: "%, above the partial threshold, at most 100",
    fallback: DEFAULT_STATUS_THRESHOLDS.majorPct,
    max: 100,
  },
  {
    name: "debounceSec",
    label: "Hold a new status for",
    hint: `seconds, 0 to ${MAX_DEBOUNCE_SEC}; going worse or better`,
    fallback: DEFAULT_DEBOUNCE_SEC,
    max: MAX_DEBOUNCE_SEC,
    isWhole: true,
  },
];

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
          {THRESHOLD_FIELDS.map((f) => (
            <Field key={f.name} name={f.name} label={f.label} hint={f.hint} errors={errors}>
              {(p) => (
                <input
                  {...p}
                  type="number"
                  min={0}
                  max={f.max}
                  step={f.isWhole ? 1 : "any"}
                  inputMode={f.isWhole ? "numeric" : "decimal"}
                  defaultValue={initial[f.name] ?? f.fallback}
                />
              )}
            </Field>
          ))}
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
