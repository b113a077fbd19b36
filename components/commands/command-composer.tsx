"use client";

import Link from "next/link";
import { useId, useRef, useState, useTransition } from "react";
import {
  issueCommandAction,
  previewCommandAction,
  type ReleaseOption,
} from "@/app/(console)/commands/actions";
import type { CommandTargetPreview, IssuedCommands } from "@/server/commands/issue";
import type { CommandType } from "@/server/commands/types";
import { WINDOW_BYPASS_TYPES } from "@/lib/command-windows";
import type { ActionResult } from "@/server/http/action";
import { formatCount } from "@/lib/format";
import { Field, FormError } from "../forms/field";
import {
  COMMAND_FORM_TYPES,
  COMMAND_FORMS,
  describePayload,
  EXPIRY_CHOICES,
  isFormCommandType,
  payloadFromForm,
  REASON_FIELD,
} from "./command-spec";
import { PayloadFields } from "./payload-fields";
import { TargetNotice, useTargetFacts } from "./target-notice";
import styles from "./commands.module.css";

/** Whom a composer commands: these satellites, or whatever the fleet filters (a URL query) select. */
export type CommandTarget = { satelliteIds: string[] } | { filter: string };

type Failure = Extract<ActionResult<unknown>, { ok: false }>["error"];
type Review = { form: FormData; preview: CommandTargetPreview; key: string };

/** A dropped connection rejects the action call; it is shown like any other refusal. */
async function call<T>(action: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  try {
    return await action();
  } catch {
    return {
      ok: false,
      error: {
        code: "INTERNAL",
        message: "The request did not reach Orrery. Check the connection and try again.",
      },
    };
  }
}

