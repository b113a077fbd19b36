"use client";

import { useRef } from "react";
import { CopySnippet } from "@/components/ui/copy-snippet";
import type { RevokedCredentials } from "@/server/agents/revoke";
import type { ActionResult } from "@/server/http/action";
import { formatDateTime } from "@/lib/format";
import { Field, FormError } from "./field";
import { useFormAction } from "./use-form-action";

type Result = ActionResult<RevokedCredentials>;

/** The agent's command line to enroll again with the new join token, keeping its state directory. */
export function reenrollCommand(core: string, joinToken: string): string {
  return `npx tsx agent/agent.ts --core ${core} --state-dir /var/lib/orrery-agent --join-token ${joinToken} --re-enroll`;
}

export function RevokeCredentialsForm({
  id,
  slug,
  core,
  action,
}: {
  id: string;
  slug: string;
  core: string;
  action: (prev: Result | null, form: FormData) => Promise<Result>;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const { state, onSubmit, isPending, errors } = useFormAction(
    async (prev: Result | null, form: FormData) => {
      const result = await action(prev, form);
      if (result.ok) dialog.current?.close();
      return result;
    },
  );

  return (
    <>
      <p className="muted" style={{ marginTop: 0 }}>
        For a leaked or stolen agent token: every token of this satellite stops working at once and a
        single-use join token bound to it is issued, to enroll its agent again. The agent&apos;s samples are
        accepted afresh after it enrolls again.
      </p>
      {state?.ok && (
        <div role="status" className="alert ok" style={{ marginBottom: 14 }}>
          <strong>
            Revoked {state.data.revokedTokens} agent token(s) of {state.data.slug}. Copy this join token now —
            it will not be shown again.
          </strong>
          <div className="row" style={{ marginTop: 8 }}>
            <code data-testid="reenroll-join-token" style={{ userSelect: "all", wordBreak: "break-all" }}>
              {state.data.joinToken.token}
            </code>
          </div>
          <div style={{ marginTop: 8 }}>
            <CopySnippet
              label="On the satellite, enroll the agent again (it keeps its buffered samples):"
              text={reenrollCommand(core, state.data.joinToken.token)}
            />
          </div>
          <div className="cell-sub" style={{ marginTop: 6 }}>
            Valid once, until {formatDateTime(state.data.joinToken.expiresAt)}.
          </div>
        </div>
      )}
      <button type="button" className="btn danger" onClick={() => dialog.current?.showModal()}>
        Revoke credentials of {slug}…
      </button>
      <dialog ref={dialog} aria-labelledby="revoke-credentials-title">
        <form method="post" onSubmit={onSubmit} className="grid" style={{ gap: 14, padding: 20 }}>
          <h2 id="revoke-credentials-title">Revoke the credentials of {slug}?</h2>
          <p className="muted" style={{ margin: 0 }}>
            The agent is refused at once and stops reporting until it enrolls again with the join token shown
            next.
          </p>
          <FormError message={state && !state.ok ? state.error.message : null} />
          <input type="hidden" name="satelliteId" value={id} />
          <Field
            id="revoke-reason"
            name="reason"
            label="Reason"
            hint="recorded in the audit log"
            errors={errors}
          >
            {(p) => <input {...p} required minLength={3} autoFocus />}
          </Field>
          <Field
            name="expiresIn"
            label="Join token expires in"
            hint='e.g. "90m", "24h", "7d"'
            errors={errors}
          >
            {(p) => <input {...p} defaultValue="24h" />}
          </Field>
          <div className="row" style={{ justifyContent: "flex-end" }}>
            <button type="button" className="btn" onClick={() => dialog.current?.close()}>
              Cancel
            </button>
            <button type="submit" className="btn danger" disabled={isPending}>
              {isPending ? "Revoking…" : "Revoke credentials"}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
