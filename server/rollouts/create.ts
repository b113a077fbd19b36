import "server-only";
import { recordAudit } from "../audit";
import { personOf } from "../auth/actor";
import { authorize, type AuthorizedCtx, type Ctx } from "../auth/context";
import { refusal } from "../auth/refusal";
import { db, transaction, type Tx } from "../db";
import { AppError } from "../errors";
import { policyGate, policyWarnings } from "../commands/gates";
import { assertMayBypassWindows, auditWindowBypass, estimateWithWindows } from "./gates";
import { conflictError, describeHolds, heldBy, lockHolds } from "./holds";
import { makePlan, noTargetReason } from "./make-plan";
import type { RolloutSelector } from "./schemas";

/** Exclusions listed in a preview; the count covers the rest. */
const PREVIEW_EXCLUSIONS = 300;

export type PreviewPoint = { slug: string; name: string; lat: number; lon: number; isTarget: boolean };

export type RolloutPreview = {
  release: { id: string; version: string; certifiedRegionIds: string[]; minAgentVersion: string };
  selectedCount: number;
  targetCount: number;
  exclusionCount: number;
  exclusions: { slug: string; name: string; regionId: string; reason: string }[];
  /** estimateMinutes includes waitMinutes, the time its satellites wait for their deployment windows. */
  waves: { index: number; label: string; size: number; estimateMinutes: number; waitMinutes?: number }[];
  totalMinutes: number;
  /**
   * Why creating it now would be refused (region scope, satellites held by another rollout, no target, an
   * enforced policy the targets violate).
   */
  blockers: string[];
  /** Enforced policies the targets violate, when an override reason was given: it goes ahead, audited. */
  overriddenPolicies: string[];
  /** How deployment windows hold its waves, in words. */
  windowNotes: string[];
  points: PreviewPoint[];
};

export type CreatedRollout = { id: string; name: string; status: string };

/** What a rollout with this input would do now, without writing anything: the form's live preview. */
export async function previewRollout(ctx: Ctx, input: unknown, now = new Date()): Promise<RolloutPreview> {
  authorize(ctx, "rollouts.write");
  const plan = await makePlan(db, input, now);
  const blockers: string[] = [];
  const scope = refusal(ctx, "rollouts.write", { satellites: plan.selected });
  if (scope) blockers.push(scope.message);
  const holds = describeHolds(
    await heldBy(
      db,
      plan.targets.map((t) => t.id),
    ),
  );
  if (holds && !plan.input.isDraft) blockers.push(holds);
  if (plan.targets.length === 0) blockers.push(noTargetReason(plan));
  const change = { kind: "rollout" as const, releaseId: plan.release.id };
  const violations = await policyWarnings(db, plan.targets, change, now);
  if (!plan.input.policyOverride) blockers.push(...violations);
  const windowed = await estimateWithWindows(db, plan, now);
  const isTarget = new Set(plan.targets.map((t) => t.id));
  return {
    release: {
      id: plan.release.id,
      version: plan.release.version,
      certifiedRegionIds: [...plan.release.certifiedRegionIds],
      minAgentVersion: plan.release.minAgentVersion,
    },
    selectedCount: plan.selected.length,
    targetCount: plan.targets.length,
    exclusionCount: plan.exclusions.length,
    exclusions: plan.exclusions.slice(0, PREVIEW_EXCLUSIONS).map(({ satellite: s, reason }) => ({
      slug: s.slug,
      name: s.name,
      regionId: s.regionId,
      reason,
    })),
    waves: plan.waves.map((w, i) => ({
      index: w.index,
      label: w.label,
      size: w.satelliteIds.length,
      estimateMinutes: windowed.estimates[i],
      waitMinutes: windowed.waits[i],
    })),
    totalMinutes: windowed.estimates.reduce((a, b) => a + b, 0),
    blockers,
    overriddenPolicies: plan.input.policyOverride ? violations : [],
    windowNotes: windowed.notes,
    points: plan.selected.map((s) => ({
      slug: s.slug,
      name: s.name,
      lat: s.lat,
      lon: s.lon,
      isTarget: isTarget.has(s.id),
    })),
  };
}

/**
 * Plans and writes a rollout with its waves and targets (excluded ones with their reason) and the audit
 * row in one transaction. It runs at once unless saved as a draft; the reconciler opens the canary on its
 * next tick. Refused whole when a selected satellite is outside the caller's region scope or an active
 * rollout already holds a target.
 */
export async function createRollout(ctx: Ctx, input: unknown, now = new Date()): Promise<CreatedRollout> {
  authorize(ctx, "rollouts.write");
  return transaction((tx) => createRolloutIn(tx, ctx, input, now));
}

