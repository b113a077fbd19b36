"use client";

import { startTransition, useActionState, useCallback, useEffect, useRef, useState } from "react";
import type { FieldErrors } from "@/server/errors";
import type { ActionResult } from "@/server/http/action";
import type { CreatedRollout, RolloutPreview } from "@/server/rollouts/create";
import type { ReleaseView } from "@/server/releases/view";
import { Field, FormError } from "../forms/field";
import { RolloutPreviewPanel } from "./rollout-preview-panel";
import styles from "./rollouts.module.css";
import { RolloutPlanFields } from "./rollout-plan-fields";
import { RolloutSelectionFields } from "./rollout-selection-fields";
import { DEFAULT_WAVES } from "./wave-plan-editor";

type Created = ActionResult<CreatedRollout>;
type Props = {
  releases: ReleaseView[];
  regions: { id: string; name: string; color?: string }[];
  styleUrl: string | null;
  previewAction: (form: FormData) => Promise<ActionResult<RolloutPreview>>;
  createAction: (prev: Created | null, form: FormData) => Promise<Created>;
  /** Admins may send a rollout past deployment windows or enforced policies, each with a reason. */
  mayOverride?: boolean;
};

const PREVIEW_DELAY_MS = 350;
const NOTHING_SELECTED = "Choose satellites by region, kind or label, or name them by hand, to see the plan.";

function hasSelection(form: FormData): boolean {
  const text = (key: string) => String(form.get(key) ?? "").trim() !== "";
  return (
    form.getAll("regionIds").length + form.getAll("kinds").length > 0 || text("labels") || text("satellites")
  );
}

/** The button that submitted the form, so "Save as draft" posts its own value. */
function submitterOf(event: React.FormEvent<HTMLFormElement>): HTMLElement | null {
  return event.nativeEvent instanceof SubmitEvent ? event.nativeEvent.submitter : null;
}

export function RolloutForm({
  releases,
  regions,
  styleUrl,
  previewAction,
  createAction,
  mayOverride = false,
}: Props) {
  const form = useRef<HTMLFormElement>(null);
  const [state, dispatch, isPending] = useActionState(createAction, null);
  const [isSubmitShown, setSubmitShown] = useState(false);
  const [preview, setPreview] = useState<RolloutPreview | null>(null);
  // The percentages the shown preview was planned with, so its note on skipped waves never runs ahead of it.
  const [previewWaves, setPreviewWaves] = useState<string[]>([]);
  const [previewError, setPreviewError] = useState<{ message: string; fields?: FieldErrors } | null>(null);
  const [isLoading, setLoading] = useState(false);
  const [waves, setWaves] = useState(DEFAULT_WAVES);
  const [isRegionByRegion, setRegionByRegion] = useState(false);
  const [releaseId, setReleaseId] = useState(releases[0]?.id ?? "");
  const asked = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  // Debounced, and only the latest answer counts: typing fast never shows an older plan last.
  const refresh = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(async () => {
      if (!form.current) return;
      const data = new FormData(form.current);
      const ask = ++asked.current;
      if (!hasSelection(data)) {
        setPreview(null);
        setPreviewError({ message: NOTHING_SELECTED });
        setLoading(false);
        return;
      }
      setLoading(true);
      const result = await previewAction(data).catch(() => null);
      if (ask !== asked.current) return;
      setLoading(false);
      if (!result) {
        setPreviewError({ message: "The preview could not be loaded; check your connection." });
      } else if (result.ok) {
        setPreview(result.data);
        // Disabled inputs are not in the form data: region by region posts no percentages.
        setPreviewWaves(data.getAll("waves").map(String));
        setPreviewError(null);
      } else {
        setPreview(null);
        setPreviewError({ message: result.error.message, fields: result.error.fields });
      }
    }, PREVIEW_DELAY_MS);
  }, [previewAction]);

  useEffect(() => {
    refresh();
  }, [refresh, waves, isRegionByRegion]);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  const submitErrors = isSubmitShown && state && !state.ok ? state.error.fields : undefined;
  const errors: FieldErrors = { ...previewError?.fields, ...submitErrors };
  const release = releases.find((r) => r.id === releaseId);
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget, submitterOf(event));
    setSubmitShown(true);
    startTransition(() => dispatch(data));
  };
  const onChange = () => {
    setSubmitShown(false);
    refresh();
  };

  return (
    <form
      method="post"
      ref={form}
      onSubmit={onSubmit}
      onChange={onChange}
      noValidate
      className={styles.layout}
    >
      <div className="grid">
        <FormError message={isSubmitShown && state && !state.ok ? state.error.message : null} />
        <section className="card">
          <div className="card-head">
            <h2>Release and satellites</h2>
          </div>
          <div className="card-body grid">
            <div className="form-grid">
              <Field
                name="releaseId"
                label="Release"
                errors={errors}
                hint={release ? `certified for ${release.regionIds.join(", ") || "no region"}` : undefined}
              >
                {(p) => (
                  <select {...p} value={releaseId} onChange={(e) => setReleaseId(e.target.value)}>
                    {releases.map((r) => (
                      <option key={r.id} value={r.id}>
                        {r.version} — agent {r.minAgentVersion}+
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field
                name="name"
                label="Name (optional)"
                hint="default: the release and the selection"
                errors={errors}
              >
                {(p) => <input {...p} maxLength={120} />}
              </Field>
            </div>
            <RolloutSelectionFields regions={regions} release={release} errors={errors} />
          </div>
        </section>

        <RolloutPlanFields
          waves={waves}
          onWavesChange={setWaves}
          isRegionByRegion={isRegionByRegion}
          onRegionByRegionChange={setRegionByRegion}
          errors={errors}
        />

        {mayOverride && (
          <details className="card">
            <summary className="card-head">
              <h2>Exceptions (admins, audited)</h2>
            </summary>
            <div className="card-body form-grid">
              <Field
                name="windowBypass"
                label="Why it may go past deployment windows"
                hint="leave empty to wait for each satellite's window"
                errors={errors}
              >
                {(p) => <input {...p} maxLength={500} />}
              </Field>
              <Field
                name="policyOverride"
                label="Why it may override enforced policies"
                hint="leave empty to be refused where an enforced policy is violated"
                errors={errors}
              >
                {(p) => <input {...p} maxLength={500} />}
              </Field>
            </div>
          </details>
        )}

        <div className="row">
          <button className="btn primary" type="submit" disabled={isPending}>
            {isPending ? "Starting…" : "Start rollout"}
          </button>
          <button className="btn" type="submit" name="isDraft" value="on" disabled={isPending}>
            Save as draft
          </button>
        </div>
      </div>
      <div className={styles.sticky}>
        <RolloutPreviewPanel
          preview={preview}
          askedWaves={previewWaves}
          isLoading={isLoading}
          problem={previewError?.message ?? null}
          styleUrl={styleUrl}
        />
      </div>
    </form>
  );
}
