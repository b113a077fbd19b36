"use client";

import type { ReleaseOption } from "@/app/(console)/commands/actions";
import type { FieldErrors } from "@/server/errors";
import { Field } from "../forms/field";
import type { PayloadField } from "./command-spec";

function releaseLabel(release: ReleaseOption, regionIds: string[] | undefined): string {
  const missing = (regionIds ?? []).filter((r) => !release.regionIds.includes(r));
  return missing.length ? `${release.version} — not certified for ${missing.join(", ")}` : release.version;
}

/**
 * The inputs of one command type's payload, named `payload.<key>` so errors land beside them. A service is
 * chosen from `services`, the ones the targeted satellites report; until they are known (or when they report
 * none) it is typed in.
 */
export function PayloadFields({
  fields,
  releases,
  regionIds,
  services,
  errors,
}: {
  fields: PayloadField[];
  releases: ReleaseOption[] | null;
  regionIds?: string[];
  services?: string[] | null;
  errors?: FieldErrors;
}) {
  return (
    <>
      {fields.map((f) => (
        <Field
          key={f.name}
          name={`payload.${f.name}`}
          label={f.label}
          hint={f.input === "release" && !releases ? "a published version, e.g. 2026.12.0" : f.hint}
          errors={errors}
        >
          {(p) => {
            if (f.input === "release" && releases) {
              return (
                <select
                  {...p}
                  required={f.isRequired}
                  defaultValue={f.isRequired ? releases[0]?.version : ""}
                >
                  {!f.isRequired && <option value="">The previous release</option>}
                  {releases.map((r) => (
                    <option key={r.version} value={r.version}>
                      {releaseLabel(r, regionIds)}
                    </option>
                  ))}
                </select>
              );
            }
            if (f.input === "service" && services && services.length > 0) {
              return (
                <select {...p} required={f.isRequired} defaultValue="">
                  <option value="" disabled>
                    Choose a service
                  </option>
                  {services.map((name) => (
                    <option key={name} value={name}>
                      {name}
                    </option>
                  ))}
                </select>
              );
            }
            if (f.input === "number") {
              return (
                <input
                  {...p}
                  type="number"
                  inputMode="numeric"
                  min={1}
                  step={1}
                  placeholder={f.placeholder}
                />
              );
            }
            if (f.input === "datetime") return <input {...p} type="datetime-local" />;
            return (
              <input
                {...p}
                required={f.isRequired}
                placeholder={f.placeholder}
                autoComplete="off"
                spellCheck={false}
              />
            );
          }}
        </Field>
      ))}
    </>
  );
}