/** `createRollout` inside the caller's transaction, for a verb that starts one as part of its own write. */
export async function createRolloutIn(
  tx: Tx,
  ctx: AuthorizedCtx,
  input: unknown,
  now: Date,
): Promise<CreatedRollout> {
  await lockHolds(tx, now);
  const plan = await makePlan(tx, input, now);
  authorize(ctx, "rollouts.write", { satellites: plan.selected });
  assertMayBypassWindows(ctx, plan.input.windowBypass);
  if (plan.targets.length === 0) throw new AppError("PRECONDITION_FAILED", noTargetReason(plan));
  const { input: data, release } = plan;
  if (!data.isDraft) {
    const conflict = conflictError(
      await heldBy(
        tx,
        plan.targets.map((t) => t.id),
      ),
    );
    if (conflict) throw conflict;
  }
  const name = data.name ?? defaultName(release.version, data);
  const rollout = await tx.rollout.create({
    data: {
      name,
      releaseId: release.id,
      status: data.isDraft ? "draft" : "running",
      selector: {
        regionIds: data.regionIds,
        kinds: data.kinds,
        labels: data.labels,
        satellites: data.satellites,
      },
      maxConcurrency: data.maxConcurrency,
      bakeMinutes: data.bakeMinutes,
      failureThresholdPct: data.failureThresholdPct,
      requireApproval: data.requireApproval,
      isRegionByRegion: data.isRegionByRegion,
      createdById: personOf(ctx.actor),
      startedAt: data.isDraft ? null : now,
      windowBypassReason: data.windowBypass ?? null,
      policyOverrideReason: data.policyOverride ?? null,
    },
  });
  // A draft changes nothing yet: its policies are checked when it starts.
  if (!data.isDraft) {
    const what = `rollout "${name}"`;
    const override = { reason: data.policyOverride, targetType: "rollout", targetId: rollout.id, what };
    await policyGate(tx, ctx, plan.targets, { kind: "rollout", releaseId: release.id }, override, now);
  }
  await auditWindowBypass(tx, ctx, { id: rollout.id, name }, data.windowBypass);
  const stackVersion = new Map(plan.targets.map((t) => [t.id, t.stackVersion]));
  const rows: {
    rolloutId: string;
    waveId: string | null;
    satelliteId: string;
    state: "pending" | "excluded";
    excludedReason: string | null;
    fromVersion: string | null;
  }[] = [];
  for (const w of plan.waves) {
    const wave = await tx.rolloutWave.create({
      data: { rolloutId: rollout.id, index: w.index, label: w.label, targetCount: w.satelliteIds.length },
    });
    for (const satelliteId of w.satelliteIds) {
      rows.push({
        rolloutId: rollout.id,
        waveId: wave.id,
        satelliteId,
        state: "pending",
        excludedReason: null,
        fromVersion: stackVersion.get(satelliteId) ?? null,
      });
    }
  }
  for (const { satellite, reason } of plan.exclusions) {
    rows.push({
      rolloutId: rollout.id,
      waveId: null,
      satelliteId: satellite.id,
      state: "excluded",
      excludedReason: reason,
      fromVersion: satellite.stackVersion,
    });
  }
  for (let i = 0; i < rows.length; i += 1000) {
    await tx.rolloutTarget.createMany({ data: rows.slice(i, i + 1000) });
  }
  const total = plan.estimates.reduce((a, b) => a + b, 0);
  await recordAudit(tx, ctx, {
    action: data.isDraft ? "rollout.draft" : "rollout.create",
    targetType: "rollout",
    targetId: rollout.id,
    summary:
      `${data.isDraft ? "Saved a draft of" : "Started"} rollout "${name}": ${release.version} to ` +
      `${plan.targets.length} satellites in ${plan.waves.length} waves, ${plan.exclusions.length} excluded, ` +
      `about ${total} min`,
    data: {
      releaseId: release.id,
      selector: {
        regionIds: data.regionIds,
        kinds: data.kinds,
        labels: data.labels,
        satellites: data.satellites,
      },
      waves: plan.waves.map((w) => ({ label: w.label, size: w.satelliteIds.length })),
      maxConcurrency: data.maxConcurrency,
      bakeMinutes: data.bakeMinutes,
      failureThresholdPct: data.failureThresholdPct,
      requireApproval: data.requireApproval,
    },
  });
  return { id: rollout.id, name, status: rollout.status };
}

function defaultName(version: string, s: RolloutSelector): string {
  const parts = [...s.regionIds, ...s.kinds, ...s.labels];
  if (s.satellites.length) parts.push(`${s.satellites.length} picked`);
  const what = parts.join(", ");
  return `${version} · ${what.length > 90 ? `${what.slice(0, 89)}…` : what}`;
}
