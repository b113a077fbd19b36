"use client";

import type { FieldErrors } from "@/server/errors";
import { Field } from "../forms/field";
import { WavePlanEditor } from "./wave-plan-editor";

/** How a rollout moves: canary, waves, concurrency, bake, the failure gate and approvals. */
export function RolloutPlanFields({
  waves,
  onWavesChange,
  isRegionByRegion,
  onRegionByRegionChange,
  errors,
}: {
  waves: string[];
  onWavesChange: (waves: string[]) => void;
  isRegionByRegion: boolean;
  onRegionByRegionChange: (isRegionByRegion: boolean) => void;
  errors: FieldErrors;
}) {
  return (
    <section className="card">
      <div className="card-head">
        <h2>Waves and safety</h2>
      </div>
      <div className="card-body grid">
        <div className="form-grid">
          <Field
            name="canarySize"
            label="Canary satellites"
            hint="the first wave; any failure there pauses"
            errors={errors}
          >
            {(p) => <input {...p} inputMode="numeric" defaultValue="1" />}
          </Field>
        </div>
        <WavePlanEditor
          waves={waves}
          onChange={onWavesChange}
          isRegionByRegion={isRegionByRegion}
          onRegionByRegionChange={onRegionByRegionChange}
          errors={errors}
        />
        <div className="form-grid">
          <Field
            name="maxConcurrency"
            label="Max concurrency"
            hint="upgrades in flight at once"
            errors={errors}
          >
            {(p) => <input {...p} inputMode="numeric" defaultValue="5" />}
          </Field>
          <Field
            name="bakeMinutes"
            label="Bake (minutes)"
            hint="health watched after each wave"
            errors={errors}
          >
            {(p) => <input {...p} inputMode="numeric" defaultValue="15" />}
          </Field>
          <Field
            name="failureThresholdPct"
            label="Failure gate (%)"
            hint="a wave pauses above this share of failures"
            errors={errors}
          >
            {(p) => <input {...p} inputMode="decimal" defaultValue="10" />}
          </Field>
        </div>
        <div>
          <label className="check">
            <input type="checkbox" name="requireApproval" />
            Require an admin&apos;s approval before each wave after the canary
          </label>
        </div>
      </div>
    </section>
  );
}
