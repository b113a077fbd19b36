"use client";

import Link from "next/link";
import { TableFrame } from "@/components/tables/data-table";
import { RegionTag } from "@/components/ui/region-tag";
import type { ActionResult } from "@/server/http/action";
import type { CreatedRollout } from "@/server/rollouts/create";
import type { RolloutDetail } from "@/server/rollouts/views";
import { FormError } from "../forms/field";
import { useFormAction } from "../forms/use-form-action";
import { TargetStatePill } from "./rollout-bits";
import styles from "./rollouts.module.css";

export type RetryAction = (
  prev: ActionResult<CreatedRollout> | null,
  form: FormData,
) => Promise<ActionResult<CreatedRollout>>;

/**
 * A rollout that completed with exceptions: every satellite it left behind with the reason, and "Retry
 * these", which starts a new rollout of the same release for exactly them.
 */
export function LeftBehind({ rollout, retry }: { rollout: RolloutDetail; retry: RetryAction }) {
  const { state, onSubmit, isPending } = useFormAction(retry);
  const colorOf = new Map(rollout.regions.map((r) => [r.id, r.color]));
  const n = rollout.leftBehind.length;
  return (
    <section className={`card ${styles.leftBehind}`} aria-label="Left behind">
      <div className="card-head">
        <h2>
          {n} satellite{n === 1 ? "" : "s"} left behind
        </h2>
        {rollout.can.retry && (
          <form method="post" onSubmit={onSubmit}>
            <input type="hidden" name="id" value={rollout.id} />
            <button className="btn primary" type="submit" disabled={isPending}>
              {isPending ? "Starting…" : "Retry these"}
            </button>
          </form>
        )}
      </div>
      <div className="card-body grid">
        <p className="muted">
          They are not on {rollout.release.version}. Retry these starts a new rollout of the same release,
          with the same pacing and gates, for exactly these satellites; this rollout keeps its record.
        </p>
        <FormError message={state && !state.ok ? state.error.message : null} />
      </div>
      <TableFrame>
        <thead>
          <tr>
            <th scope="col">Satellite</th>
            <th scope="col">State</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {rollout.leftBehind.map((t) => (
            <tr key={t.satelliteId} aria-label={t.slug}>
              <td>
                <Link className="cell-main" href={`/satellites/${t.slug}`}>
                  {t.name}
                </Link>
                <div className="cell-sub mono">
                  {t.slug} · <RegionTag id={t.regionId} color={colorOf.get(t.regionId)} />
                </div>
              </td>
              <td>
                <TargetStatePill state={t.state} />
              </td>
              <td>{t.reason}</td>
            </tr>
          ))}
        </tbody>
      </TableFrame>
    </section>
  );
}
