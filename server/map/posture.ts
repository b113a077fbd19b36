import "server-only";
import { z } from "zod";
import { MAP_POSTURES, type MapPosture } from "@/lib/fleet-map";
import { waiverCovers } from "@/lib/policies/waivers";
import { db } from "../db";
import { validationError } from "../errors";

/** What the map asks beyond the fleet filters: the posture column, and "violating policy X". */
export const MapPostureQuery = z.object({
  posture: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["1"]).optional()),
  violating: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .string()
      .max(80, "is not a policy id")
      .regex(/^[a-z0-9][a-z0-9-]*$/, "is not a policy id")
      .optional(),
  ),
});
export type MapPostureQuery = z.infer<typeof MapPostureQuery>;

export function parsePostureQuery(input: unknown): MapPostureQuery {
  const parsed = MapPostureQuery.safeParse(input ?? {});
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}

export type MapPostureData = {
  /** Each satellite's worst result that counts (a waived violation is waived, never compliant). */
  postureOf: Map<string, MapPosture>;
  /** The satellites with an unwaived violation of the policy asked for; null when none was asked. */
  violating: Set<string> | null;
  policies: { id: string; name: string }[];
};

const RANK = new Map(MAP_POSTURES.map((p, i) => [p, i]));
const worse = (a: MapPosture | undefined, b: MapPosture): MapPosture =>
  a && (RANK.get(a) ?? 0) >= (RANK.get(b) ?? 0) ? a : b;

/**
 * The map's one posture read: only results that are not compliant are read row by row (the few), the
 * compliant ones as one row per satellite, so the 5 s poll stays cheap at 10,000 satellites.
 */
export async function mapPosture(
  satellites: { id: string; labelText: string }[],
  violating: string | undefined,
  now: Date,
): Promise<MapPostureData> {
  const live = { archivedAt: null };
  const [policies, problems, compliant, waivers] = await Promise.all([
    db.policy.findMany({
      where: live,
      orderBy: { id: "asc" },
      select: { id: true, currentVersion: true, versions: { select: { version: true, name: true } } },
    }),
    db.policyResult.findMany({
      where: { outcome: { not: "compliant" }, policy: live },
      select: { policyId: true, satelliteId: true, outcome: true },
    }),
    db.policyResult.groupBy({
      by: ["satelliteId"],
      where: { outcome: "compliant", policy: live },
    }),
    db.policyWaiver.findMany({
      where: { revokedAt: null, expiresAt: { gt: now }, policy: live },
      select: { policyId: true, satelliteId: true, labelSelector: true, expiresAt: true, revokedAt: true },
    }),
  ]);
  const labelsOf = new Map(satellites.map((s) => [s.id, s.labelText]));
  const waived = (policyId: string, satelliteId: string) =>
    waivers.some((w) =>
      waiverCovers(w, policyId, { id: satelliteId, labelText: labelsOf.get(satelliteId) ?? "" }, now),
    );
  const postureOf = new Map<string, MapPosture>();
  for (const r of compliant) postureOf.set(r.satelliteId, "compliant");
  const violators = violating ? new Set<string>() : null;
  for (const r of problems) {
    const isWaived = waived(r.policyId, r.satelliteId);
    const p: MapPosture = isWaived ? "waived" : r.outcome === "violation" ? "violation" : "unknown";
    postureOf.set(r.satelliteId, worse(postureOf.get(r.satelliteId), p));
    if (violators && r.policyId === violating && p === "violation") violators.add(r.satelliteId);
  }
  return {
    postureOf,
    violating: violators,
    policies: policies.map((p) => ({
      id: p.id,
      name: p.versions.find((v) => v.version === p.currentVersion)?.name ?? p.id,
    })),
  };
}
