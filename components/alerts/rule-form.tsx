"use client";

import Link from "next/link";
import { useState } from "react";
import { Field, FormError } from "@/components/forms/field";
import { useFormAction } from "@/components/forms/use-form-action";
import { Checklist } from "@/components/releases/region-checklist";
import type { RuleView } from "@/server/alerts/rules";
import type { ActionResult } from "@/server/http/action";

export type RuleKindOption = { value: string; label: string; description: string; unavailable?: string };
type SaveAction = (
  prev: ActionResult<{ id: string }> | null,
  form: FormData,
) => Promise<ActionResult<{ id: string }>>;

/** Create or edit an alert rule: what it watches, where, whom it tells and how often. */
export function RuleForm({
  kinds,
  regions,
  channels,
  action,
  rule,
}: {
  kinds: RuleKindOption[];
  regions: { id: string; name: string; color: string }[];
  channels: { id: string; name: string; kindLabel: string }[];
  action: SaveAction;
  rule?: RuleView;
}) {
  const { state, onSubmit, isPending, errors } = useFormAction(action);
  const [kind, setKind] = useState(rule?.kind ?? "satellite_offline");
  const chosen = kinds.find((k) => k.value === kind);
  const param = (key: string, fallback: string) => String(rule?.params[key] ?? fallback);
  return (
    <form method="post" onSubmit={onSubmit} className="grid" style={{ gap: 14 }} noValidate>
      <FormError message={state && !state.ok ? state.error.message : null} />
      {rule && <input type="hidden" name="id" value={rule.id} />}
      <div className="form-grid">
        <Field name="name" label="Name" errors={errors}>
          {(p) => <input {...p} defaultValue={rule?.name} autoComplete="off" />}
        </Field>
        <Field name="kind" label="Watches" hint={chosen?.description} errors={errors}>
          {(p) => (
            <select {...p} value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
              {kinds.map((k) => (
                <option key={k.value} value={k.value} disabled={!!k.unavailable}>
                  {k.label}
                  {k.unavailable ? ` — ${k.unavailable}` : ""}
                </option>
              ))}
            </select>
          )}
        </Field>
        {kind === "satellite_offline" && (
          <Field name="minutes" label="Offline for more than (minutes)" errors={errors}>
            {(p) => <input {...p} inputMode="numeric" defaultValue={param("minutes", "5")} />}
          </Field>
        )}
        {kind === "region_impacted" && (
          <Field name="percent" label="Share offline or critical (%)" errors={errors}>
            {(p) => <input {...p} inputMode="numeric" defaultValue={param("percent", "25")} />}
          </Field>
        )}
        {kind === "agent_outdated" && (
          <Field name="version" label="Oldest agent that is fine" hint="e.g. 1.4.0" errors={errors}>
            {(p) => <input {...p} defaultValue={param("version", "")} autoComplete="off" />}
          </Field>
        )}
        <Field
          name="repeatMinutes"
          label="Repeat every (minutes)"
          hint="while it fires; failed commands are told once"
          errors={errors}
        >
          {(p) => <input {...p} inputMode="numeric" defaultValue={String(rule?.repeatMinutes ?? 60)} />}
        </Field>
        <Field name="enabled" label="State" errors={errors}>
          {(p) => (
            <select {...p} defaultValue={rule?.enabled === false ? "off" : "on"}>
              <option value="on">On</option>
              <option value="off">Off: resolves what it has firing</option>
            </select>
          )}
        </Field>
        <Checklist
          name="regionIds"
          legend="Regions"
          options={regions.map((r) => ({ value: r.id, title: r.name, color: r.color }))}
          selected={rule?.regionIds ?? []}
          hint="none ticked: every region"
          error={errors?.regionIds}
        />
        <Field
          name="labels"
          label="Labels"
          className="wide"
          hint="key=value, one per line or comma-separated; a satellite must carry all of them. Empty: any"
          errors={errors}
        >
          {(p) => <textarea {...p} rows={2} defaultValue={rule?.labels.join("\n")} />}
        </Field>
        {channels.length > 0 ? (
          <Checklist
            name="channelIds"
            legend="Tell these channels"
            options={channels.map((c) => ({ value: c.name, note: c.kindLabel }))}
            selected={rule?.channels.map((c) => c.name) ?? []}
            hint="none ticked: the alert shows in the console only"
            error={errors?.channelIds}
          />
        ) : (
          <p className="wide muted">
            No channels yet: alerts of this rule will show in the console only.{" "}
            <Link href="/alerts/channels/new">Add a channel</Link> to be told elsewhere.
          </p>
        )}
      </div>
      <div className="row">
        <button className="btn primary" type="submit" disabled={isPending}>
          {isPending ? "Saving…" : rule ? "Save rule" : "Create rule"}
        </button>
        <Link href="/alerts/rules" className="btn ghost">
          Cancel
        </Link>
      </div>
    </form>
  );
}
