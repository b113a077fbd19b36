"use client";

import { useQuery } from "@tanstack/react-query";
import { useCallback, useMemo, useState } from "react";
import { LiveError } from "@/components/ui/live-error";
import { etagFetcher, isSignedOut, retryUnlessSignedOut } from "@/lib/fetch-json";
import type { MapRolloutState } from "@/lib/fleet-map";
import type { RolloutDetail } from "@/server/rollouts/views";
import type { TargetState } from "@/server/rollouts/types";
import { Time } from "@/components/ui/time";
import { formatNumber } from "@/lib/format";
import { ProgressBar, RolloutStatusPill } from "./rollout-bits";
import { LeftBehind } from "./left-behind";
import { RolloutControls, type RolloutActions } from "./rollout-controls";
import { RolloutMap, type RolloutMapPoint } from "./rollout-map";
import { RolloutTargets } from "./rollout-targets";
import { RolloutWaves } from "./rollout-waves";
import styles from "./rollouts.module.css";

const POLL_MS = 5_000;

const fetchProgress = etagFetcher<RolloutDetail>({ fallback: "The rollout could not be refreshed" });
const fetchRollout = (id: string) => fetchProgress(`/api/v1/rollouts/${encodeURIComponent(id)}`);

/** The fleet map's rollout colours; excluded and skipped satellites are drawn as not taking part. */
const MAP_STATE: Record<TargetState, MapRolloutState> = {
  pending: "pending",
  upgrading: "upgrading",
  succeeded: "succeeded",
  failed: "failed",
  rolled_back: "rolled_back",
  excluded: "none",
  skipped: "none",
};
const LEGEND = [
  { state: "failed", label: "Failed" },
  { state: "rolled_back", label: "Rolled back" },
  { state: "upgrading", label: "Upgrading" },
  { state: "pending", label: "Waiting" },
  { state: "succeeded", label: "Upgraded" },
  { state: "none", label: "Excluded or skipped" },
] as const;

const FINAL = new Set(["completed", "completed_with_exceptions", "aborted", "rolled_back"]);

/** A rollout's page body, polled every 5 s while it is live, with the controls the caller may use. */
export function RolloutLive({
  initial,
  actions,
  styleUrl,
}: {
  initial: RolloutDetail;
  actions: RolloutActions;
  styleUrl: string | null;
}) {
  const { data, error, refetch, isFetching } = useQuery({
    queryKey: ["rollout", initial.id],
    queryFn: () => fetchRollout(initial.id),
    initialData: initial,
    staleTime: POLL_MS / 2,
    // Signed out, polling would only repeat the 401 until the user signs in again.
    refetchInterval: (query) =>
      isSignedOut(query.state.error)
        ? false
        : FINAL.has(query.state.data?.status ?? "")
          ? POLL_MS * 6
          : POLL_MS,
    refetchIntervalInBackground: false,
    retry: retryUnlessSignedOut,
  });
  const rollout = data;
  const onDone = useCallback(() => void refetch(), [refetch]);
  const [focus, setFocus] = useState("");
  const points = useMemo<RolloutMapPoint[]>(
    () =>
      rollout.targets.map((t) => ({
        slug: t.slug,
        name: t.name,
        lat: t.lat,
        lon: t.lon,
        state: MAP_STATE[t.state],
      })),
    [rollout.targets],
  );
  const s = rollout.selector;
  const selection = [
    s.regionIds.length ? `regions ${s.regionIds.join(", ")}` : null,
    s.kinds.length ? `kinds ${s.kinds.join(", ")}` : null,
    s.labels.length ? `labels ${s.labels.join(", ")}` : null,
    s.satellites.length ? `${s.satellites.length} named by hand` : null,
  ].filter(Boolean);

  return (
    <>
      <section className={`card card-body ${styles.statusBar}`} aria-label="Status">
        <div className="row">
          <RolloutStatusPill status={rollout.status} />
          <ProgressBar counts={rollout.counts} />
        </div>
        <RolloutControls rollout={rollout} actions={actions} onDone={onDone} />
      </section>
      {rollout.status === "paused" && rollout.pausedReason && (
        <section className={styles.pausedBanner} aria-label="Pause reason" role="alert">
          <strong>Paused</strong>
          {rollout.pausedReason}
        </section>
      )}
      {rollout.can.scopeProblem && <div className="alert info">{rollout.can.scopeProblem}</div>}
      {rollout.leftBehind.length > 0 && <LeftBehind rollout={rollout} retry={actions.retry} />}
      {error && <LiveError error={error} />}
      <section className="card card-body">
        <dl className="facts">
          <dt>Release</dt>
          <dd className="mono">
            {rollout.release.version} (agent {rollout.release.minAgentVersion}+,{" "}
            {formatNumber(rollout.release.artifactSizeMb)} MB)
          </dd>
          <dt>Selection</dt>
          <dd>
            {selection.join("; ") || "—"} · {rollout.counts.total} targets, {rollout.counts.excluded} excluded
          </dd>
          <dt>Created</dt>
          <dd>
            <Time at={rollout.createdAt} /> by {rollout.createdBy ?? "a deleted user"}
          </dd>
          <dt>Started</dt>
          <dd>
            <Time at={rollout.startedAt} />
          </dd>
          <dt>Finished</dt>
          <dd>
            <Time at={rollout.finishedAt} />
          </dd>
          <dt>Live</dt>
          <dd className="muted">
            <span className={`live-dot ${styles.inlineDot}${isFetching ? " busy" : ""}`} aria-hidden="true" />{" "}
            refreshed every {POLL_MS / 1000} s
          </dd>
        </dl>
      </section>
      <RolloutWaves rollout={rollout} approve={actions.approve} onDone={onDone} />
      <RolloutMap
        points={points}
        legend={[...LEGEND]}
        fitKey={rollout.id}
        label="Satellites by rollout state"
        styleUrl={styleUrl}
        onSelect={setFocus}
      />
      <RolloutTargets
        targets={rollout.targets}
        regions={rollout.regions}
        version={rollout.release.version}
        focus={focus}
        onFocus={setFocus}
      />
    </>
  );
}
