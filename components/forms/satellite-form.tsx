"use client";

import { SATELLITE_KINDS } from "@/lib/fleet";
import type { ActionResult } from "@/server/http/action";
import { Field, FormError } from "./field";
import { useFormAction } from "./use-form-action";

export type SatelliteFormValues = {
  id?: string;
  slug?: string;
  name?: string;
  kind?: string;
  provider?: string;
  city?: string;
  country?: string;
  lat?: number;
  lon?: number;
  regionId?: string;
  labels?: string;
  cpuCores?: number;
  memoryGb?: number;
  storageTb?: number;
  uplinkMbps?: number;
  downlinkMbps?: number;
  heartbeatIntervalSec?: number;
  stackVersion?: string | null;
  agentVersion?: string | null;
};

type Saved = ActionResult<{ id: string; slug: string }>;

export function SatelliteForm({
  action,
  initial,
  regions,
  countries,
  submitLabel,
}: {
  action: (prev: Saved | null, form: FormData) => Promise<Saved>;
  initial: SatelliteFormValues;
  regions: { id: string; name: string }[];
  countries: { code: string; name: string }[];
  submitLabel: string;
}) {
  const { state, onSubmit, isPending, errors } = useFormAction(action);
  const isNew = !initial.id;

  const value = (key: keyof SatelliteFormValues) => {
    const v = initial[key];
    return v === null || v === undefined ? "" : String(v);
  };

  return (
    <form method="post" onSubmit={onSubmit} className="grid" style={{ gap: 20 }} noValidate>
      <FormError message={state && !state.ok ? state.error.message : null} />
      {initial.id && <input type="hidden" name="id" value={initial.id} />}
      <fieldset>
        <legend>Identity</legend>
        <div className="form-grid">
          {isNew && (
            <Field
              name="slug"
              label="Slug"
              hint="lower-case, e.g. fra-edge-01; cannot change later"
              errors={errors}
            >
              {(p) => <input {...p} defaultValue={value("slug")} required autoComplete="off" />}
            </Field>
          )}
          <Field name="name" label="Name" errors={errors}>
            {(p) => <input {...p} defaultValue={value("name")} required />}
          </Field>
          <Field name="kind" label="Kind" errors={errors}>
            {(p) => (
              <select {...p} defaultValue={value("kind") || "edge"}>
                {SATELLITE_KINDS.map((k) => (
                  <option key={k}>{k}</option>
                ))}
              </select>
            )}
          </Field>
          <Field name="provider" label="Provider" hint="own, equinix, aws, …" errors={errors}>
            {(p) => <input {...p} defaultValue={value("provider") || "own"} required />}
          </Field>
        </div>
      </fieldset>
      <fieldset>
        <legend>Location and compliance</legend>
        <div className="form-grid">
          <Field name="city" label="City" errors={errors}>
            {(p) => <input {...p} defaultValue={value("city")} required />}
          </Field>
          <Field name="country" label="Country" errors={errors}>
            {(p) => (
              <select {...p} defaultValue={value("country")}>
                <option value="">Choose a country…</option>
                {countries.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name} ({c.code})
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field name="lat" label="Latitude" hint="−90 to 90" errors={errors}>
            {(p) => <input {...p} defaultValue={value("lat")} inputMode="decimal" required />}
          </Field>
          <Field name="lon" label="Longitude" hint="−180 to 180" errors={errors}>
            {(p) => <input {...p} defaultValue={value("lon")} inputMode="decimal" required />}
          </Field>
          <Field
            name="regionId"
            label="Compliance region"
            hint="by default, the region of the country"
            errors={errors}
          >
            {(p) => (
              <select {...p} defaultValue={value("regionId")}>
                <option value="">From the country</option>
                {regions.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.id} — {r.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      </fieldset>
      <fieldset>
        <legend>Capacity and link</legend>
        <div className="form-grid">
          <Field name="cpuCores" label="Cores" errors={errors}>
            {(p) => <input {...p} defaultValue={value("cpuCores")} inputMode="numeric" required />}
          </Field>
          <Field name="memoryGb" label="Memory (GB)" errors={errors}>
            {(p) => <input {...p} defaultValue={value("memoryGb")} inputMode="numeric" required />}
          </Field>
          <Field name="storageTb" label="Storage (TB)" errors={errors}>
            {(p) => <input {...p} defaultValue={value("storageTb")} inputMode="decimal" required />}
          </Field>
          <Field name="uplinkMbps" label="Uplink (Mbps)" errors={errors}>
            {(p) => <input {...p} defaultValue={value("uplinkMbps")} inputMode="numeric" required />}
          </Field>
          <Field name="downlinkMbps" label="Downlink (Mbps)" errors={errors}>
            {(p) => <input {...p} defaultValue={value("downlinkMbps")} inputMode="numeric" required />}
          </Field>
          <Field
            name="heartbeatIntervalSec"
            label="Heartbeat interval (s)"
            hint="5 to 300; default 10"
            errors={errors}
          >
            {(p) => <input {...p} defaultValue={value("heartbeatIntervalSec")} inputMode="numeric" />}
          </Field>
        </div>
      </fieldset>
      <fieldset>
        <legend>Software and labels</legend>
        <div className="form-grid">
          <Field name="stackVersion" label="Stack version" hint="until the agent reports it" errors={errors}>
            {(p) => <input {...p} defaultValue={value("stackVersion")} />}
          </Field>
          <Field name="agentVersion" label="Agent version" errors={errors}>
            {(p) => <input {...p} defaultValue={value("agentVersion")} />}
          </Field>
          <Field name="labels" label="Labels" hint="one key=value per line" errors={errors} className="wide">
            {(p) => <textarea {...p} defaultValue={value("labels")} placeholder={"tier=gold\nenv=prod"} />}
          </Field>
        </div>
      </fieldset>
      <div className="row">
        <button type="submit" className="btn primary" disabled={isPending}>
          {isPending ? "Saving…" : submitLabel}
        </button>
      </div>
    </form>
  );
}
