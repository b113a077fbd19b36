"use client";

import Link from "next/link";
import { useState } from "react";
import { Field, FormError } from "@/components/forms/field";
import { useFormAction } from "@/components/forms/use-form-action";
import type { ChannelSaved, ChannelView } from "@/server/alerts/channels";
import type { ActionResult } from "@/server/http/action";
import styles from "./alerts.module.css";

export type ChannelKindOption = {
  value: string;
  label: string;
  /** The secret's name on the form ("Signing secret", "Routing key"), or null when the kind has none. */
  secretLabel: string | null;
  urlHint: string;
  defaultUrl?: string;
};

type SaveAction = (
  prev: ActionResult<ChannelSaved> | null,
  form: FormData,
) => Promise<ActionResult<ChannelSaved>>;

/** Create or edit a channel. Secrets are write-only: an edit shows whether one is set, never the value. */
export function ChannelForm({
  kinds,
  action,
  channel,
  isEmailAvailable,
}: {
  kinds: ChannelKindOption[];
  action: SaveAction;
  channel?: ChannelView;
  isEmailAvailable: boolean;
}) {
  const { state, onSubmit, isPending, errors } = useFormAction(action);
  const [kind, setKind] = useState(channel?.kind ?? "webhook");
  const option = kinds.find((k) => k.value === kind) ?? kinds[0];
  const isEdit = !!channel;
  if (state?.ok && !isEdit) {
    return (
      <div role="status" className="alert ok">
        <strong>Channel created.</strong>
        {state.data.generatedSecret && (
          <p>
            Its signing secret, shown this once — give it to the receiver to verify signatures:
            <br />
            <code className={styles.secretNote} data-testid="channel-secret">
              {state.data.generatedSecret}
            </code>
          </p>
        )}
        <p style={{ marginBottom: 0 }}>
          <Link href="/alerts/channels">Back to channels</Link> to send it a test.
        </p>
      </div>
    );
  }
  return (
    <form method="post" onSubmit={onSubmit} className="grid" style={{ gap: 14 }} noValidate>
      <FormError message={state && !state.ok ? state.error.message : null} />
      {state?.ok && (
        <div role="status" className="alert ok">
          Saved.
          {state.data.generatedSecret && (
            <>
              {" "}
              New signing secret, shown once:{" "}
              <code className={styles.secretNote}>{state.data.generatedSecret}</code>
            </>
          )}
        </div>
      )}
      {channel && <input type="hidden" name="id" value={channel.id} />}
      <div className="form-grid">
        <Field name="name" label="Name" errors={errors}>
          {(p) => <input {...p} defaultValue={channel?.name} autoComplete="off" />}
        </Field>
        <Field
          name="kind"
          label="Kind"
          errors={errors}
          hint={isEdit ? "a channel keeps its kind" : undefined}
        >
          {(p) => (
            <select
              {...p}
              value={kind}
              onChange={(e) => setKind(e.target.value as typeof kind)}
              disabled={isEdit}
            >
              {kinds.map((k) => (
                <option key={k.value} value={k.value} disabled={k.value === "email" && !isEmailAvailable}>
                  {k.label}
                  {k.value === "email" && !isEmailAvailable ? " (set SMTP_URL first)" : ""}
                </option>
              ))}
            </select>
          )}
        </Field>
        {isEdit && <input type="hidden" name="kind" value={kind} />}
        <Field name="enabled" label="State" errors={errors}>
          {(p) => (
            <select {...p} defaultValue={channel?.enabled === false ? "off" : "on"}>
              <option value="on">On</option>
              <option value="off">Off: sends nothing</option>
            </select>
          )}
        </Field>
        {kind === "email" ? (
          <Field
            name="to"
            label="Send to"
            className="wide"
            hint="email addresses, separated by commas or new lines"
            errors={errors}
          >
            {(p) => <textarea {...p} rows={2} defaultValue={channel?.to.join(", ")} />}
          </Field>
        ) : (
          <Field
            name="url"
            label="URL"
            className="wide"
            hint={isEdit ? `now ${channel?.target || "set"}; leave empty to keep it` : option.urlHint}
            errors={errors}
          >
            {(p) => (
              <input
                {...p}
                key={kind}
                type="url"
                inputMode="url"
                autoComplete="off"
                defaultValue={isEdit ? "" : option.defaultUrl}
              />
            )}
          </Field>
        )}
        {option.secretLabel && (
          <Field
            name="secret"
            label={option.secretLabel}
            className="wide"
            hint={
              channel?.hasSecret
                ? "set — type a new one to replace it, or leave empty to keep it"
                : kind === "webhook"
                  ? "leave empty and Orrery makes one, shown once"
                  : "from the PagerDuty service's Events API v2 integration"
            }
            errors={errors}
          >
            {(p) => <input {...p} type="password" autoComplete="new-password" />}
          </Field>
        )}
      </div>
      <div className="row">
        <button className="btn primary" type="submit" disabled={isPending}>
          {isPending ? "Saving…" : isEdit ? "Save channel" : "Create channel"}
        </button>
        <Link href="/alerts/channels" className="btn ghost">
          Cancel
        </Link>
      </div>
    </form>
  );
}
