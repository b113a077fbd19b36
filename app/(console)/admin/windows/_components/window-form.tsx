"use client";

import { useEffect, useRef } from "react";
import { Field, FormError } from "@/components/forms/field";
import { useFormAction } from "@/components/forms/use-form-action";
import { Checklist } from "@/components/releases/region-checklist";
import type { ActionResult } from "@/server/http/action";
import type { WindowView } from "@/server/windows/view";

type Saved = ActionResult<WindowView>;
type Action<T> = (prev: T | null, form: FormData) => Promise<T>;
export type RegionOption = { id: string; name: string };

// A lone checkbox keeps its own size inside the form grid, whose inputs otherwise fill their cell.
const BOX = { width: "auto", flex: "none" } as const;
const EXAMPLE = "DTSTART:20260105T220000\nRRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH";

/** Create (no `window`) or edit one deployment window; the server validates every field again. */
export function WindowForm({
  action,
  regions,
  window,
}: {
  action: Action<Saved>;
  regions: RegionOption[];
  window?: WindowView;
}) {
  const { state, onSubmit, isPending, errors } = useFormAction(action);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok && !window) form.current?.reset();
  }, [state, window]);
  const scope = window?.scope;
  const picked = scope && !scope.all ? scope : undefined;
  return (
    <form method="post" ref={form} onSubmit={onSubmit} className="grid" style={{ gap: 14 }} noValidate>
      <FormError message={state && !state.ok ? state.error.message : null} />
      {state?.ok && (
        <div role="status" className="alert ok">
          Saved “{state.data.name}”: {state.data.next}.
        </div>
      )}
      {window && <input type="hidden" name="id" value={window.id} />}
      <div className="form-grid">
        <Field name="name" label="Name" errors={errors}>
          {(p) => <input {...p} defaultValue={window?.name} required maxLength={120} autoComplete="off" />}
        </Field>
        <Field
          name="kind"
          label="Kind"
          hint="allow: changes only inside; freeze: no changes inside"
          errors={errors}
        >
          {(p) => (
            <select {...p} defaultValue={window?.kind ?? "allow"}>
              <option value="allow">Allow window</option>
              <option value="freeze">Freeze</option>
            </select>
          )}
        </Field>
        <Field
          name="rrule"
          label="Recurrence (RRULE)"
          hint="DTSTART is the local start time in the zone below, without Z; e.g. weeknights at 22:00"
          className="wide"
          errors={errors}
        >
          {(p) => (
            <textarea
              {...p}
              rows={2}
              className="mono"
              defaultValue={window?.rrule ?? EXAMPLE}
              required
              spellCheck={false}
            />
          )}
        </Field>
        <Field
          name="durationMin"
          label="Duration (minutes)"
          hint="1 minute to 7 days (10,080)"
          errors={errors}
        >
          {(p) => (
            <input
              {...p}
              type="number"
              inputMode="numeric"
              min="1"
              max="10080"
              defaultValue={window?.durationMin ?? 240}
              required
            />
          )}
        </Field>
        <Field
          name="timeZone"
          label="Time zone"
          hint="an IANA name such as Europe/Berlin; empty: each satellite's own, from its location"
          errors={errors}
        >
          {(p) => (
            <input
              {...p}
              defaultValue={window?.timeZone ?? ""}
              autoComplete="off"
              placeholder="each satellite's own"
            />
          )}
        </Field>
        <label className="wide" style={{ display: "flex", gap: 8, alignItems: "center" }}>
          <input type="checkbox" name="all" defaultChecked={scope?.all === true} style={BOX} />
          Applies to the whole fleet
        </label>
        <Checklist
          name="regions"
          legend="Or these regions"
          options={regions.map((r) => ({ value: r.id, title: r.name }))}
          selected={picked?.regions ?? []}
          hint="regions and labels must both match; the listed satellites are added"
          error={errors?.regions}
        />
        <Field name="labels" label="Labels" hint="key=value, comma-separated" errors={errors}>
          {(p) => <input {...p} defaultValue={picked?.labels?.join(", ")} autoComplete="off" />}
        </Field>
        <Field name="satelliteIds" label="Satellite ids" hint="comma-separated" errors={errors}>
          {(p) => <input {...p} defaultValue={picked?.satelliteIds?.join(", ")} autoComplete="off" />}
        </Field>
        <label style={{ display: "flex", gap: 8, alignItems: "center" }}>
          <input type="checkbox" name="enabled" defaultChecked={window?.enabled ?? true} style={BOX} />
          Enabled
        </label>
      </div>
      <div>
        <button className="btn primary" type="submit" disabled={isPending}>
          {isPending ? "Saving…" : window ? "Save window" : "Create window"}
        </button>
      </div>
    </form>
  );
}
