import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RolloutLive } from "@/components/rollouts/rollout-live";
import { denyPage } from "@/components/ui/forbidden";
import { PageHead } from "@/components/ui/page-head";
import { refusal } from "@/server/auth/refusal";
import { getCtx } from "@/server/auth/session";
import { env } from "@/server/env";
import { isAppError } from "@/server/errors";
import { getRollout } from "@/server/rollouts/get";
import type { RolloutDetail } from "@/server/rollouts/views";
import {
  abortRolloutAction,
  approveWaveAction,
  pauseRolloutAction,
  resumeRolloutAction,
  retryLeftBehindAction,
  rollBackRolloutAction,
  startRolloutAction,
} from "../actions";
import { WindowWaits } from "./_components/window-waits";

export const metadata: Metadata = { title: "Rollout" };

const ACTIONS = {
  pause: pauseRolloutAction,
  resume: resumeRolloutAction,
  abort: abortRolloutAction,
  rollBack: rollBackRolloutAction,
  approve: approveWaveAction,
  start: startRolloutAction,
  retry: retryLeftBehindAction,
};

export default async function RolloutPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await getCtx();
  const denied = denyPage(refusal(ctx, "rollouts.read"));
  if (denied) return denied;
  // Next hands params over decoded; a malformed escape never gets here (server/http/malformed-path.ts).
  const { id } = await params;
  let rollout: RolloutDetail;
  try {
    rollout = await getRollout(ctx, id);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  return (
    <div className="page">
      <PageHead
        crumbs={[{ href: "/rollouts", label: "Rollouts" }]}
        title={rollout.name}
        description={`${rollout.release.version} in ${rollout.waves.length} wave${rollout.waves.length === 1 ? "" : "s"}`}
      />
      <WindowWaits rollout={rollout} />
      <RolloutLive initial={rollout} actions={ACTIONS} styleUrl={env.MAP_STYLE_URL ?? null} />
    </div>
  );
}