/** crypto.randomUUID exists only on secure origins; a console reached over plain HTTP still needs keys. */
function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `console-${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}

function withTarget(form: FormData, target: CommandTarget): FormData {
  if ("filter" in target) form.set("filter", target.filter);
  else for (const id of target.satelliteIds) form.append("satelliteId", id);
  return form;
}

/**
 * Issues a command in two steps: the form, then a confirmation that says how many satellites in which
 * regions it will reach, as the server resolved them. Confirming sends exactly that count under one
 * idempotency key, so a double click or a retry queues nothing twice. Before the form, it says which of
 * the satellites lie outside the caller's regions and offers to narrow to the rest.
 */
export function CommandComposer({
  target,
  releases,
  regionIds,
}: {
  target: CommandTarget;
  /** null while loading: the release field is then typed in. */
  releases: ReleaseOption[] | null;
  /** The target's regions when known, to mark releases not certified there. */
  regionIds?: string[];
}) {
  const titleId = useId();
  const typeSelect = useRef<HTMLSelectElement>(null);
  const [type, setType] = useState<CommandType>(COMMAND_FORM_TYPES[0]);
  const [review, setReview] = useState<Review | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [sent, setSent] = useState<IssuedCommands | null>(null);
  const [isPending, startTransition] = useTransition();
  const [current, setCurrent] = useState<CommandTarget>(target);
  const [narrowedTo, setNarrowedTo] = useState<string | null>(null);
  const answer = useTargetFacts(current);
  const facts = answer?.facts;
  const isRefused = !!facts && facts.regions.length > 0 && facts.regions.every((r) => !r.isAllowed);
  const spec = COMMAND_FORMS[type];

  function narrow(to: CommandTarget) {
    setNarrowedTo(facts?.narrowed?.label ?? null);
    setCurrent(to);
    setFailure(null);
  }

  function onReview(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = withTarget(new FormData(event.currentTarget), current);
    setSent(null);
    startTransition(async () => {
      const result = await call(() => previewCommandAction(form));
      if (!result.ok) {
        setFailure(result.error);
        return;
      }
      setFailure(null);
      setReview({ form, preview: result.data, key: newIdempotencyKey() });
    });
  }

  function back() {
    setReview(null);
    // After the confirmation goes away, keyboard users land on the form again.
    requestAnimationFrame(() => typeSelect.current?.focus());
  }

  function onConfirm() {
    if (!review) return;
    const form = new FormData();
    for (const [k, v] of review.form.entries()) form.append(k, v);
    form.set("idempotencyKey", review.key);
    form.set("expectedCount", String(review.preview.total));
    startTransition(async () => {
      const result = await call(() => issueCommandAction(form));
      if (!result.ok) {
        setFailure(result.error);
        // Field errors belong next to their fields.
        if (result.error.fields) setReview(null);
        return;
      }
      setFailure(null);
      setReview(null);
      // The action revalidates, so the page's list of commands arrives with the answer.
      setSent(result.data);
    });
  }

  const errors = failure?.fields;
  const payloadText = review ? describePayload(payloadFromForm(review.preview.type, review.form)) : "";
  const reasonText = review ? String(review.form.get("reason") ?? "").trim() : "";
  return (
    <div className={styles.composer}>
      <form method="post" onSubmit={onReview} hidden={!!review} noValidate aria-label="Compose a command">
        <div className="grid" style={{ gap: 14 }}>
          <TargetNotice answer={answer} onNarrow={narrow} />
          {narrowedTo && (
            <div role="status" className="alert ok">
              Narrowed to the satellites in your regions: {narrowedTo}.
            </div>
          )}
          {!review && <FormError message={failure?.message} />}
          {sent && (
            <div role="status" className="alert ok">
              {sent.isReplay ? "Already sent" : "Sent"} {sent.summary}.{" "}
              <Link href={`/commands?type=${encodeURIComponent(sent.type)}`}>
                Follow it on the Commands page
              </Link>
            </div>
          )}
          <div className="form-grid">
            <Field name="type" label="Command" hint={spec.description} errors={errors}>
              {(p) => (
                <select
                  {...p}
                  ref={typeSelect}
                  value={type}
                  onChange={(e) => {
                    if (isFormCommandType(e.target.value)) setType(e.target.value);
                    setFailure(null);
                  }}
                >
                  {COMMAND_FORM_TYPES.map((t) => (
                    <option key={t} value={t}>
                      {COMMAND_FORMS[t].label} ({t})
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <PayloadFields
              key={type}
              fields={spec.fields}
              releases={releases}
              regionIds={regionIds}
              services={facts?.services ?? null}
              errors={errors}
            />
            <Field
              name={REASON_FIELD.name}
              label={REASON_FIELD.label}
              hint={REASON_FIELD.hint}
              errors={errors}
            >
              {(p) => <input {...p} maxLength={REASON_FIELD.maxLength} autoComplete="off" />}
            </Field>
            {WINDOW_BYPASS_TYPES.has(type) && (
              <Field
                name="windowBypass"
                label="Why it may go past deployment windows (optional)"
                hint="urgent only; otherwise it waits for each satellite's window. Audited."
                errors={errors}
              >
                {(p) => <input {...p} maxLength={500} autoComplete="off" />}
              </Field>
            )}
            <Field
              name="expiresInSec"
              label="Expires after"
              hint="if the agent has not taken it by then"
              errors={errors}
            >
              {(p) => (
                <select {...p} defaultValue={String(EXPIRY_CHOICES[0].seconds)}>
                  {EXPIRY_CHOICES.map((c) => (
                    <option key={c.seconds} value={c.seconds}>
                      {c.label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <div>
            <button type="submit" className="btn" disabled={isPending || isRefused}>
              {isPending && !review ? "Checking…" : "Review…"}
            </button>
          </div>
        </div>
      </form>
      {review && (
        <section
          className={styles.confirm}
          aria-labelledby={titleId}
          onKeyDown={(e) => {
            if (e.key === "Escape" && !isPending) {
              e.preventDefault();
              back();
            }
          }}
        >
          <h3 id={titleId}>Confirm the command</h3>
          <p className={styles.confirmText}>
            This will send {review.preview.summary}.
            {payloadText && <span className="cell-sub"> With {payloadText}.</span>}
            {reasonText && <span className="cell-sub"> Reason: {reasonText}.</span>}
          </p>
          {review.preview.total > 1 && (
            <p className="muted" style={{ margin: 0 }}>
              Including {review.preview.sample.join(", ")}
              {review.preview.total > review.preview.sample.length ? ", …" : "."}
            </p>
          )}
          <FormError message={failure?.message} />
          <div className="row">
            <button type="button" className="btn" onClick={back} disabled={isPending}>
              Back
            </button>
            <button type="button" className="btn primary" onClick={onConfirm} disabled={isPending} autoFocus>
              {isPending ? "Sending…" : `Send to ${formatCount(review.preview.total, "satellite")}`}
            </button>
          </div>
        </section>
      )}
    </div>
  );
}
