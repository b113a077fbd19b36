"use client";

import { startTransition, useActionState, useMemo, useState } from "react";
import type { RegionSaveResult } from "@/server/compliance/save";
import type { ActionResult } from "@/server/http/action";
import { Field, FormError } from "../forms/field";
import { Checklist } from "../releases/region-checklist";
import { ColourField } from "./colour-field";
import { CountryPicker } from "./country-picker";
import { MovePreview } from "./move-preview";
import styles from "./regions.module.css";

type Saved = ActionResult<RegionSaveResult>;
export type RegionSaveAction = (prev: Saved | null, form: FormData) => Promise<Saved>;

export type RegionFormValues = {
  id: string;
  name: string;
  jurisdiction: string;
  frameworks: string[];
  color: string;
  countries: string[];
  residencyRule: "in_region" | "allow_list" | "unrestricted";
  residencyAllowed: string[];
  description: string;
};

export type RegionChoice = {
  id: string;
  name: string;
  color: string;
  countries: string[];
  isRetired: boolean;
};

const RULES = [
  { value: "in_region", label: "In the region only" },
  { value: "allow_list", label: "In the region and the regions allowed below" },
  { value: "unrestricted", label: "Anywhere" },
] as const;

/**
 * Creates or edits a compliance region. A change of countries is saved in two steps: the first answer is a
 * preview of the satellites that would move, and "Apply" confirms exactly that preview. Changing the
 * countries again withdraws it; the server refuses a preview that no longer matches the fleet.
 */
export function RegionForm({
  action,
  initial,
  regions,
  countries,
}: {
  action: RegionSaveAction;
  /** null: a new region. */
  initial: RegionFormValues | null;
  regions: RegionChoice[];
  countries: { code: string; name: string }[];
}) {
  const [state, dispatch, isPending] = useActionState(action, null);
  const [dismissed, setDismissed] = useState<Saved | null>(null);
  const [id, setId] = useState(initial?.id ?? "");
  const [color, setColor] = useState(initial?.color ?? "#5b7a99");
  const [chosen, setChosen] = useState(initial?.countries ?? []);
  const [rule, setRule] = useState<RegionFormValues["residencyRule"]>(initial?.residencyRule ?? "in_region");
  const isNew = initial === null;
  const shown = state === dismissed ? null : state;
  const preview = shown?.ok && shown.data.status === "preview" ? shown.data.preview : null;
  const errors = shown && !shown.ok ? shown.error.fields : undefined;
  const heldBy = useMemo(() => {
    const out = new Map<string, { id: string; name: string }>();
    for (const r of regions) {
      if (r.isRetired || r.id === initial?.id) continue;
      for (const c of r.countries) out.set(c, { id: r.id, name: r.name });
    }
    return out;
  }, [regions, initial?.id]);
  const colorOf = useMemo(
    () => new Map([...regions.map((r) => [r.id, r.color] as const), [id, color] as const]),
    [regions, id, color],
  );
  const countriesChanged = (initial?.countries ?? []).join() !== chosen.join();
  const withdraw = () => {
    if (state && state !== dismissed) setDismissed(state);
  };
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(() => dispatch(form));
  };
  const submitLabel = preview
    ? `Apply: move ${preview.moves.length} satellite${preview.moves.length === 1 ? "" : "s"}`
    : countriesChanged
      ? "Preview the change"
      : isNew
        ? "Create region"
        : "Save changes";
  return (
    <form method="post" onSubmit={onSubmit} className="grid" noValidate>
      <FormError message={shown && !shown.ok ? shown.error.message : null} />
      {preview && <input type="hidden" name="previewed" value={preview.fingerprint} />}
      <div className="form-grid">
        <Field
          name="id"
          label="Id"
          hint={isNew ? "lower-case, such as eu-gdpr; it never changes" : "never changes"}
          errors={errors}
        >
          {(p) =>
            isNew ? (
              <input {...p} value={id} onChange={(e) => setId(e.target.value)} autoComplete="off" required />
            ) : (
              <input {...p} value={id} readOnly className="mono" />
            )
          }
        </Field>
        <Field name="name" label="Name" errors={errors}>
          {(p) => <input {...p} defaultValue={initial?.name ?? ""} required />}
        </Field>
        <Field name="jurisdiction" label="Jurisdiction" hint="the law the region answers to" errors={errors}>
          {(p) => <input {...p} defaultValue={initial?.jurisdiction ?? ""} required />}
        </Field>
        <Field
          name="frameworks"
          label="Frameworks"
          hint="comma-separated, such as GDPR, ISO 27001"
          errors={errors}
        >
          {(p) => <input {...p} defaultValue={(initial?.frameworks ?? []).join(", ")} />}
        </Field>
        <ColourField id="field-color" value={color} onChange={setColor} name={id} error={errors?.color} />
      </div>
      <CountryPicker
        name="countries"
        label="Countries"
        options={countries.map((c) => ({ ...c, heldBy: heldBy.get(c.code) ?? null }))}
        selected={chosen}
        onChange={(codes) => {
          setChosen(codes);
          withdraw();
        }}
        hint="Satellites in these countries fall into this region unless an admin pins them elsewhere. A country belongs to one region only."
        error={errors?.countries}
      />
      <fieldset className={styles.section}>
        <legend>Where its data may go</legend>
        <Field name="residencyRule" label="Residency rule" errors={errors}>
          {(p) => (
            <select {...p} value={rule} onChange={(e) => setRule(e.target.value as typeof rule)}>
              {RULES.map((r) => (
                <option key={r.value} value={r.value}>
                  {r.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        {rule === "allow_list" && (
          <Checklist
            name="residencyAllowed"
            legend="Allowed regions"
            options={regions
              .filter(
                (r) => r.id !== initial?.id && (!r.isRetired || initial?.residencyAllowed.includes(r.id)),
              )
              .map((r) => ({ value: r.id, title: r.name, color: r.color }))}
            selected={initial?.residencyAllowed}
            hint="data from this region may also go to these"
            error={errors?.residencyAllowed}
          />
        )}
      </fieldset>
      <Field name="description" label="Description" errors={errors}>
        {(p) => (
          <textarea {...p} className={styles.prose} rows={2} defaultValue={initial?.description ?? ""} />
        )}
      </Field>
      {preview && <MovePreview preview={preview} colorOf={colorOf} />}
      <div className="row">
        <button className="btn primary" type="submit" disabled={isPending}>
          {isPending ? "Working…" : submitLabel}
        </button>
        {preview && (
          <button type="button" className="btn ghost" onClick={withdraw}>
            Back to editing
          </button>
        )}
      </div>
    </form>
  );
}
