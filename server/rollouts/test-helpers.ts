// Fleet and agent stand-ins for the rollout tests: satellites in a known state, releases, heartbeats and
// acks. Only the tests import this file.
import { randomBytes } from "node:crypto";
import { connectivityDeadlines, type Health } from "@/lib/connectivity";
import type { Lifecycle } from "@/lib/fleet";
import { satelliteInput } from "../../test/factories";
import type { Ctx } from "../auth/context";
import { ackCommand } from "../commands/ack";
import { db } from "../db";
import { registerSatellite } from "../satellites/register";

const unique = () => randomBytes(4).toString("hex");

export type TestSatellite = { id: string; slug: string; regionId: string };

export async function makeSatellite(
  admin: Ctx,
  now: Date,
  opts: {
    regionId?: string;
    kind?: string;
    labels?: Record<string, string>;
    stackVersion?: string | null;
    agentVersion?: string | null;
    lifecycle?: Lifecycle;
    /** null: never seen. */
    lastSeenAt?: Date | null;
    health?: Health;
    downlinkMbps?: number;
  } = {},
): Promise<TestSatellite> {
  const regionId = opts.regionId ?? "eu-gdpr";
  const { id, slug } = await registerSatellite(
    admin,
    satelliteInput({
      slug: `sat-${unique()}`,
      regionId,
      kind: opts.kind ?? "edge",
      labels: opts.labels ?? { tier: "gold" },
      downlinkMbps: opts.downlinkMbps ?? 1000,
    }),
  );
  const lastSeenAt = opts.lastSeenAt === undefined ? now : opts.lastSeenAt;
  await db.satellite.update({
    where: { id },
    data: {
      stackVersion: opts.stackVersion === undefined ? "2026.11.1" : opts.stackVersion,
      agentVersion: opts.agentVersion === undefined ? "1.4.0" : opts.agentVersion,
      lifecycle: opts.lifecycle ?? "active",
      lastSeenAt,
      ...(lastSeenAt ? connectivityDeadlines(lastSeenAt, 10) : { staleAfter: null, offlineAfter: null }),
      reportedHealth: lastSeenAt ? (opts.health ?? "healthy") : "unknown",
    },
  });
  return { id, slug, regionId };
}

let releases = 0;

export async function makeRelease(
  regionIds: string[] = ["eu-gdpr", "us-fedramp"],
  opts: { minAgentVersion?: string; artifactSizeMb?: number } = {},
): Promise<{ id: string; version: string }> {
  releases++;
  const version = `2026.12.${releases}${unique().replace(/\D/g, "").slice(0, 3)}`;
  const release = await db.release.create({
    data: {
      version,
      artifactSizeMb: opts.artifactSizeMb ?? 2400,
      minAgentVersion: opts.minAgentVersion ?? "1.4.0",
      certifiedRegions: { create: regionIds.map((regionId) => ({ regionId })) },
    },
  });
  return { id: release.id, version };
}

/** A heartbeat as ingest records it: last seen now, with the reported health. */
export async function beat(satelliteIds: string[], now: Date, health: Health = "healthy"): Promise<void> {
  await db.satellite.updateMany({
    where: { id: { in: satelliteIds } },
    data: { lastSeenAt: now, ...connectivityDeadlines(now, 10), reportedHealth: health },
  });
}

/**
 * Agents answering every open command of the rollout through the real ack path; `fail` names satellites
 * whose upgrade fails. Returns how many commands were acknowledged.
 */
export async function ackOpenCommands(
  rolloutId: string,
  now: Date,
  fail: ReadonlySet<string> = new Set(),
): Promise<number> {
  const open = await db.command.findMany({
    where: { rolloutId, state: { in: ["queued", "delivered", "running"] } },
    include: { satellite: { select: { slug: true, regionId: true } } },
  });
  for (const c of open) {
    const agent = {
      credentialId: `cred-${c.satelliteId}`,
      satelliteId: c.satelliteId,
      slug: c.satellite.slug,
      regionId: c.satellite.regionId,
      intervalSec: 10,
      expiresAt: null,
    };
    const isFailing = c.type === "stack.upgrade" && fail.has(c.satelliteId);
    await ackCommand(
      agent,
      c.id,
      isFailing
        ? { status: "failed", message: "health check failed after upgrade: kubelet not ready within 120 s" }
        : { status: "succeeded", message: `${c.type} done` },
      now,
    );
  }
  return open.length;
}
