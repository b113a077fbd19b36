"use client";

import { FormError } from "@/components/forms/field";
import { useFormAction } from "@/components/forms/use-form-action";
import { CopySnippet } from "@/components/ui/copy-snippet";
import { formatDateTime } from "@/lib/format";
import type { ActionResult } from "@/server/http/action";
import styles from "../satellite.module.css";
import { agentCommand, TOKEN_PLACEHOLDER } from "./agent-command";

type Created = { id: string; token: string; expiresAt: string };

/** One click makes a join token bound to this satellite; the command to run then carries it. */
export function EnrollToken({
  satelliteId,
  slug,
  coreUrl,
  isReEnroll,
  action,
}: {
  satelliteId: string;
  slug: string;
  coreUrl: string;
  isReEnroll: boolean;
  action: (prev: ActionResult<Created> | null, form: FormData) => Promise<ActionResult<Created>>;
}) {
  const { state, onSubmit, isPending } = useFormAction(action);
  if (state?.ok) {
    return (
      <div className={styles.enroll}>
        <div role="status" className="alert ok">
          <strong>Copy the command now: its join token is shown only this once.</strong> It enrolls {slug}{" "}
          once, until {formatDateTime(state.data.expiresAt)}.
        </div>
        <CopySnippet
          label="On the satellite's host"
          text={agentCommand(coreUrl, state.data.token, isReEnroll)}
        />
      </div>
    );
  }
  return (
    <form method="post" onSubmit={onSubmit} className={styles.enroll}>
      <FormError message={state && !state.ok ? state.error.message : null} />
      <input type="hidden" name="satelliteId" value={satelliteId} />
      <CopySnippet
        label="On the satellite's host"
        text={agentCommand(coreUrl, TOKEN_PLACEHOLDER, isReEnroll)}
      />
      <div>
        <button className="btn primary" type="submit" disabled={isPending}>
          {isPending ? "Creating…" : `Create a join token for ${slug}`}
        </button>
        <span className="muted small"> one use, valid for 24 hours, bound to this satellite</span>
      </div>
    </form>
  );
}
