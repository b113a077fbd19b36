import "server-only";
import { db, type Tx } from "../db";

// Which (policy, satellite) pairs a live waiver covers, resolved against the satellites' stored label text:
// a satellite waiver names its satellite, a selector waiver every satellite whose labels contain all pairs.

export type LiveWaiverRow = {
  id: string;
  policyId: string;
  satelliteId: string | null;
  labelSelector: string;
  reason: string;
  expiresAt: Date;
  createdAt: Date;
  createdById: string | null;
};

/** Waivers in force at `now` (optionally for one policy or one satellite's policies). */
export async function liveWaivers(
  now: Date,
  where: { policyId?: string } = {},
  tx: Tx = db,
): Promise<LiveWaiverRow[]> {
  return tx.policyWaiver.findMany({
    where: { ...where, revokedAt: null, expiresAt: { gt: now } },
    select: {
      id: true,
      policyId: true,
      satelliteId: true,
      labelSelector: true,
      reason: true,
      expiresAt: true,
      createdAt: true,
      createdById: true,
    },
    orderBy: { expiresAt: "asc" },
  });
}

/** policyId → satelliteId → the waiver covering it. */
export type WaivedMap = Map<string, Map<string, LiveWaiverRow>>;

export async function waivedPairs(waivers: readonly LiveWaiverRow[], tx: Tx = db): Promise<WaivedMap> {
  const out: WaivedMap = new Map();
  const add = (policyId: string, satelliteId: string, w: LiveWaiverRow) => {
    let m = out.get(policyId);
    if (!m) out.set(policyId, (m = new Map()));
    if (!m.has(satelliteId)) m.set(satelliteId, w);
  };
  for (const w of waivers) {
    if (w.satelliteId) {
      add(w.policyId, w.satelliteId, w);
      continue;
    }
    const pairs = w.labelSelector.split("|").filter(Boolean);
    if (pairs.length === 0) continue;
    const rows = await tx.satellite.findMany({
      where: { AND: pairs.map((pair) => ({ labelText: { contains: `|${pair}|` } })) },
      select: { id: true },
    });
    for (const r of rows) add(w.policyId, r.id, w);
  }
  return out;
}
